# BOM, CRLF line ends and every missing-value spelling
args: describe --data $ROOT/tests/e2e/data/bom_crlf.csv
exit: 0
stdout-match: ^Panel: +4 entities \(iso3\), 2 periods \(year 2000-2001\), 7 rows$
stdout-match: ^gdp +1 +2000 +2000 +1.25 +1.25 +1.25$
