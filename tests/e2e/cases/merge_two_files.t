# two files merged on (entity, time) with a report of matches
args: describe --data $IN --data $ROOT/tests/e2e/data/merge_b.csv
exit: 0
stderr-match: ^merge: 2 files on \(iso3, year\): 3 keys in all, 1 in all files, 2 in only some$
stdout-match: ^gdp +2 +2000 +2001
stdout-match: ^pop +2 +2000 +2002
--- input
iso3,year,gdp
ARG,2000,1
ARG,2001,2
