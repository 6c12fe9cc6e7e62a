# an SPSS (UTF-8) label with an invalid byte: exit 7
args: describe --data $ROOT/tests/data/formats/bad/label_not_utf8.sav
exit: 7
stderr-match: label_not_utf8.sav: cannot read this SPSS file: a name, label or text value that is not valid in the file's character encoding
