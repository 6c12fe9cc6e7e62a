# gmm two-step, Windmeijer SEs, time effects on EmplUK: matches R plm pgmm (tests/unit/oracle/gmm_emplUK.out, two_*)
args: gmm --data $ROOT/tests/data/emplUK.csv --entity firm --time year -f 'log(emp) ~ L.log(emp) + L2.log(emp) + log(wage) + L.log(wage) + log(capital) + log(output) + L.log(output)' --time-effects --twostep --format json
exit: 0
stdout-match: "formula": "log\(emp\) ~ L.log\(emp\) \+ L2.log\(emp\)
stdout-match: "estimator": "Arellano-Bond difference GMM, two-step"
stdout-match: "se_type": "windmeijer"
stdout-match: "estimate": 0\.4741506014[0-9]*
stdout-match: "std_error": 0\.1853984543[0-9]*
stdout-match: "statistic": -1\.5384501538[0-9]*
stdout-match: "statistic": 30\.112466576[0-9]*
