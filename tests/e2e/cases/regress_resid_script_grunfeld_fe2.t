# --resid-script after two-way FE: residuals include both absorbed effects; their sum of squares is plm's RSS 452147.0703789375 and fitted + residual = inv
args: regress --data $REF/grunfeld/data.csv -f 'inv ~ value + capital | firm + year' --resid-script $TMP/r.gp > /dev/null && awk '/<< EOD/{on=1;next} /^EOD/{on=0} on{s+=$2*$2;n++} END{printf "n=%d rss=%.10g\n", n, s}' $TMP/r.gp
exit: 0
stdout-match: ^n=200 rss=452147\.0704$
