# Grunfeld pooled OLS, HC3: matches tests/reference/grunfeld/expected.json pooled_ols / HC3 (R plm + sandwich)
args: regress --data $REF/grunfeld/data.csv -f 'inv ~ value + capital' --se hc3 --format csv
exit: 0
stdout-match: ^const,\-42\.714369436[0-9]*,14\.013495466[0-9]*,
stdout-match: ^value,0\.11556215636[0-9]*,0\.0071626662443[0-9]*,
stdout-match: ^capital,0\.23067848873[0-9]*,0\.058509866205[0-9]*,
