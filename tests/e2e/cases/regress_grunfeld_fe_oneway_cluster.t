# Grunfeld one-way FE, SEs clustered as Stata xtreg: matches tests/reference/grunfeld/expected.json fe_oneway / cluster_entity_stata_xtreg (R plm + sandwich)
args: regress --data $REF/grunfeld/data.csv -f 'inv ~ value + capital | firm' --se cluster --format csv
exit: 0
stdout-match: ^value,0\.11012380412[0-9]*,0\.015194493942[0-9]*,
stdout-match: ^capital,0\.31006534130[0-9]*,0\.052751771758[0-9]*,
