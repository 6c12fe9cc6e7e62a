# with clustered SEs (the panel default) --hausman is the regression-based Mundlak test with the clustered variance (R: tests/unit/oracle/hausman_re.R, 7.3197051570595058)
args: regress --data $REF/grunfeld/data.csv -f 'inv ~ value + capital | firm' --hausman --bootstrap 0
exit: 0
stdout-match: Hausman test, regression-based \(Mundlak\)
stdout-match: 7\.3197
