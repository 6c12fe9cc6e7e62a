# a damaged .dta among merged files: exit 7, and regress writes nothing
args: regress --data $ROOT/datasets/lac_panel.csv --data $ROOT/tests/data/formats/bad/truncated.dta -f 'gini ~ gdp_pc' --format json > $TMP/out.json
exit: 7
stderr-match: truncated.dta: cannot read this Stata file
stdout-not-match: .
