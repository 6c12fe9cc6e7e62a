# --resid-plot is refused for random effects with a usage error, and no file is left
args: regress --data $REF/grunfeld/data.csv -f 'inv ~ value + capital' -m re --resid-plot $TMP/r.png
exit: 2
stderr-match: --resid-plot is available for --model ols, pooled and fe
file-absent: $TMP/r.png
