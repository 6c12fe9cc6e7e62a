# more than 64 panel operators on one variable (D400.) is a formula error, not a different variable
args: regress --data $IN -f 'y ~ L.D400.x'
exit: 12
stderr-match: at most 64 panel operators
--- input
id,year,y,x
a,2000,1,2
a,2001,2,3
