# --hausman on a random-effects model: the test appears once in the JSON (RE already carries it), for both kinds
args: regress --data $REF/grunfeld/data.csv -f 'inv ~ value + capital' --model re --hausman --format json | grep -c '"name": "hausman' ; "$BIN" regress --data $REF/grunfeld/data.csv -f 'inv ~ value + capital' --model re --hausman --se iid --format json | grep -c '"name": "hausman'
exit: 0
--- stdout
1
1
