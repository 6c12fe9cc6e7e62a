# text in a numeric column used by the model: exit 8 naming the variable
args: regress --data $IN -f 'y ~ v'
exit: 8
stderr-match: 'v'
--- input
id,year,y,v
a,2000,1,x
a,2001,2,3
