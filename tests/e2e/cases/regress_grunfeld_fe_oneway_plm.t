# Grunfeld one-way FE, plm sss cluster factor: matches tests/reference/grunfeld/expected.json fe_oneway / cluster_entity_plm_sss (R plm + sandwich)
args: regress --data $REF/grunfeld/data.csv -f 'inv ~ value + capital | firm' --se cluster --ssc plm --format csv
exit: 0
stdout-match: ^value,0\.11012380412[0-9]*,0\.015156075438[0-9]*,
stdout-match: ^capital,0\.31006534130[0-9]*,0\.052618391591[0-9]*,
