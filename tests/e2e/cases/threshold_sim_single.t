# threshold, one threshold, entity FE on the simulated panel: matches the R brute force (tests/unit/oracle/threshold.out)
args: threshold --data $ROOT/tests/data/threshold_sim.csv --entity id --time year -f 'y ~ x + z | id' --regime x --threshold q --format json
exit: 0
stdout-match: "formula": "y ~ x \+ z \| id"
stdout-match: "estimator": "Hansen \(1999\) panel threshold, one threshold \(within\)"
stdout-match: "se_type": "cluster"
stdout-match: "term": "x:q<=0.398"
stdout-match: "estimate": 1\.30745781841
stdout-match: "gamma1_lo": 0\.387
stdout-match: "statistic": 86\.9619488500
