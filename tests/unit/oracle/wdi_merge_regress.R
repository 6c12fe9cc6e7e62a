# Reference for tests/e2e/cases/regress_wdi_download_merged.t: the DataBank
# fixture's two series merged with the bundled panel, pooled OLS with HC1
# standard errors, computed in R from the ORIGINAL WDI extract (not from the
# fixture and not from cpr-stats). Run from the repository root:
#   Rscript tests/unit/oracle/wdi_merge_regress.R
library(sandwich); library(lmtest)
p <- read.csv("datasets/lac_panel.csv")
w <- read.csv("datasets/sources/wb-wdi/wdi_lac_long.csv")
w <- subset(w, iso3 %in% c("ARG", "BRA", "CHL", "COL", "MEX") & year %in% 2010:2014 &
               indicator %in% c("SI.POV.GINI", "SL.UEM.TOTL.ZS"))
wide <- reshape(w[, c("iso3", "year", "indicator", "value")], idvar = c("iso3", "year"),
                timevar = "indicator", direction = "wide")
m <- merge(p, wide, by = c("iso3", "year"))
f <- lm(value.SL.UEM.TOTL.ZS ~ gdp_growth + value.SI.POV.GINI, data = m)
print(nobs(f))
print(coeftest(f, vcov = vcovHC(f, type = "HC1")), digits = 6)
