# --decimal , with a tab-separated file (no detection there)
args: describe --decimal , --data $IN
exit: 0
stdout-match: ^x +2 +2000 +2001 +1.5 +1.75 +2$
--- input
id	year	x
a	2000	1,5
a	2001	"2,0"
