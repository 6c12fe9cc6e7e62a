# describe --format html: the panel layout and per-variable n, first, last, min, mean, max (R: see below)
# R 4.2 (values checked): d <- read.csv("input.csv"); for (x in c("v", "w")) { y <- d[[x]]; k <- !is.na(y);
#   print(c(n = sum(k), first = min(d$year[k]), last = max(d$year[k]), min = min(y[k]), mean = mean(y[k]), max = max(y[k]))) }
#   -> v: 4 2000 2002 1 2.625 4; w: 4 2000 2002 10 25 40; sum(d$note != "") -> 4; 2 ids, years 2000-2002, b lacks 2002
args: describe --data input.csv --format html
exit: 0
stdout-match: ^<dt>Data</dt><dd>input\.csv</dd>$
stdout-match: ^<dt>Panel</dt><dd>2 entities \(id\), 3 periods \(year 2000-2002\), 5 rows</dd>$
stdout-match: ^<dt>Balance</dt><dd>unbalanced; periods per entity: min 2, max 3</dd>$
stdout-match: ^<tr><th>variable</th><th>n</th><th>first</th><th>last</th><th>min</th><th>mean</th><th>max</th></tr>$
stdout-match: ^<tr><th scope="row">v</th><td>4</td><td>2000</td><td>2002</td><td>1</td><td>2\.625</td><td>4</td></tr>$
stdout-match: ^<tr><th scope="row">w</th><td>4</td><td>2000</td><td>2002</td><td>10</td><td>25</td><td>40</td></tr>$
stdout-match: ^<tr><th scope="row">note</th><td>4</td><td></td><td></td><td>\(text\)</td><td></td><td></td></tr>$
--- input
id,year,v,w,note
a,2000,1,10,x
a,2001,4,,y
a,2002,2.5,30,
b,2000,3,20,z
b,2001,,40,w
