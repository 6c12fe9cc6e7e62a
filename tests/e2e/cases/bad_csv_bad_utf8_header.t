# invalid UTF-8 in the header: exit 7 with the iconv hint
args: --version > /dev/null; printf 'id,year,caf\351\na,2000,1\n' > $TMP/l1.csv; "$BIN" describe --data $TMP/l1.csv
exit: 7
stderr-match: l1.csv.*(UTF-8|iconv)
