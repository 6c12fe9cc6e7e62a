# a missing file is named, exit 3
args: describe --data nosuch.csv
exit: 3
stderr-match: ^cpr-stats: nosuch.csv: cannot open: No such file or directory$
