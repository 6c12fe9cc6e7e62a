# an output name with an unknown image type, exit 2, nothing written
args: plot scatter gdp_pc poverty -o $TMP/fig.bmp
exit: 2
stderr-match: fig.bmp
file-absent: $TMP/fig.bmp
