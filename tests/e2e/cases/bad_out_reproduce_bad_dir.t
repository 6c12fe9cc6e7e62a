# reproduce --out under a regular file: exit 15 naming the directory
args: reproduce --out $IN/report
exit: 15
stderr-match: input.csv/report: cannot create directory: Not a directory
--- input
x
1
