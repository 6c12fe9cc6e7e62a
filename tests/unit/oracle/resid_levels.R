## Oracle for tests/scripts/test_resid_levels.sh: residuals and fitted values
## that `regress --model be|re|fd --resid-script` writes on Grunfeld.
## Run from the repo root:
##   Rscript tests/unit/oracle/resid_levels.R > tests/unit/oracle/resid_levels.out
## R 4.2.2, plm 2.6-2 (Debian packages). be and re: fitted = x_it'b with the
## model's coefficients on the untransformed rows, residual = y - fitted
## (Stata's `predict xb` and `predict ue` after xtreg, be / re; plm's own
## residuals() are the transformed ones). fd: fitted = y_i,t-1 + dx'b +
## intercept, residual = plm's fd residual on the same pair.
suppressMessages(library(plm))
ref <- Sys.getenv("CPR_REFERENCE", "tests/reference")
d <- read.csv(file.path(ref, "grunfeld/data.csv"))
pd <- pdata.frame(d, index = c("firm", "year"))
f <- inv ~ value + capital
X <- cbind(1, d$value, d$capital)
out <- function(model, fitted, resid)
    for (i in seq_along(fitted)) cat(sprintf("%s %.17g %.17g\n", model, fitted[i], resid[i]))
for (m in c("between", "random")) {
    b <- coef(plm(f, pd, model = m))
    fv <- as.vector(X %*% b)
    out(if (m == "between") "be" else "re", fv, d$inv - fv)
}
fd <- plm(f, pd, model = "fd")
e <- as.vector(residuals(fd))
## plm's fd rows: every firm's years 2..T in data order (Grunfeld is balanced, no gaps)
keep <- ave(d$year, d$firm, FUN = function(t) c(FALSE, diff(t) == 1)) == 1
out("fd", d$inv[keep] - e, e)
