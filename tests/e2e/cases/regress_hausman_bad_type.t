# an unknown --hausman-type is a usage error listing the kinds
args: regress --data $REF/grunfeld/data.csv -f 'inv ~ value + capital | firm' --hausman --hausman-type robust
exit: 2
stderr-match: classical\|mundlak
