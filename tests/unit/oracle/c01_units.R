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
## The same regression as reghdfe runs it (cpr-stats' default since issue 14):
## observations alone in their country or year are dropped, repeatedly, before
## estimation. The slope is unchanged (a singleton is fitted by its own dummy);
## N, G and so the small-sample factor and the CR1 SE change.
s <- d
repeat {
  single <- ave(s$aid, s$iso3, FUN = length) == 1 | ave(s$aid, s$year, FUN = length) == 1
  if (!any(single)) break
  s <- s[!single, ]
}
m2 <- lm(poverty ~ aid + factor(iso3) + factor(year), data = s)
V2 <- vcovCL(m2, cluster = ~iso3, type = "HC0", cadjust = FALSE)
G2 <- length(unique(s$iso3)); N2 <- nrow(s); K2 <- 1 + (length(unique(s$year)) - 1) + 1
b2 <- coef(m2)["aid"]; se2 <- sqrt(V2["aid", "aid"] * G2 / (G2 - 1) * (N2 - 1) / (N2 - K2))
p2 <- 2 * pt(-abs(b2 / se2), df = G2 - 1)
cat(sprintf("singletons %d\nsingletons_dropped %s\nN_nosingle %d\nclusters_nosingle %d\nb_aid_nosingle %.10g\nse_aid_nosingle %.10g\np_aid_nosingle %.10g\n",
            nrow(d) - N2, paste(sort(setdiff(unique(d$iso3), unique(s$iso3))), collapse = ","), N2, G2, b2, se2, p2))
