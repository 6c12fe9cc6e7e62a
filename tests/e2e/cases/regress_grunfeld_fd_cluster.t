# Grunfeld first differences with intercept, Stata cluster: matches tests/reference/grunfeld/expected.json first_difference / cluster_entity_stata (R plm + sandwich)
args: regress --data $REF/grunfeld/data.csv -f 'inv ~ value + capital' --model fd --se cluster --format csv
exit: 0
stdout-match: ^const,\-1\.8188901585[0-9]*,3\.2772009465[0-9]*,
stdout-match: ^value,0\.089762494990[0-9]*,0\.013576195123[0-9]*,
stdout-match: ^capital,0\.29176671969[0-9]*,0\.15541595590[0-9]*,
