## Oracle for the few-cluster inference (tests/unit/test_fewcluster.c):
## CV3 / CV3J, CR2 with Bell-McCaffrey df, cluster leverage, partial
## leverage, G* and the leave-one-cluster-out estimates.
##
## Written plainly, with no shortcut of the C code (which never refits):
##  - beta_(g): the model is RE-ESTIMATED G times with lm()/plm() on the data
##    without cluster g (brute force), CV3 = (G-1)/G sum (b_(g)-b)(b_(g)-b)';
##  - CR2 from estimatr::lm_robust(se_type = "CR2") (its Bell-McCaffrey df)
##    and sandwich::vcovCL(type = "HC2"); sandwich::vcovCL(type = "HC3",
##    cadjust = FALSE) * (G-1)/G as a second route to CV3 (MNW 2023, eq. 9);
##  - leverage tr(H_gg), partial leverage and G* (Carter, Schnepel &
##    Steigerwald 2017) from their definitions, on the regressors the
##    jackknife refits: entity effects (nested in the clusters) swept out by
##    demeaning, year effects (not nested) as explicit dummies (a year seen
##    only in single-year countries demeans to zero: a basis of their span is kept).
## Run from the repository root:
##   Rscript tests/unit/oracle/fewcluster.R > tests/unit/oracle/fewcluster.out
## R 4.2.2; sandwich 3.0-2, estimatr 1.0.0, plm 2.6-2 (Debian packages).
suppressMessages({ library(sandwich); library(estimatr); library(plm) })
ref <- Sys.getenv("CPR_REFERENCE", "tests/reference")
out <- function(tag, v) for (i in seq_along(v)) cat(sprintf("%s %d %.17g\n", tag, i, v[i]))

## Brute-force jackknife: fit(data) returns the slope vector.
jack <- function(d, cl, fit) {
  b <- fit(d)
  G <- sort(unique(cl))
  B <- t(sapply(G, function(g) fit(d[cl != g, , drop = FALSE])))
  if (length(b) == 1) B <- t(B)
  D <- sweep(B, 2, b); Dm <- sweep(B, 2, colMeans(B))
  list(b = b, loo = B, cv3 = (length(G) - 1) / length(G) * crossprod(D),
       cv3j = (length(G) - 1) / length(G) * crossprod(Dm))
}

## Leverage, partial leverage of slope columns j, G*(0) and G*(1) from the
## regressor matrix Z that the jackknife refits.
diag_of <- function(Z, cl, j) {
  Z <- sweep(Z, 2, sqrt(colSums(Z^2)), "/")   # unit columns: none of these measures depends on scale
  H <- Z %*% solve(crossprod(Z), t(Z))
  lev <- tapply(diag(H), cl, sum)
  res <- list(lev = as.vector(lev))
  A <- solve(crossprod(Z))
  for (jj in j) {
    xt <- resid(lm.fit(Z[, -jj, drop = FALSE], Z[, jj]))        # FWL residual
    pl <- tapply(xt^2, cl, sum) / sum(xt^2)
    a <- A[, jj]
    za <- as.vector(Z %*% a)
    gam0 <- tapply(za^2, cl, sum)                               # rho = 0: a'Z_g'Z_g a
    gam1 <- tapply(za, cl, sum)^2                               # rho = 1: (1'Z_g a)^2
    gs <- function(gm) { G <- length(gm); m <- mean(gm); G / (1 + sum((gm - m)^2) / (G * m^2)) }
    res[[paste0("plev", jj)]] <- as.vector(pl)
    res[[paste0("gstar0_", jj)]] <- gs(gam0)
    res[[paste0("gstar1_", jj)]] <- if (max(abs(gam1)) < 1e-20 * max(gam0)) NA else gs(gam1)
  }
  res
}

report <- function(tag, J, dg, j) {
  out(paste0(tag, "_beta"), J$b)
  out(paste0(tag, "_se_cv3"), sqrt(diag(J$cv3)))
  out(paste0(tag, "_se_cv3j"), sqrt(diag(J$cv3j)))
  out(paste0(tag, "_cv3"), as.vector(J$cv3))
  for (jj in seq_along(J$b)) out(paste0(tag, "_loo", jj), J$loo[, jj])
  out(paste0(tag, "_lev"), dg$lev)
  for (k in seq_along(j)) {
    out(paste0(tag, "_plev", k), dg[[paste0("plev", j[k])]])
    out(paste0(tag, "_gstar0_", k), dg[[paste0("gstar0_", j[k])]])
    out(paste0(tag, "_gstar1_", k), dg[[paste0("gstar1_", j[k])]])
  }
}

g <- read.csv(file.path(ref, "grunfeld/data.csv"))
G <- length(unique(g$firm))

## 1. Pooled OLS with intercept, clustered by firm.
f1 <- function(d) coef(lm(inv ~ value + capital, d))
J1 <- jack(g, g$firm, f1)
m1 <- lm(inv ~ value + capital, g)
Z1 <- model.matrix(m1)
report("ols", J1, diag_of(Z1, g$firm, 1:3), 1:3)
## sandwich's cluster HC3 already carries the (G-1)/G of CV3
v3 <- vcovCL(m1, cluster = ~firm, type = "HC3", cadjust = FALSE)
out("ols_sandwich_hc3_se", sqrt(diag(v3)))
out("ols_sandwich_hc2_se", sqrt(diag(vcovCL(m1, cluster = ~firm, type = "HC2", cadjust = FALSE))))
r1 <- lm_robust(inv ~ value + capital, data = g, clusters = firm, se_type = "CR2")
out("ols_cr2_se", r1$std.error)
out("ols_cr2_df", r1$df)

## 2. One-way FE (firm), clustered by firm: plm within refitted G times.
f2 <- function(d) coef(plm(inv ~ value + capital, data = d, index = c("firm", "year"), model = "within"))
J2 <- jack(g, g$firm, f2)
dm <- function(x, by) x - ave(x, by)
Z2 <- cbind(value = dm(g$value, g$firm), capital = dm(g$capital, g$firm))
report("fe1", J2, diag_of(Z2, g$firm, 1:2), 1:2)
r2 <- lm_robust(inv ~ value + capital, data = g, fixed_effects = ~firm, clusters = firm, se_type = "CR2")
out("fe1_cr2_se", r2$std.error)
out("fe1_cr2_df", r2$df)

## 3. Two-way FE (firm, year), clustered by firm: plm twoways refitted.
f3 <- function(d) coef(plm(inv ~ value + capital, data = d, index = c("firm", "year"), model = "within", effect = "twoways"))
J3 <- jack(g, g$firm, f3)
Y3 <- model.matrix(~ factor(year), g)[, -1]                     # year dummies, first level left out
Z3 <- cbind(apply(Y3, 2, dm, by = g$firm), value = dm(g$value, g$firm), capital = dm(g$capital, g$firm))
report("fe2", J3, diag_of(Z3, g$firm, ncol(Z3) - 1:0), ncol(Z3) - 1:0)
r3 <- lm_robust(inv ~ value + capital, data = g, fixed_effects = ~firm + year, clusters = firm, se_type = "CR2")
out("fe2_cr2_se", r3$std.error)
out("fe2_cr2_df", r3$df)

## 4. The bundled data: regress aid poverty (two-way FE, clustered by
##    country), from the fixture tests/data/lac_aid_poverty.csv (the rows of
##    datasets/lac_panel.csv where both are present, aid in US$ million constant 2021).
l <- read.csv("tests/data/lac_aid_poverty.csv")
l <- l[order(l$iso3, l$year), ]
f4 <- function(d) coef(plm(poverty ~ aid, data = d, index = c("iso3", "year"), model = "within", effect = "twoways"))
J4 <- jack(l, l$iso3, f4)
Y4 <- model.matrix(~ factor(year), l)[, -1]
Z4 <- cbind(apply(Y4, 2, dm, by = l$iso3), aid = dm(l$aid, l$iso3))
qz <- qr(Z4[, -ncol(Z4)], tol = 1e-10)                          # a basis of the year-dummy span
Z4 <- cbind(Z4[, qz$pivot[seq_len(qz$rank)]], aid = Z4[, ncol(Z4)])
cat("lac_year_dummies", ncol(Z4) - 1, "\n")
report("lac", J4, diag_of(Z4, l$iso3, ncol(Z4)), ncol(Z4))
cat("lac_clusters", sort(unique(l$iso3)), "\n")
out("lac_sizes", as.vector(table(l$iso3)))
r4 <- lm_robust(poverty ~ aid, data = l, fixed_effects = ~iso3 + year, clusters = iso3, se_type = "CR2")
out("lac_cr2_se", r4$std.error)
out("lac_cr2_df", r4$df)
