## Oracle for tests/unit/test_threshold.c: Hansen (1999) fixed-effects
## threshold regression by brute force (lm with entity dummies on every grid
## point). Simulates the panel and writes tests/data/threshold_sim.csv.
## Run from the repo root:
##   Rscript tests/unit/oracle/threshold.R > tests/unit/oracle/threshold.out
## It also writes tests/unit/oracle/threshold_resid.out (for
## tests/scripts/test_threshold_resid.sh): "model fitted residual" per row of
## the CSV for the single and double threshold with entity effects and the
## single threshold with entity and year effects (its own grid search), from
## lm with dummies: residual = resid(lm), fitted = y - residual (the
## effects are part of the fitted value). R 4.2.2 (Debian).
## Grid (the same rule as src/model/threshold.c): sort q (n values), drop
## floor(trim * n) from each end, take every distinct value left.
## Regimes: x * 1(q <= g), x * 1(q > g) (double: q <= g1 < q <= g2 < q).
options(digits = 15)
set.seed(20240501)
G <- 30; T <- 8; n <- G * T
d <- data.frame(id = rep(sprintf("E%02d", 1:G), each = T), year = rep(2001:(2000 + T), G))
mu <- rnorm(G)[as.integer(factor(d$id))]
d$x <- rnorm(n); d$z <- rnorm(n); d$q <- round(runif(n, -1, 1), 3)
d$y <- round(mu + ifelse(d$q <= -0.2, 1, ifelse(d$q <= 0.4, 2, 0.5)) * d$x + 0.5 * d$z + rnorm(n, 0, 0.5), 6)
write.csv(d[, c("id", "year", "y", "x", "z", "q")], "tests/data/threshold_sim.csv", row.names = FALSE, quote = FALSE)
d <- read.csv("tests/data/threshold_sim.csv")
trim <- 0.05
s <- sort(d$q); lo <- floor(trim * n); grid <- unique(s[(lo + 1):(n - lo)])
cat(sprintf("n %d grid %d first %.17g last %.17g\n", n, length(grid), grid[1], grid[length(grid)]))
ssr <- function(cuts, twoway = FALSE) {
  r <- findInterval(d$q, cuts, left.open = TRUE)   # 0: q <= cuts[1], ...
  X <- sapply(sort(unique(c(0, seq_along(cuts)))), function(k) d$x * (r == k))
  m <- if (twoway) lm(d$y ~ X + d$z + factor(d$id) + factor(d$year)) else lm(d$y ~ X + d$z + factor(d$id))
  list(ssr = sum(resid(m)^2), coef = coef(m)[2:(ncol(X) + 2)], resid = as.vector(resid(m)))
}
S0 <- sum(resid(lm(y ~ x + z + factor(id), d))^2)
S <- sapply(grid, function(g) ssr(g)$ssr)
i1 <- which.min(S); g1 <- grid[i1]; S1 <- S[i1]
s2 <- S1 / (n - G)
LR <- (S - S1) / s2
crit <- -2 * log(1 - sqrt(0.95))
ci <- range(grid[LR <= crit])
f1 <- ssr(g1)
cat(sprintf("S0 %.17g\nS1 %.17g\ngamma1 %.17g\nsigma2 %.17g\nF1 %.17g\ncrit %.17g\nci1 %.17g %.17g\n",
            S0, S1, g1, s2, (S0 - S1) / s2, crit, ci[1], ci[2]))
cat(sprintf("coef1 %.17g\n", f1$coef))
cat(sprintf("LR[%d] %.17g\n", c(1, 50, length(grid)), LR[c(1, 50, length(grid))]))
## double: second threshold given g1 (middle regime must keep floor(trim n) obs),
## then refine g1 given g2 (Hansen 1999, section 3.2)
ok2 <- function(a, b) { a < b && sum(d$q > a & d$q <= b) >= max(lo, 1) }
S2 <- sapply(grid, function(g) if (g != g1 && ok2(min(g, g1), max(g, g1))) ssr(sort(c(g, g1)))$ssr else NA)
g2 <- grid[which.min(S2)]
S1r <- sapply(grid, function(g) if (g != g2 && ok2(min(g, g2), max(g, g2))) ssr(sort(c(g, g2)))$ssr else NA)
g1r <- grid[which.min(S1r)]
Sd <- min(S1r, na.rm = TRUE)
s2d <- Sd / (n - G)
LR2 <- (S2 - min(S2, na.rm = TRUE)) / s2d   # g2 given g1 (before refinement)
LR1r <- (S1r - Sd) / s2d
ci2 <- range(grid[!is.na(LR2) & LR2 <= crit]); ci1r <- range(grid[!is.na(LR1r) & LR1r <= crit])
fd <- ssr(sort(c(g1r, g2)))
cat(sprintf("gamma2 %.17g\ngamma1r %.17g\nS2 %.17g\nsigma2d %.17g\nF2 %.17g\n", g2, g1r, Sd, s2d, (S1 - Sd) / s2d))
cat(sprintf("ci2 %.17g %.17g\nci1r %.17g %.17g\n", ci2[1], ci2[2], ci1r[1], ci1r[2]))
cat(sprintf("coef2 %.17g\n", fd$coef))
## residuals and fitted values at the estimated thresholds
St <- sapply(grid, function(g) ssr(g, twoway = TRUE)$ssr)
ft <- ssr(grid[which.min(St)], twoway = TRUE)
res <- file("tests/unit/oracle/threshold_resid.out", "w")
for (m in list(list("single", f1$resid), list("double", fd$resid), list("twoway", ft$resid)))
  writeLines(sprintf("%s %.17g %.17g", m[[1]], d$y - m[[2]], m[[2]]), res)
close(res)
cat(sprintf("gamma_twoway %.17g\n", grid[which.min(St)]))
