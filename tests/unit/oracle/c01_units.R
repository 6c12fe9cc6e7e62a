## Oracle for the units of `aid` (issue 13): `regress aid poverty` on the
## bundled panel must equal a two-way FE regression of WDI SI.POV.DDAY on the
## raw GCDF 3.0 oda_adj_usd2021 / 1e6 (US$ million), built here from the RAW sources (not
## from datasets/lac_panel.csv), with CR1 standard errors clustered by country.
## Run from the repo root:
##   Rscript tests/unit/oracle/c01_units.R > tests/unit/oracle/c01_units.out
## R 4.2.2, sandwich 3.0-2 (Debian packages).
suppressMessages(library(sandwich))
src <- "datasets/sources"
g <- read.csv(file.path(src, "aiddata-gcdf3-country-year/gcdf3_lac_country_year.csv"))
w <- read.csv(file.path(src, "wb-wdi/wdi_lac_long.csv"))
pov <- w[w$indicator == "SI.POV.DDAY", c("iso3", "year", "value")]
names(pov)[3] <- "poverty"
d <- merge(pov, data.frame(iso3 = g$iso3, year = g$year, aid = g$oda_adj_usd2021 / 1e6))
d <- d[!is.na(d$poverty) & !is.na(d$aid), ]
m <- lm(poverty ~ aid + factor(iso3) + factor(year), data = d)
## CR1 as Stata's xtreg, fe vce(cluster): G/(G-1) * (N-1)/(N-K), K counting
## the slope, the year dummies and the constant (country effects absorbed).
V0 <- vcovCL(m, cluster = ~iso3, type = "HC0", cadjust = FALSE)
G <- length(unique(d$iso3)); N <- nrow(d); K <- 1 + (length(unique(d$year)) - 1) + 1
b <- coef(m)["aid"]; se <- sqrt(V0["aid", "aid"] * G / (G - 1) * (N - 1) / (N - K))
p <- 2 * pt(-abs(b / se), df = G - 1)
cat(sprintf("N %d\nclusters %d\nb_aid %.10g\nse_aid %.10g\np_aid %.10g\n", nrow(d), G, b, se, p))
