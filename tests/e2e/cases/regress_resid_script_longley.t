# --resid-script: the residuals in the saved script square-sum to NIST's certified Longley RSS 836424.055505915 (10 digits)
args: regress --data $REF/nist_longley/data.csv -f 'y ~ x1+x2+x3+x4+x5+x6' --resid-script $TMP/r.gp > /dev/null && awk '/<< EOD/{on=1;next} /^EOD/{on=0} on{s+=$2*$2;n++} END{printf "n=%d rss=%.10g\n", n, s}' $TMP/r.gp
exit: 0
stdout-match: ^n=16 rss=836424\.0555$
