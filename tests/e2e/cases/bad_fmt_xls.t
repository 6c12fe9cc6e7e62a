# an .xls workbook: exit 7 with a conversion command
args: describe --data $ROOT/tests/data/formats/bad/book.xls
exit: 7
stderr-match: book.xls: an Excel 97-2003 workbook \(.xls\).*ssconvert
