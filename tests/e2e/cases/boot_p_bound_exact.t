# issue 14: under full enumeration (2^10 sign vectors) the smallest attainable p (the 2 vectors that always tie) prints as a bound <= 0.002
args: regress --data $REF/grunfeld/data.csv -f 'inv ~ value + capital | firm + year' --boot-weights rademacher
exit: 0
stdout-match: ^value +0\.117716 .* <= 0\.002 +\[0\.0705971, 0\.155878\]$
stdout-match: p at or below 0\.00195, the share of vectors that always tie, is shown as a bound
