# rows in any order give the same description (sorted by entity, time)
args: describe --data $IN
exit: 0
stdout-match: ^Panel: +2 entities \(id\), 2 periods \(year 1-2\), 4 rows$
stdout-match: ^x +4 +1 +2 +1 +2.5 +4$
--- input
id,year,x
2,2,4
1,2,2
2,1,3
1,1,1
