# --script-only writes the gnuplot script with the data inline and no image
args: plot scatter vdem_client wgi_va --year 2019 -o $TMP/fig.svg --script $TMP/fig.gp --script-only && cat $TMP/fig.gp
exit: 0
stdout-match: ^\$[A-Za-z_]+ << EOD$
stdout-match: set output '[^']*fig.svg'
stdout-match: ^set terminal svg
file-absent: $TMP/fig.svg
