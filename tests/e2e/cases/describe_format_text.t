# describe --format text: the panel layout and per-variable n, first, last, min, mean, max (R: see below)
# R 4.2 (values checked): d <- read.csv("input.csv"); for (x in c("v", "w")) { y <- d[[x]]; k <- !is.na(y);
#   print(c(n = sum(k), first = min(d$year[k]), last = max(d$year[k]), min = min(y[k]), mean = mean(y[k]), max = max(y[k]))) }
#   -> v: 4 2000 2002 1 2.625 4; w: 4 2000 2002 10 25 40; sum(d$note != "") -> 4; 2 ids, years 2000-2002, b lacks 2002
args: describe --data input.csv --format text
exit: 0
--- input
id,year,v,w,note
a,2000,1,10,x
a,2001,4,,y
a,2002,2.5,30,
b,2000,3,20,z
b,2001,,40,w
--- stdout
Data:    input.csv
Panel:   2 entities (id), 3 periods (year 2000-2002), 5 rows
Balance: unbalanced; periods per entity: min 2, max 3

--------------------------------------------
variable  n  first  last     min   mean  max
--------------------------------------------
v         4   2000  2002       1  2.625    4
w         4   2000  2002      10     25   40
note      4               (text)
--------------------------------------------
