# tab separator set explicitly
args: describe --data $IN --sep tab
exit: 0
stdout-match: ^x +2 +1 +2 +3 +4 +5$
--- input
id	t	x
a	1	3
a	2	5
