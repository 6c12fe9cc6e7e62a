# an .xlsx workbook: exit 7 with a conversion command
args: describe --data $ROOT/tests/data/formats/bad/book.xlsx
exit: 7
stderr-match: book.xlsx: an Excel workbook \(.xlsx\), which cpr-stats does not read; convert a sheet with .libreoffice --headless --convert-to csv
