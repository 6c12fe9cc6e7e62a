# the same variable in two merged files: exit 9 naming both
args: describe --data $IN --data $IN
exit: 9
stderr-match: variable 'v' is also in
--- input
id,year,v
a,2000,1
