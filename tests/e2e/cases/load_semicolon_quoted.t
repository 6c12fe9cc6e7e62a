# semicolon separator detected; quoted fields with separators, newlines, UTF-8 names
args: describe --data $IN
exit: 0
stdout-match: ^Panel: +3 entities \(country\), 2 periods \(year 2000-2001\), 4 rows$
stdout-match: ^gdp +4 +2000 +2001 +1 +2.5 +4$
stdout-match: ^note +2 .*\(text\)
--- input
country;year;gdp;note
"Perú";2000;1;"a; b"
"Perú";2001;2;
"São Tomé and Príncipe";2000;3;"two
lines"
"Chile";2001;4;
