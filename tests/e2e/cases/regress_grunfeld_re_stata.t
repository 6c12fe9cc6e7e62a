# Grunfeld random effects (Stata xtreg, re): matches tests/reference/grunfeld/expected.json re_stata_xtreg / classical (R plm + sandwich)
args: regress --data $REF/grunfeld/data.csv -f 'inv ~ value + capital' --model re --se iid --format csv
exit: 0
stdout-match: ^const,\-57\.834414905[0-9]*,28\.898935260[0-9]*,
stdout-match: ^value,0\.10978115223[0-9]*,0\.010492663549[0-9]*,
stdout-match: ^capital,0\.30811298283[0-9]*,0\.017180469089[0-9]*,
