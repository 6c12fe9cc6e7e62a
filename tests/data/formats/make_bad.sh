#!/bin/sh
# Damaged copies of the good fixtures for the bad-input cases
# (tests/e2e/cases/bad_fmt_*.t). Run from the repository root after
# make_fixtures.sh and make_statfiles.R: sh tests/data/formats/make_bad.sh
set -eu
LC_ALL=C; export LC_ALL
D=tests/data/formats
B=$D/bad
mkdir -p "$B"
head -c 1200 "$D/wdi.dta" > "$B/truncated.dta"
head -c 700 "$D/wdi.sav" > "$B/truncated.sav"
head -c 150 "$D/API_SI.POV.GINI_DS2_en_csv_v2.csv.gz" > "$B/truncated.csv.gz"
# a gzip header followed by bytes that are not deflate data
{ head -c 10 "$D/API_SI.POV.GINI_DS2_en_csv_v2.csv.gz"; printf 'this is not deflate data at all'; } > "$B/corrupt.csv.gz"
# a release number no Stata wrote
sed 's/<release>118<\/release>/<release>199<\/release>/' "$D/wdi.dta" > "$B/version199.dta"
# a variable label with a byte that is not UTF-8 (same length)
sed 's/Gini index (World Bank estimate)/Gini index (World Bank estimat\xff)/' "$D/wdi.dta" > "$B/label_not_utf8.dta"
sed 's/Gini index (World Bank estimate)/Gini index (World Bank estimat\xff)/' "$D/wdi.sav" > "$B/label_not_utf8.sav"
# spreadsheet and Parquet signatures (the first bytes are what is looked at)
printf 'PK\003\004\024\000\000\000\010\000xl/workbook.xml' > "$B/book.xlsx"
printf 'PK\003\004\024\000\000\000\000\000mimetypeapplication/vnd.oasis.opendocument.spreadsheet' > "$B/book.ods"
printf '\320\317\021\340\241\261\032\341\000\000\000\000' > "$B/book.xls"
printf 'PAR1\025\004\025\020' > "$B/data.parquet"
