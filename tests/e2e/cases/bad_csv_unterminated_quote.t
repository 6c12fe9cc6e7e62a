# a quote left open at the end of the file: exit 6 naming the line
args: describe --data $IN
exit: 6
stderr-match: input.csv:[0-9]+: malformed CSV
--- input
id,year,v
a,2000,"1
