## Oracle for tests/unit/test_large_panel.c: the large-n paths (normal
## equations for n > 20000, two-way absorption by alternating projections
## in effect space, pooled RSS from centered cross-products) against R plm.
## Data: the benchmark generator, 50,000 rows, 10,000 entities, seed 7:
##   cc -std=c11 -O2 -o /tmp/gen_panel scripts/bench/gen_panel.c -lm
##   /tmp/gen_panel 50000 7 > /tmp/large_panel.csv
##   Rscript tests/unit/oracle/large_panel.R /tmp/large_panel.csv > tests/unit/oracle/large_panel.out
## R 4.2.2, plm 2.6-2, sandwich 3.0-2 (Debian packages). The C test writes
## the same file with the same generator code and reads it back.
suppressMessages({library(plm); library(sandwich)})
d <- read.csv(commandArgs(TRUE)[1])
pd <- pdata.frame(d, index = c("entity", "year"))
pr <- function(name, x) for (i in seq_along(x)) cat(sprintf("%s[%s] %.17g\n", name, names(x)[i], x[i]))

## 1. two-way FE, SEs clustered by entity: plm's "sss" factor, CR0, and the
##    Stata factor (K = slopes + 1 + (T-1): time dummies are not nested in entities)
m <- plm(y ~ x1 + x2, pd, model = "within", effect = "twoways")
pr("tw_coef", coef(m))
pr("tw_se_sss", sqrt(diag(vcovHC(m, method = "arellano", type = "sss", cluster = "group"))))
V0 <- vcovHC(m, method = "arellano", type = "HC0", cluster = "group")
pr("tw_se_cr0", sqrt(diag(V0)))
N <- nobs(m); G <- pdim(m)$nT$n; Tn <- pdim(m)$nT$T
pr("tw_se_stata", sqrt(diag(V0) * G / (G - 1) * (N - 1) / (N - 2 - Tn)))
cat(sprintf("tw_rss %.17g\n", deviance(m)))
cat(sprintf("tw_df %d\n", df.residual(m)))
## F test of the effects against pooled OLS (cpr-stats: "F test for individual effects")
po <- plm(y ~ x1 + x2, pd, model = "pooling")
ft <- pFtest(m, po)
cat(sprintf("f_effects %.17g\nf_effects_df1 %.17g\nf_effects_df2 %.17g\n", ft$statistic, ft$parameter[1], ft$parameter[2]))

## 2. pooled OLS with a nearly collinear regressor (z = x1 + 1e-6 x2; the
##    column-scaled condition number is above 1e5, so AUTO must use QR)
z <- d$x1 + 1e-6 * d$x2
l <- lm(d$y ~ z + d$x1)
pr("ill_coef", coef(l))
pr("ill_se", sqrt(diag(vcov(l))))
cat(sprintf("ill_kappa %.6g\n", kappa(cbind(1, z, d$x1) %*% diag(1 / sqrt(colSums(cbind(1, z, d$x1)^2))), exact = TRUE)))

## 3. Wooldridge / Stata xtserial on the same panel (the streaming path of
##    src/model/fd_ar1.c above 20000 rows), written out as in grunfeld_extra.R:
##    FD regression without constant, residual on its lag without constant,
##    cluster by entity with Stata's regress factor, F for b = -0.5
d <- d[order(d$entity, d$year), ]
fdv <- function(v) ave(v, d$entity, FUN = function(z) c(NA, diff(z)))
ok1 <- c(FALSE, diff(d$year) == 1 & head(d$entity, -1) == tail(d$entity, -1))
dd <- data.frame(entity = d$entity, year = d$year, dy = fdv(d$y), d1 = fdv(d$x1), d2 = fdv(d$x2))[ok1, ]
u <- resid(lm(dy ~ d1 + d2 - 1, dd))
okl <- c(FALSE, diff(dd$year) == 1 & head(dd$entity, -1) == tail(dd$entity, -1))
ul <- c(NA, head(u, -1))
m2 <- lm(u[okl] ~ ul[okl] - 1)
V2 <- vcovCL(m2, cluster = dd$entity[okl], type = "HC1", cadjust = TRUE)
Fw <- (coef(m2)[1] + 0.5)^2 / V2[1, 1]
G <- length(unique(dd$entity[okl]))
cat(sprintf("xtserial_b %.17g\nxtserial_F %.17g\nxtserial_df2 %d\n", coef(m2)[1], Fw, G - 1))
