# --decimal takes '.' or ',' only
args: describe --decimal x --data $IN
exit: 2
stderr-match: --decimal must be '.' or ',', not 'x'
--- input
id,year,x
a,2000,1
