# stat --format html: median by year (R: see below)
# R 4.2 (values checked): d <- read.csv("input.csv"); tapply(d$v, d$id, sd, na.rm = TRUE) -> a 1.5, b NA (one value);
#   tapply(d$w, d$year, median, na.rm = TRUE) -> 2000 15, 2001 40, 2002 30; table(d$year[!is.na(d$w)]) -> 2 1 1
args: stat --data input.csv --fn median --by year w --format html
exit: 0
stdout-match: ^<h1>median of w</h1>$
stdout-match: ^<tr><th>entity</th><th>year</th><th>value</th><th>n</th></tr>$
stdout-match: ^<tr><th scope="row">all</th><td>2000</td><td>15</td><td>2</td></tr>$
stdout-match: ^<tr><th scope="row">all</th><td>2001</td><td>40</td><td>1</td></tr>$
stdout-match: ^<tr><th scope="row">all</th><td>2002</td><td>30</td><td>1</td></tr>$
--- input
id,year,v,w,note
a,2000,1,10,x
a,2001,4,,y
a,2002,2.5,30,
b,2000,3,20,z
b,2001,,40,w
