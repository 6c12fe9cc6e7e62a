## Oracle values for tests/unit/test_gmm.c: Arellano-Bond difference GMM on
## EmplUK (Arellano and Bond 1991), the example of plm's ?pgmm.
## Run from the repo root:
##   Rscript tests/unit/oracle/gmm_emplUK.R > tests/unit/oracle/gmm_emplUK.out
## Also writes tests/data/emplUK.csv (the data as shipped with plm) and
## tests/unit/oracle/gmm_emplUK_resid.out: the residuals of the differenced
## equations (pgmm's m$residuals, the final step's) and fitted = dy - residual,
## for tests/unit/test_gmm.c and tests/scripts/test_gmm_resid.sh.
suppressMessages(library(plm))
options(digits = 15)
cat("R", R.version$major, R.version$minor, " plm", as.character(packageVersion("plm")), "\n")
data("EmplUK", package = "plm")
write.csv(EmplUK[, c("firm", "year", "sector", "emp", "wage", "capital", "output")],
          "tests/data/emplUK.csv", row.names = FALSE, quote = FALSE)
pr <- function(name, x) for (i in seq_along(x)) cat(sprintf("%s[%s] %.17g\n", name, names(x)[i], x[i]))
f <- log(emp) ~ lag(log(emp), 1:2) + lag(log(wage), 0:1) + log(capital) +
     lag(log(output), 0:1) | lag(log(emp), 2:99)
run <- function(tag, ...) {
  m <- pgmm(f, data = EmplUK, effect = "twoways", ...)
  s <- summary(m, robust = TRUE)      # robust = Windmeijer for two steps
  print(s)
  pr(paste0(tag, "_coef"), coef(m))
  pr(paste0(tag, "_se_robust"), sqrt(diag(vcovHC(m))))
  pr(paste0(tag, "_se_classic"), sqrt(diag(vcov(m))))
  ## AR tests as summary() computes them: robust vcov passed as a matrix,
  ## so the cross term uses the estimator's own (non-robust) B matrix.
  ## (Passing vcov = vcovHC as a function makes mtest call vcovHC for that
  ## term too, a plm quirk; summary() and DPD/Ox use the formula here.)
  cat(sprintf("%s_ar1 %.17g %.17g\n", tag, s$m1$statistic, s$m1$p.value))
  cat(sprintf("%s_ar2 %.17g %.17g\n", tag, s$m2$statistic, s$m2$p.value))
  ## plm's "Sargan" is Hansen's J: W'e weighted by A2 (one-step residuals)
  sg <- sargan(m)
  cat(sprintf("%s_hansen %.17g %d %.17g\n", tag, sg$statistic, as.integer(sg$parameter), sg$p.value))
  ## Classical (non-robust) Sargan of the one-step estimate, written out:
  ## z' (sum W_i' H W_i)^-1 z / s2, z = sum W_i' e_i, s2 = e'e / (2 (nobs - K))
  if (tag %in% c("one", "onec")) {
    e <- m$residuals; W <- m$W
    z <- Reduce("+", mapply(crossprod, W, e, SIMPLIFY = FALSE))
    Tn <- nrow(W[[1]]); H <- tcrossprod(diff(diag(1, Tn + 1)))
    S <- Reduce("+", lapply(W, function(w) t(w) %*% H %*% w))
    nobs <- sum(sapply(e, function(v) sum(v != 0))); K <- length(coef(m))
    s2 <- sum(unlist(e)^2) / (2 * (nobs - K))
    st <- as.numeric(t(z) %*% solve(S, z)) / s2
    cat(sprintf("%s_sargan %.17g %d %.17g\n", tag, st, ncol(W[[1]]) - K, pchisq(st, ncol(W[[1]]) - K, lower.tail = FALSE)))
    cat(sprintf("%s_s2 %.17g\n", tag, s2))
  }
  cat(sprintf("%s_nobs %d\n", tag, sum(sapply(m$residuals, function(v) sum(v != 0)))))
  invisible(m)
}
mods <- list()
cat("## two-step, GMM instruments lag 2:99 (plm's example)\n")
mods$two <- run("two", model = "twosteps")
cat("## one-step\n")
mods$one <- run("one", model = "onestep")
cat("## two-step, collapsed instruments\n")
mods$twoc <- run("twoc", model = "twosteps", collapse = TRUE)
cat("## one-step, collapsed instruments\n")
mods$onec <- run("onec", model = "onestep", collapse = TRUE)
## Residuals: m$residuals holds one vector per firm, named by the years of
## the differenced equations (1979-1984; one step: unnamed, the years are
## the row names of m$model[[i]]); m$model[[i]] the differenced
## [dy, dX] of those rows. plm sets a row without an equation (a missing
## level at t or t-1) to all zeros: "used" is 0 there.
rf <- file("tests/unit/oracle/gmm_emplUK_resid.out", "w")
cat("## tests/unit/oracle/gmm_emplUK.R: R", R.version$major, R.version$minor, " plm",
    as.character(packageVersion("plm")), "\n## tag firm year used dy fitted resid\n", file = rf)
for (tag in names(mods)) {
  m <- mods[[tag]]
  for (i in seq_along(m$residuals)) {
    e <- m$residuals[[i]]; dy <- m$model[[i]][, 1]
    used <- as.integer(rowSums(m$model[[i]] != 0) > 0)
    cat(sprintf("%s %s %s %d %.17g %.17g %.17g\n", tag, names(m$residuals)[i], rownames(m$model[[i]]), used, dy, dy - e, e),
        sep = "", file = rf)
  }
}
close(rf)
