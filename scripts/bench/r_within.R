## Second R reference for the large panels, where plm needs more memory
## than the machine has (~5.7 GB at 10^6 rows, so ~50 GB at 10^7):
## two-way within transformation by plain alternating projections in base R
## (rowsum; no acceleration, no code shared with cpr-stats), stopped when
## every entity and time mean of each demeaned column is below 1e-14 of its
## largest value; then OLS (lm.fit, QR) and the cluster-robust sandwich
## with plm's "sss" factor G/(G-1) (N-1)/(N-K), K = slopes, exactly what
## plm's vcovHC(method = "arellano", type = "sss", cluster = "group") does.
## Checked against plm itself on 10^6 rows by scripts/bench.sh --r-check.
##   Rscript scripts/bench/r_within.R DATA.csv ENTITY TIME Y X1 [X2 ...]
## Prints "term estimate std_error" (%.17g) per slope, as plm_fe.R.
a <- commandArgs(trailingOnly = TRUE)
ent <- a[2]; tim <- a[3]; y <- a[4]; xs <- a[-(1:4)]
d <- read.csv(a[1], colClasses = "numeric")
e <- match(d[[ent]], sort(unique(d[[ent]]))); t <- match(d[[tim]], sort(unique(d[[tim]])))
ne <- tabulate(e); nt <- tabulate(t)
demean <- function(v) {
  s <- max(abs(v))
  for (it in 1:100000) {
    v <- v - (rowsum(v, e, reorder = TRUE)[, 1] / ne)[e]
    mt <- rowsum(v, t, reorder = TRUE)[, 1] / nt
    v <- v - mt[t]
    if (max(abs(mt)) <= 1e-14 * s &&
        max(abs(rowsum(v, e, reorder = TRUE)[, 1] / ne)) <= 1e-14 * s) return(v)
  }
  stop("alternating projections did not converge")
}
Y <- demean(d[[y]])
X <- sapply(xs, function(x) demean(d[[x]]))
rm(d); invisible(gc())
f <- lm.fit(X, Y)
b <- f$coefficients; u <- f$residuals
B <- chol2inv(qr.R(f$qr))[order(f$qr$pivot), order(f$qr$pivot)]
S <- rowsum(X * u, e, reorder = TRUE)          # G x K cluster scores
N <- length(Y); G <- length(ne); K <- length(b)
V <- B %*% crossprod(S) %*% B * G / (G - 1) * (N - 1) / (N - K)
se <- sqrt(diag(V))
for (j in seq_along(xs)) cat(sprintf("%s %.17g %.17g\n", xs[j], b[[j]], se[[j]]))
