## Oracle for 2SLS (tests/unit/test_iv.c, tests/e2e/cases/regress_iv_*.t).
## Data: AER::CigarettesSW (Stock & Watson, 48 US states, 1985 and 1995),
## exported to tests/data/cigarettes/cigarettes_sw.csv by this script with
## the real (CPI-deflated) variables of Stock & Watson's textbook example.
## Run from the repo root:
##   Rscript tests/unit/oracle/iv_cigarettes.R > tests/unit/oracle/iv_cigarettes.out
## R 4.2.2, AER 1.2-10, sandwich 3.0-2 (Debian packages).
suppressMessages({library(AER); library(sandwich)})
data("CigarettesSW", package = "AER")
d <- within(CigarettesSW, {
  rprice  <- price / cpi
  rincome <- income / population / cpi
  tdiff   <- (taxs - tax) / cpi
  rtax    <- tax / cpi
})
d <- d[order(d$state, d$year), ]
out <- data.frame(state = d$state, year = d$year, packs = d$packs, rprice = d$rprice,
                  rincome = d$rincome, tdiff = d$tdiff, rtax = d$rtax)
write.csv(out, "tests/data/cigarettes/cigarettes_sw.csv", row.names = FALSE, quote = FALSE)
d <- read.csv("tests/data/cigarettes/cigarettes_sw.csv")   # exactly what the C code reads
pr <- function(name, x) for (i in seq_along(x)) cat(sprintf("%s[%s] %.17g\n", name, names(x)[i], x[i]))
se <- function(V) sqrt(diag(V))

## 1. Cross-section 1995 (Stock & Watson eq. 12.11 style), with intercept:
##    log(packs) ~ log(rincome) | 0 | log(rprice) ~ tdiff + rtax
c95 <- subset(d, year == 1995)
m1 <- ivreg(log(packs) ~ log(rprice) + log(rincome) | log(rincome) + tdiff + rtax, data = c95)
pr("cs_coef", coef(m1))
pr("cs_se_iid", se(vcov(m1)))                          # s^2 = RSS/(N-K)
pr("cs_se_hc1", se(vcovHC(m1, type = "HC1")))           # HC0 * N/(N-K)
## first-stage F of the excluded instruments: classical and HC1-robust
fs1 <- lm(log(rprice) ~ log(rincome) + tdiff + rtax, data = c95)
fs0 <- lm(log(rprice) ~ log(rincome), data = c95)
cat(sprintf("cs_fs_F_iid %.17g\n", anova(fs0, fs1)$F[2]))
b <- coef(fs1)[c("tdiff", "rtax")]; V <- vcovHC(fs1, type = "HC1")[c("tdiff", "rtax"), c("tdiff", "rtax")]
cat(sprintf("cs_fs_F_hc1 %.17g\n", drop(t(b) %*% solve(V) %*% b) / 2))

## 2. Panel, state and year effects, SEs clustered by state: 2SLS on the
##    LSDV design (dummies in both stages), checked against 2SLS on the
##    two-way demeaned data. Cluster factor as Stata xtreg/xtivreg with the
##    constant counted and the year effect not nested in the clusters:
##    G/(G-1) (N-1)/(N-K), K = slopes + 1 + (T-1).
m2 <- ivreg(log(packs) ~ log(rprice) + log(rincome) + factor(state) + factor(year) |
              log(rincome) + tdiff + rtax + factor(state) + factor(year), data = d)
G <- 48; N <- nrow(d); Ks <- 2 + 1 + 1
fac <- G / (G - 1) * (N - 1) / (N - Ks)
V2 <- vcovCL(m2, cluster = ~ state, type = "HC0", cadjust = FALSE) * fac
pr("fe_coef", coef(m2)[c("log(rincome)", "log(rprice)")])
pr("fe_se_cl", se(V2)[c("log(rincome)", "log(rprice)")])
pr("fe_se_iid", se(vcov(m2))[c("log(rincome)", "log(rprice)")])   # df = N - 50 = N - K - (G + T - 1)
dm <- function(x) x - ave(x, d$state) - ave(x, d$year) + mean(x)
m2w <- ivreg(dm(log(packs)) ~ dm(log(rprice)) + dm(log(rincome)) - 1 |
               dm(log(rincome)) + dm(tdiff) + dm(rtax) - 1, data = d)
pr("fe_coef_demeaned_check", coef(m2w))
## Kleibergen-Paap rk Wald F, one endogenous regressor: cluster-robust Wald
## F of the excluded instruments in the first stage (same CR1 convention,
## K = 3 slopes + 1 + 1), divided by their number.
f2 <- lm(log(rprice) ~ log(rincome) + tdiff + rtax + factor(state) + factor(year), data = d)
fac2 <- G / (G - 1) * (N - 1) / (N - (3 + 1 + 1))
b <- coef(f2)[c("tdiff", "rtax")]
V <- (vcovCL(f2, cluster = ~ state, type = "HC0", cadjust = FALSE) * fac2)[c("tdiff", "rtax"), c("tdiff", "rtax")]
cat(sprintf("fe_kp_F %.17g\n", drop(t(b) %*% solve(V) %*% b) / 2))
## reduced form: log(packs) on the instruments, same effects and SEs
rf <- lm(log(packs) ~ log(rincome) + tdiff + rtax + factor(state) + factor(year), data = d)
pr("fe_rf_coef", coef(rf)[c("log(rincome)", "tdiff", "rtax")])
pr("fe_rf_se_cl", se(vcovCL(rf, cluster = ~ state, type = "HC0", cadjust = FALSE) * fac2)[c("log(rincome)", "tdiff", "rtax")])
