# a file holding only a UTF-8 BOM is empty (exit 4)
args: --version > /dev/null; printf '\357\273\277' > $TMP/bom.csv; "$BIN" describe --data $TMP/bom.csv
exit: 4
stderr-match: bom.csv: empty file
