# --hausman --hausman-type classical matches plm phtest on Grunfeld (expected.json tests.hausman_fe_vs_re_swar: 2.330366893675463, p 0.3118654460548856)
args: regress --data $REF/grunfeld/data.csv -f 'inv ~ value + capital | firm' --hausman --hausman-type classical --format json
exit: 0
stdout-match: "statistic": 2\.33036689367[0-9]*,
stdout-match: "p_value": 0\.311865446054[0-9]*,
