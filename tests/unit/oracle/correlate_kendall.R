## Kendall tau-b oracle for tests/unit/test_correlate.c.
## Run from the repository root:
##   Rscript tests/unit/oracle/correlate_kendall.R > tests/unit/oracle/correlate_kendall.out
## (R 4.2.2; values are copied into the test with a comment.)
options(digits = 17)
g <- read.csv("tests/reference/grunfeld/data.csv")
show <- function(label, x, y) {
  ct <- cor.test(x, y, method = "kendall", exact = FALSE)
  cat(label, "tau", unname(ct$estimate), "\n")
  cat(label, "z", unname(ct$statistic), "\n")
  cat(label, "p", ct$p.value, "\n")
}
show("inv__value", g$inv, g$value)
show("inv__capital", g$inv, g$capital)
show("value__capital", g$value, g$capital)
## small case with heavy ties in both variables and a missing value
x <- c(1, 2, 2, 3, 3, 3, 4, 5, 5, NA, 6)
y <- c(2, 1, 2, 2, 3, 3, 5, 4, 4, 7, 6)
ok <- complete.cases(x, y)
show("small_ties", x[ok], y[ok])
## spearman with ties on the same small case (R default exact = FALSE with ties)
st <- cor.test(x[ok], y[ok], method = "spearman", exact = FALSE)
cat("small_ties rho", unname(st$estimate), "\n")
cat("small_ties S", unname(st$statistic), "\n")
cat("small_ties spearman_p", st$p.value, "\n")
pt <- cor.test(x[ok], y[ok], method = "pearson")
cat("small_ties r", unname(pt$estimate), "\n")
cat("small_ties pearson_p", pt$p.value, "\n")
cat("small_ties pearson_ci", pt$conf.int, "\n")
