# stat prints an undefined value (sd of one value) as NA, not nan
args: stat --data $IN --fn sd --by entity v
exit: 0
stdout-match: ^b +NA +1$
stdout-not-match: nan|inf
--- input
id,year,v
a,2000,1
a,2001,3
b,2000,5
