# stat: values, group means and growth on a small panel
args: stat --data $IN --fn growth --format json y
exit: 0
stdout-match: "entity": "A",
stdout-match: "value": 2\.5,
stdout-match: "value": 0\.5,
stdout-match: "n_pos": 2,
--- input
id,year,y
A,2000,2
A,2001,
A,2002,5
B,2000,4
B,2002,2
