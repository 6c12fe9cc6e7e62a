## Oracle for correlate on panel data (tests/e2e/cases/correlate_panel_cluster.t):
## Pearson's r between Grunfeld's value and inv, tested with the 10 firms as
## clusters. CR1 p: sandwich::vcovCL(type = "HC1") on lm(scale(inv) ~ scale(value)),
## t with G - 1 df. Bootstrap p: brute force over all 2^10 Rademacher sign
## vectors, restricted (null imposed) WCR, re-estimating every sample (as
## wcr_grunfeld.R; ties |t*| = |t| count as extreme, Roodman et al. 2019).
## Run from the repo root:
##   Rscript tests/unit/oracle/correlate_cluster.R > tests/unit/oracle/correlate_cluster.out
## R 4.2.2, sandwich 3.0-2.
suppressMessages(library(sandwich))
d <- read.csv("tests/reference/grunfeld/data.csv")
m <- lm(scale(inv) ~ scale(value), data = d)
V <- vcovCL(m, cluster = ~firm, type = "HC1")
G <- length(unique(d$firm))
t <- coef(m)[2] / sqrt(V[2, 2])
cat(sprintf("r %.10g\np_cluster %.10g\n", cor(d$inv, d$value), 2 * pt(-abs(t), G - 1)))
gi <- match(d$firm, sort(unique(d$firm)))
S <- sapply(0:(2^G - 1), function(b) ifelse(bitwAnd(b, 2^(0:(G - 1))) > 0, -1, 1))
X <- cbind(1, d$value); y <- d$inv
crt <- function(Y) {
  B <- solve(crossprod(X)); b <- B %*% crossprod(X, Y); E <- Y - X %*% b
  s <- rowsum(as.vector(X %*% B[2, ]) * E, gi); b[2, ] / sqrt(colSums(s^2))
}
fr <- lm.fit(X[, 1, drop = FALSE], y)              # null imposed: slope 0
Ystar <- (y - fr$residuals) + fr$residuals * S[gi, ]
cat(sprintf("p_boot %.10g\n", mean(abs(crt(Ystar)) >= abs(crt(matrix(y))) * (1 - 1e-9))))
