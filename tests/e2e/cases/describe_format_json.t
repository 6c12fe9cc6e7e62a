# describe --format json: the panel layout and per-variable n, first, last, min, mean, max (R: see below)
# R 4.2 (values checked): d <- read.csv("input.csv"); for (x in c("v", "w")) { y <- d[[x]]; k <- !is.na(y);
#   print(c(n = sum(k), first = min(d$year[k]), last = max(d$year[k]), min = min(y[k]), mean = mean(y[k]), max = max(y[k]))) }
#   -> v: 4 2000 2002 1 2.625 4; w: 4 2000 2002 10 25 40; sum(d$note != "") -> 4; 2 ids, years 2000-2002, b lacks 2002
args: describe --data input.csv --format json
exit: 0
--- input
id,year,v,w,note
a,2000,1,10,x
a,2001,4,,y
a,2002,2.5,30,
b,2000,3,20,z
b,2001,,40,w
--- stdout
{
  "data": "input.csv",
  "layout": "panel",
  "n_rows": 5,
  "entity": "id",
  "n_entities": 2,
  "time": "year",
  "n_periods": 3,
  "first_period": 2000,
  "last_period": 2002,
  "balance": "unbalanced",
  "min_periods_per_entity": 2,
  "max_periods_per_entity": 3,
  "variables": [
    {
      "variable": "v",
      "type": "numeric",
      "n": 4,
      "first": 2000,
      "last": 2002,
      "min": 1.0,
      "mean": 2.625,
      "max": 4.0
    },
    {
      "variable": "w",
      "type": "numeric",
      "n": 4,
      "first": 2000,
      "last": 2002,
      "min": 10.0,
      "mean": 25.0,
      "max": 40.0
    },
    {
      "variable": "note",
      "type": "text",
      "n": 4,
      "first": null,
      "last": null,
      "min": null,
      "mean": null,
      "max": null
    }
  ]
}
