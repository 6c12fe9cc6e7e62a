# a German locale does not change how numbers are read or printed
env: LC_ALL=de_DE.UTF-8
args: describe --data $IN
exit: 0
stdout-match: ^x +2 +1 +2 +1.5 +2.25 +3$
--- input
id,t,x
a,1,1.5
a,2,3
