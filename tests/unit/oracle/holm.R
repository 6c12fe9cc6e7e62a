## Oracle for holm() in claims expressions (tests/unit/test_claims_verdict.c).
## Run from the repo root:  Rscript tests/unit/oracle/holm.R > tests/unit/oracle/holm.out
## R 4.2.2, stats::p.adjust.
p <- c(0.044, 0.01, 0.30, 0.02, 0.5)
cat(sprintf("%.10g", p.adjust(p, method = "holm")), sep = "\n")
