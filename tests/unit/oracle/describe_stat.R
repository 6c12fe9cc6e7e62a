## Oracle for `describe` and `stat` (issue 18: both print through the report
## backends; these are the numbers every format must carry). Base R on the
## bundled panel, no package:
##   describe: per variable n = sum(!is.na(x)), first/last = range(year) over
##   those rows, min, mean, max;
##   stat: sd, median, mean, growth (last/first), pct_change and the summary
##   over the groups (mean, median of the group values).
## Run from the repository root:
##   Rscript tests/unit/oracle/describe_stat.R > tests/unit/oracle/describe_stat.out
## R 4.2.2. Checked by tests/scripts/test_describe_stat.sh (1e-12 relative).
p <- read.csv("datasets/lac_panel.csv")
g <- function(v) sprintf("%.17g", v)
for (x in c("poverty", "gini", "aid", "gdp_pc", "pop")) {
  y <- p[[x]]; k <- !is.na(y)
  cat("describe", x, sum(k), min(p$year[k]), max(p$year[k]), g(min(y[k])), g(mean(y[k])), g(max(y[k])), "\n")
}
## stat --countries ARG,BRA,CHL,MEX --years 2005-2020 gini
s <- p[p$iso3 %in% c("ARG", "BRA", "CHL", "MEX") & p$year >= 2005 & p$year <= 2020 & !is.na(p$gini), ]
sd_e <- tapply(s$gini, s$iso3, sd)
for (e in names(sd_e)) cat("sd_entity", e, g(sd_e[[e]]), sum(s$iso3 == e), "\n")
cat("sd_summary", g(mean(sd_e)), g(median(sd_e)), "\n")
med_y <- tapply(s$gini, s$year, median)
for (y in names(med_y)) cat("median_year", y, g(med_y[[y]]), sum(s$year == as.integer(y)), "\n")
cat("mean_all", g(mean(s$gini)), nrow(s), "\n")
for (e in sort(unique(s$iso3))) {
  z <- s[s$iso3 == e, ]; z <- z[order(z$year), ]
  f <- z$gini[1]; l <- z$gini[nrow(z)]
  cat("growth", e, g(l / f), z$year[1], z$year[nrow(z)], "\n")
  cat("pct_change", e, g(100 * (l / f - 1)), "\n")
}
