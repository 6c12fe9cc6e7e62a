# Grunfeld default: two-way FE clustered by entity (Stata with time dummies): matches tests/reference/grunfeld/expected.json fe_twoway / cluster_entity_stata_xtreg_with_time_dummies (R plm + sandwich)
args: regress --data $REF/grunfeld/data.csv value capital inv --format csv
exit: 0
stdout-match: ^value,0\.11771585508[0-9]*,0\.010824429476[0-9]*,
stdout-match: ^capital,0\.35791627307[0-9]*,0\.047848396592[0-9]*,
