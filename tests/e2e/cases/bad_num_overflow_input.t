# a number too large for a double in the input is refused, naming file, line and column (exit 8)
args: describe --data $IN
exit: 8
stderr-match: input.csv:3: column 'v': value '1e400' is not finite
--- input
id,year,v
a,2000,1
a,2001,1e400
