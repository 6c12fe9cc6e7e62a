# a duplicate column name: exit 6 naming it
args: describe --data $IN
exit: 6
stderr-match: 'v'
--- input
id,year,v,v
a,2000,1,2
