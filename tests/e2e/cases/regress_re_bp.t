# RE prints the Breusch-Pagan LM test matching plm plmtest (798.1615483690663)
args: regress --data $REF/grunfeld/data.csv -f 'inv ~ value + capital' --model re --se iid --format json
exit: 0
stdout-match: "statistic": 798\.16154836906[0-9]*,
