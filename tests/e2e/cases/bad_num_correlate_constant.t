# correlation with a constant variable: exit 13 naming it
args: correlate --data $IN y z
exit: 13
stderr-match: 'z' is constant
--- input
y,z
1,2
2,2
3,2
4,2
