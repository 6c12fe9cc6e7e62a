# issue 14: below 12 clusters Webb's six-point weights are the default, and the output says so
args: regress --data $REF/grunfeld/data.csv -f 'inv ~ value + capital | firm'
exit: 0
stdout-match: ^Webb's six-point weights: with G = 10 < 12 clusters Rademacher weights give at most 2\^10 distinct bootstrap samples
stdout-match: wild cluster bootstrap \(WCR, Webb weights, B = 9999, seed 42
