# an .ods spreadsheet: exit 7 with a conversion command
args: describe --data $ROOT/tests/data/formats/bad/book.ods
exit: 7
stderr-match: book.ods: an OpenDocument spreadsheet \(.ods\).*libreoffice
