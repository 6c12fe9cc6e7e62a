# --decimal , with a comma-separated file: exit 2 asking for another separator
args: describe --decimal , --data $IN
exit: 2
stderr-match: input.csv: --decimal , needs another field separator than ','
--- input
id,year,x
a,2000,1
