# Oracle for tests/unit/test_plot.c: OLS fit of inv on value (Grunfeld data,
# N = 200) and the 95% confidence band for the mean, from R's lm + predict.
# Run from the repository root:
#   Rscript tests/unit/oracle/plot_band.R > tests/unit/oracle/plot_band.out
# (data: tests/reference/grunfeld/data.csv, i.e. /work/shared/reference)
args <- commandArgs(trailingOnly = TRUE)
path <- if (length(args)) args[1] else "tests/reference/grunfeld/data.csv"
d <- read.csv(path)
m <- lm(inv ~ value, data = d)
options(digits = 17)
cat(sprintf("N %d\n", nrow(d)))
cat(sprintf("intercept %.17g\n", coef(m)[1]))
cat(sprintf("slope %.17g\n", coef(m)[2]))
cat(sprintf("r %.17g\n", cor(d$value, d$inv)))
cat(sprintf("sigma %.17g\n", summary(m)$sigma))
cat(sprintf("tcrit %.17g\n", qt(0.975, df = nrow(d) - 2)))
nd <- data.frame(value = c(58.12, 1000, 2500, 6241.7))
p <- predict(m, newdata = nd, interval = "confidence", level = 0.95)
for (i in seq_len(nrow(nd)))
  cat(sprintf("x %.17g fit %.17g lwr %.17g upr %.17g\n",
              nd$value[i], p[i, "fit"], p[i, "lwr"], p[i, "upr"]))
# log-log variant (what `--log x` + `--log y` fits: ln inv on ln value)
ml <- lm(log(inv) ~ log(value), data = d)
cat(sprintf("loglog slope %.17g intercept %.17g r %.17g\n", coef(ml)[2], coef(ml)[1],
            cor(log(d$value), log(d$inv))))
