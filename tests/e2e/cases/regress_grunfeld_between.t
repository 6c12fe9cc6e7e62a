# Grunfeld between estimator: matches tests/reference/grunfeld/expected.json between / classical (R plm + sandwich)
args: regress --data $REF/grunfeld/data.csv -f 'inv ~ value + capital' --model be --se iid --format csv
exit: 0
stdout-match: ^const,\-8\.5271137217[0-9]*,47\.515307735[0-9]*,
stdout-match: ^value,0\.13464608697[0-9]*,0\.028745459140[0-9]*,
stdout-match: ^capital,0\.032031474331[0-9]*,0\.19093779916[0-9]*,
