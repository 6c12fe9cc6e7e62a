# Stata .dta (118): labels, value-labelled income group kept as text categories, .a missing
args: describe --data $ROOT/tests/data/formats/wdi.dta
exit: 0
stdout-match: ^Panel: +5 entities \(iso3\), 5 periods \(year 2010-2014\), 25 rows
stdout-match: ^gini +19 +2010 +2014 +41.1 +48.9526 +54.4$
stdout-match: ^income +25 +\(text\)
stdout-match: ^  gini +Gini index \(World Bank estimate\)$
