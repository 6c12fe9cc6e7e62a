## Oracle for the restricted wild cluster bootstrap (tests/unit/test_bootstrap.c).
## Brute force, written plainly: for every one of the 2^10 = 1024 Rademacher
## sign vectors, build y* = yhat_r + u_r * v_g, RE-ESTIMATE the regression,
## and compute the cluster-robust t. No algebraic shortcut of the C code.
## Run from the repo root:
##   Rscript tests/unit/oracle/wcr_grunfeld.R > tests/unit/oracle/wcr_grunfeld.out
## R 4.2.2, sandwich 3.0-2 (Debian packages). Data: Grunfeld, 10 firms x 20 years.
suppressMessages(library(sandwich))
ref <- Sys.getenv("CPR_REFERENCE", "tests/reference")
d <- read.csv(file.path(ref, "grunfeld/data.csv"))
cl <- d$firm; G <- length(unique(cl))
gi <- match(cl, sort(unique(cl)))
## all sign vectors, one per column: v_g = -1 when bit g of b is set
V <- sapply(0:(2^G - 1), function(b) ifelse(bitwAnd(b, 2^(0:(G - 1))) > 0, -1, 1))  # G x 1024
tol <- 1e-9   # ties (|t*| = |t|, e.g. the v = +-1 draws) count as extreme (Roodman et al. 2019), as do draws
              # with zero bootstrap variance (t* undefined); p is over every draw

## CR t statistics of column j for every column of Y (X: full design).
crt <- function(X, Y, j, r) {
  B <- solve(crossprod(X)); b <- B %*% crossprod(X, Y)
  E <- Y - X %*% b
  s <- rowsum(as.vector(X %*% B[j, ]) * E, gi)          # G x ncol(Y) cluster scores
  (b[j, ] - r) / sqrt(colSums(s^2))                     # CR0; CR1 factor cancels
}

## Brute-force p-value for H0: beta_j = r. Xr: design without column j.
pval <- function(y, X, j, r) {
  ytil <- y - r * X[, j]
  fr <- lm.fit(X[, -j, drop = FALSE], ytil)
  yhat <- (ytil - fr$residuals) + r * X[, j]
  Ystar <- yhat + fr$residuals * V[gi, ]                # n x 1024: all bootstrap samples
  tstar <- crt(X, Ystar, j, r)
  t <- crt(X, matrix(y), j, r)
  mean(!is.finite(tstar) | abs(tstar) >= abs(t) * (1 - tol))
}

## CV3 t statistics of column j for every column of Y: the model is refitted
## without each cluster (lm.fit, rank-deficient fits allowed: a dummy of the
## left-out firm is aliased), se^2 = sum_g (b_(g)j - b_j)^2 (the (G-1)/G
## factor cancels in every comparison).
cv3t <- function(X, Y, j, r, centre = NULL) {
  b <- qr.coef(qr(X), Y)
  bj <- if (is.null(dim(b))) b[j] else b[j, ]
  ss <- 0
  for (g in 1:G) {
    keep <- gi != g
    bg <- qr.coef(qr(X[keep, , drop = FALSE]), Y[keep, , drop = FALSE])
    bgj <- if (is.null(dim(bg))) bg[j] else bg[j, ]
    ss <- ss + (bgj - bj)^2
  }
  (bj - (if (is.null(centre)) r else centre)) / sqrt(ss)
}

## WCR31: restricted DGP as above, CV3 t. WCU33: unrestricted DGP with the
## jackknife residuals y_g - X_g b_(g), CV3 t centred on b (MacKinnon,
## Nielsen & Webb 2023, JAE).
pval_cv3 <- function(y, X, j, r, type) {
  if (type == "wcr31") {
    ytil <- y - r * X[, j]
    fr <- lm.fit(X[, -j, drop = FALSE], ytil)
    yhat <- (ytil - fr$residuals) + r * X[, j]
    Ystar <- yhat + fr$residuals * V[gi, ]
    tstar <- cv3t(X, Ystar, j, r)
  } else {
    b <- qr.coef(qr(X), y); b[is.na(b)] <- 0
    ujk <- numeric(length(y))
    for (g in 1:G) {
      keep <- gi != g
      bg <- qr.coef(qr(X[keep, , drop = FALSE]), y[keep]); bg[is.na(bg)] <- 0
      ujk[!keep] <- y[!keep] - X[!keep, , drop = FALSE] %*% bg
    }
    Ystar <- as.vector(X %*% b) + ujk * V[gi, ]
    tstar <- cv3t(X, Ystar, j, 0, centre = qr.coef(qr(X), y)[j])
  }
  t <- cv3t(X, matrix(y), j, r)
  mean(!is.finite(tstar) | abs(tstar) >= abs(t) * (1 - tol))
}

## Test inversion, the same walk as the C code: steps of se/4 outward (40,
## then doubling) to the first r with p < alpha, then bisection.
ci_end <- function(y, X, j, bhat, se, alpha, dir, pf = pval) {
  inn <- bhat; out <- NA; step <- se / 4
  for (m in 1:60) {
    r <- bhat + dir * step * (if (m <= 40) m else 40 * 2^(m - 40))
    if (pf(y, X, j, r) < alpha) { out <- r; break }
    inn <- r
  }
  for (it in 1:200) {
    mid <- (inn + out) / 2
    if (mid == inn || mid == out) break
    if (pf(y, X, j, mid) < alpha) out <- mid else inn <- mid
  }
  (inn + out) / 2
}

run <- function(tag, y, X, j) {
  bhat <- qr.coef(qr(X), y)[j]
  B <- solve(crossprod(X)); e <- y - X %*% (B %*% crossprod(X, y))
  se <- sqrt(sum(rowsum(as.vector(X %*% B[j, ]) * e, gi)^2))
  p0 <- pval(y, X, j, 0)
  lo <- ci_end(y, X, j, bhat, se, 0.05, -1); hi <- ci_end(y, X, j, bhat, se, 0.05, 1)
  cat(sprintf("%s beta %.17g\n%s se_cr0 %.17g\n%s p %.17g\n%s low %.17g\n%s high %.17g\n",
              tag, bhat, tag, se, tag, p0, tag, lo, tag, hi))
}

## 1. One-way FE by firm, LSDV with the firm dummies re-estimated each draw.
X1 <- model.matrix(~ value + capital + factor(firm) - 1, d)
## sanity: the manual CR0 se equals sandwich's on the original fit
m1 <- lm(inv ~ value + capital + factor(firm) - 1, d)
cat(sprintf("check_sandwich_cr0_value %.17g\n", sqrt(vcovCL(m1, cluster = ~firm, type = "HC0", cadjust = FALSE)[1, 1])))
run("oneway_value", d$inv, X1, 1)
run("oneway_capital", d$inv, X1, 2)
## 2. Two-way FE: year effects are not nested in firms, so (as the C code)
##    both effects are partialled out first (balanced: x - x_i. - x_.t + x..)
##    and the bootstrap runs on the demeaned data.
dm <- function(x) x - ave(x, d$firm) - ave(x, d$year) + mean(x)
X2 <- cbind(value = dm(d$value), capital = dm(d$capital))
run("twoway_value", dm(d$inv), X2, 1)
## 3. Pooled OLS with intercept, coefficient of capital.
X3 <- cbind(1, d$value, d$capital)
run("pooled_capital", d$inv, X3, 3)

## 4. WCR31 and WCU33 (CV3 t), brute force: one-way FE as LSDV (the firm
##    dummies are refitted, the left-out firm's is aliased), two-way FE as
##    LSDV with firm and year dummies, pooled OLS.
run_cv3 <- function(tag, y, X, j, type) {
  bhat <- qr.coef(qr(X), y)[j]
  se3 <- abs(bhat / cv3t(X, matrix(y), j, 0))
  pf <- function(y, X, j, r) pval_cv3(y, X, j, r, type)
  p0 <- pf(y, X, j, 0)
  lo <- ci_end(y, X, j, bhat, se3, 0.05, -1, pf); hi <- ci_end(y, X, j, bhat, se3, 0.05, 1, pf)
  cat(sprintf("%s_%s beta %.17g\n%s_%s p %.17g\n%s_%s low %.17g\n%s_%s high %.17g\n",
              type, tag, bhat, type, tag, p0, type, tag, lo, type, tag, hi))
}
X4 <- model.matrix(~ value + capital + factor(year) + factor(firm) - 1, d)
for (type in c("wcr31", "wcu33")) {
  run_cv3("oneway_value", d$inv, X1, 1, type)
  run_cv3("twoway_capital", d$inv, X4, 2, type)
  run_cv3("pooled_capital", d$inv, X3, 3, type)
}
