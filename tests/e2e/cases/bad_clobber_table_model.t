# table -o naming one of its model files, and reproduce --out DIR whose report would replace --manifest, are refused, exit 21
args: --version > /dev/null; "$BIN" table $IN -o $IN; a=$?; "$BIN" reproduce --manifest $TMP/report.md --out $TMP; b=$?; [ "$a" = 21 ] || exit $a; exit $b
exit: 21
stderr-match: ^cpr-stats: table: --output .*input\.csv would overwrite the input model file .*input\.csv
stderr-match: ^cpr-stats: reproduce: --out \(the report\) .*/report\.md would overwrite the input --manifest .*/report\.md
--- input
{"model": "ols"}
