# a file without entity/time columns is a cross-section
args: describe --data $IN
exit: 0
stdout-match: ^Layout: +cross-section
--- input
y,x
1,2
3,4
