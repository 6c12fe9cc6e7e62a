## Oracle values for tests/unit/test_infer_oracle.c (things not in tests/reference).
## Run from the repo root:  Rscript tests/unit/oracle/grunfeld_extra.R > tests/unit/oracle/grunfeld_extra.out
## R 4.2.2, plm 2.6-2, sandwich 3.0-2 (Debian packages).
suppressMessages({library(plm); library(sandwich)})
ref <- Sys.getenv("CPR_REFERENCE", "tests/reference")
d <- read.csv(file.path(ref, "grunfeld/data.csv"))
pr <- function(name, x) for (i in seq_along(x)) cat(sprintf("%s[%s] %.17g\n", name, names(x)[i], x[i]))
se <- function(V) sqrt(diag(V))
pd <- pdata.frame(d, index = c("firm", "year"))
f <- inv ~ value + capital

## 1. two-way clustering (Cameron-Gelbach-Miller) on pooled OLS
m <- lm(f, d)
pr("cl2_hc1", se(vcovCL(m, cluster = ~ firm + year, type = "HC1", cadjust = TRUE, multi0 = FALSE)))
pr("cl2_hc0", se(vcovCL(m, cluster = ~ firm + year, type = "HC0", cadjust = FALSE, multi0 = FALSE)))

## 2. Driscoll-Kraay, Bartlett weights, lag floor(4 (T/100)^(2/9)) = 2 for T = 20
L <- floor(4 * (20 / 100)^(2 / 9)); cat(sprintf("dk_lag %d\n", L))
po <- plm(f, pd, model = "pooling")
pr("dk_pooled", se(vcovSCC(po, type = "HC0", maxlag = L)))
fe <- plm(f, pd, model = "within")
pr("dk_fe", se(vcovSCC(fe, type = "HC0", maxlag = L)))

## 3. Pesaran CD on the one-way within residuals
cd <- pcdtest(fe, test = "cd")
cat(sprintf("cd_stat %.17g\ncd_p %.17g\n", cd$statistic, cd$p.value))

## 4. Wooldridge / Stata xtserial, written out: FD regression without
##    constant, residual on its lag without constant, cluster by firm with
##    Stata's regress factor (sandwich HC1 = G/(G-1) (N-1)/(N-K)), F for b = -0.5
d <- d[order(d$firm, d$year), ]
lagd <- function(v) ave(v, d$firm, FUN = function(z) c(NA, diff(z)))
dd <- data.frame(firm = d$firm, year = d$year, dy = lagd(d$inv), dv = lagd(d$value), dc = lagd(d$capital))
dd <- dd[complete.cases(dd), ]
u <- resid(lm(dy ~ dv + dc - 1, dd))
ul <- ave(u, dd$firm, FUN = function(z) c(NA, head(z, -1)))
ok <- !is.na(ul)
m2 <- lm(u[ok] ~ ul[ok] - 1)
V2 <- vcovCL(m2, cluster = dd$firm[ok], type = "HC1", cadjust = TRUE)
Fw <- (coef(m2)[1] + 0.5)^2 / V2[1, 1]
G <- length(unique(dd$firm[ok]))
cat(sprintf("xtserial_b %.17g\nxtserial_F %.17g\nxtserial_df2 %d\nxtserial_p %.17g\n", coef(m2)[1], Fw, G - 1,
            pf(Fw, 1, G - 1, lower.tail = FALSE)))

## 5. unbalanced panel: drop rows with (firm + year) %% 7 == 0
u7 <- d[(d$firm + d$year) %% 7 != 0, ]
cat(sprintf("unbal_n %d\n", nrow(u7)))
lsdv <- lm(inv ~ value + capital + factor(firm) + factor(year), u7)
pr("unbal_tw_coef", coef(lsdv)[2:3])
pr("unbal_tw_se", se(vcov(lsdv))[2:3])
pr("unbal_tw_cr0", se(vcovCL(lsdv, cluster = ~ firm, type = "HC0", cadjust = FALSE))[2:3])
cat(sprintf("unbal_tw_df %d\n", lsdv$df.residual))
upd <- pdata.frame(u7, index = c("firm", "year"))
pr("unbal_ow_coef", coef(plm(f, upd, model = "within")))
pr("unbal_ow_se", se(vcov(plm(f, upd, model = "within"))))
pr("unbal_be_coef", coef(plm(f, upd, model = "between")))
pr("unbal_be_se", se(vcov(plm(f, upd, model = "between"))))
## FD across gaps: plm differences consecutive *available* rows (161 obs);
## cpr-stats differences only consecutive years, as Stata's D. operator.
fdu <- plm(f, upd, model = "fd")
pr("unbal_fd_plm_coef", coef(fdu)); cat(sprintf("unbal_fd_plm_n %d\n", nobs(fdu)))
o <- u7[order(u7$firm, u7$year), ]
nx <- nrow(o); ok1 <- c(FALSE, o$firm[-1] == o$firm[-nx] & o$year[-1] == o$year[-nx] + 1)
dff <- function(v) c(NA, diff(v))
fdg <- lm(dff(o$inv)[ok1] ~ dff(o$value)[ok1] + dff(o$capital)[ok1])
pr("unbal_fd_coef", coef(fdg)); cat(sprintf("unbal_fd_n %d\n", sum(ok1)))
pr("unbal_fd_se", se(vcov(fdg)))
TOOLS_DIR <- file.path(ref, "_tools")
source(file.path(TOOLS_DIR, "panel_refs.R"))
sr <- stata_re(u7, "inv", c("value", "capital"), "firm")
pr("unbal_re_stata_coef", sr$coef); pr("unbal_re_stata_se", sr$se_classical)
cat(sprintf("unbal_re_stata_sigma_u %.17g\nunbal_re_stata_theta_min %.17g\nunbal_re_stata_theta_max %.17g\n",
            sr$sigma_u, sr$theta_min, sr$theta_max))
cd2 <- pcdtest(plm(f, upd, model = "within"), test = "cd")
cat(sprintf("unbal_cd_stat %.17g\n", cd2$statistic))
