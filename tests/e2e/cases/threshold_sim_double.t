# threshold, two thresholds (sequential, refined): matches the R brute force
args: threshold --data $ROOT/tests/data/threshold_sim.csv --entity id --time year -f 'y ~ x + z | id' --regime x --threshold q --thresholds 2 --format csv
exit: 0
stdout-match: ^x:q<=-0\.276,0\.93894560424[0-9]*,
stdout-match: ^x:-0\.276<q<=0\.398,1\.85547480034[0-9]*,
stdout-match: ^x:q>0\.398,0\.47327692579[0-9]*,
