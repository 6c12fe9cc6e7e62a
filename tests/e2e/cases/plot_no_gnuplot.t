# gnuplot missing: exit 16, says how to install it, no file left
env: CPR_GNUPLOT=/nonexistent/gnuplot
args: plot scatter gdp_pc poverty --year 2015 -o $TMP/fig.png
exit: 16
stderr-match: gnuplot-nox
file-absent: $TMP/fig.png
