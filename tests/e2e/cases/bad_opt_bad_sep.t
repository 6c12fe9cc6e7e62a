# bad option value: exit 2 naming the option
args: describe --data $IN --sep x
exit: 2
stderr-match: sep
--- input
id,year,v
a,2000,1
