# stat --format text: sd by entity, NA for one value (R: see below)
# R 4.2 (values checked): d <- read.csv("input.csv"); tapply(d$v, d$id, sd, na.rm = TRUE) -> a 1.5, b NA (one value);
#   tapply(d$w, d$year, median, na.rm = TRUE) -> 2000 15, 2001 40, 2002 30; table(d$year[!is.na(d$w)]) -> 2 1 1
args: stat --data input.csv --fn sd --by entity v --format text
exit: 0
--- input
id,year,v,w,note
a,2000,1,10,x
a,2001,4,,y
a,2002,2.5,30,
b,2000,3,20,z
b,2001,,40,w
--- stdout
sd of v

----------------
entity  value  n
----------------
a         1.5  3
b          NA  1
----------------
