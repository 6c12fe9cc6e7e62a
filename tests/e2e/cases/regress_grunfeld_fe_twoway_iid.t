# Grunfeld two-way FE, classical SEs: matches tests/reference/grunfeld/expected.json fe_twoway / classical (R plm + sandwich)
args: regress --data $REF/grunfeld/data.csv value capital inv --se iid --format csv
exit: 0
stdout-match: ^value,0\.11771585508[0-9]*,0\.013751283003[0-9]*,
stdout-match: ^capital,0\.35791627307[0-9]*,0\.022719010882[0-9]*,
