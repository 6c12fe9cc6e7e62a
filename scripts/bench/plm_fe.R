## Benchmark peer (scripts/bench.sh): two-way FE with SEs clustered by
## entity in R plm, the same model cpr-stats runs with --ssc plm.
##   Rscript scripts/bench/plm_fe.R DATA.csv ENTITY TIME Y X1 [X2 ...]
## Prints one line per slope: "term estimate std_error" (%.17g).
## SEs: vcovHC(method = "arellano", type = "sss", cluster = "group"), i.e.
## CR0 * G/(G-1) * (N-1)/(N-K), K = slopes (plm's Stata-like factor).
## The whole process is timed: start-up, read.csv, plm, vcovHC, printing.
suppressMessages(library(plm))
a <- commandArgs(trailingOnly = TRUE)
d <- read.csv(a[1])
ent <- a[2]; tim <- a[3]; y <- a[4]; xs <- a[-(1:4)]
d <- d[, c(ent, tim, y, xs)]
f <- as.formula(paste(y, "~", paste(xs, collapse = " + ")))
m <- plm(f, data = d, index = c(ent, tim), model = "within", effect = "twoways")
V <- vcovHC(m, method = "arellano", type = "sss", cluster = "group")
b <- coef(m); se <- sqrt(diag(V))
for (t in names(b)) cat(sprintf("%s %.17g %.17g\n", t, b[[t]], se[[t]]))
## Second SE column for comparing gretl (and Stata): the same CR0 sandwich
## times G/(G-1) * (N-1)/(N-K) with K = slopes + 1 + (T-1), which counts the
## constant and the time dummies; printed as "stata term se".
N <- nobs(m); G <- pdim(m)$nT$n; Tn <- pdim(m)$nT$T; k <- length(b)
V0 <- vcovHC(m, method = "arellano", type = "HC0", cluster = "group")
se_st <- sqrt(diag(V0) * G / (G - 1) * (N - 1) / (N - k - Tn))
for (t in names(b)) cat(sprintf("stata %s %.17g\n", t, se_st[[t]]))
