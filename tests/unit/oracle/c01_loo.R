## Oracle for C01's leave-one-country-out table and figure (issues 13 and 20):
## `figure c01_loo loo headline aid` in datasets/claims.manifest refits
## `regress aid poverty --se cr3` once without each country. Here, by brute
## force as in fewcluster.R (no shortcut of the C code): for each country g,
## lm(poverty ~ aid + factor(iso3) + factor(year)) on the data without g gives
## b_(g); its CV3 variance is a second brute-force jackknife over the G-1
## clusters left, V = (G'-1)/G' sum_h (b_(g,h) - b_(g))^2 with G' = G-1, and the
## 95% CI is b_(g) +- qt(0.975, G'-1) sqrt(V). Read from the bundled panel
## (datasets/lac_panel.csv: the rows where poverty and aid are both present).
## Run from the repository root:
##   Rscript tests/unit/oracle/c01_loo.R > tests/unit/oracle/c01_loo.out
## R 4.2.2. Checked by tests/scripts/test_reproduce_report.sh (1e-8 relative).
p <- read.csv("datasets/lac_panel.csv")
l <- p[!is.na(p$poverty) & !is.na(p$aid), c("iso3", "year", "poverty", "aid")]
fit <- function(d) unname(coef(lm(poverty ~ aid + factor(iso3) + factor(year), data = d))["aid"])
cv3 <- function(d) {
  b <- fit(d); G <- sort(unique(d$iso3)); n <- length(G)
  bg <- sapply(G, function(h) fit(d[d$iso3 != h, ]))
  list(b = b, se = sqrt((n - 1) / n * sum((bg - b)^2)), G = n, N = nrow(d))
}
row <- function(tag, r) {
  h <- qt(0.975, r$G - 1) * r$se
  cat(sprintf("%s %.17g %.17g %.17g %d %d\n", tag, r$b, r$b - h, r$b + h, r$N, r$G))
}
## Each regression first drops the singletons, observations alone in their
## country or year, repeatedly (reghdfe's rule, cpr-stats' default since
## issue 14): BRB, GRD and LCA have one survey year each.
nosingle <- function(d) {
  repeat {
    single <- ave(d$aid, d$iso3, FUN = length) == 1 | ave(d$aid, d$year, FUN = length) == 1
    if (!any(single)) return(d)
    d <- d[!single, ]
  }
}
l <- nosingle(l)
row("all", cv3(l))
for (g in sort(unique(l$iso3))) row(g, cv3(nosingle(l[l$iso3 != g, ])))
