# Write the Stata and SPSS fixtures with haven from plain.csv (made by
# make_fixtures.sh from the WDI extract). Run from the repository root:
#   Rscript tests/data/formats/make_statfiles.R
library(haven)
d <- read.csv("tests/data/formats/plain.csv", stringsAsFactors = FALSE)
# A value-labelled category (World Bank income group, 2024 classification)
# and a variable label on every variable.
inc <- c(ARG = 3, BRA = 3, CHL = 4, COL = 3, MEX = 3)
d$income <- labelled(unname(inc[d$iso3]), c("Low income" = 1, "Lower middle income" = 2,
                                              "Upper middle income" = 3, "High income" = 4))
# Stata: the Gini missing in the source becomes .a ("not surveyed this year").
d$gini[is.na(d$gini)] <- tagged_na("a")
attr(d$iso3, "label") <- "ISO 3166-1 alpha-3 code"
attr(d$country, "label") <- "Country name"
attr(d$year, "label") <- "Year"
attr(d$gini, "label") <- "Gini index (World Bank estimate)"
attr(d$unemployment, "label") <- "Unemployment, total (% of total labor force) (modeled ILO estimate)"
attr(d$income, "label") <- "World Bank income group"
d$year <- as.integer(d$year)
# haven's version 8 writes dta 113, 13 writes 117, 14 writes 118, 15 writes 119.
write_dta(d, "tests/data/formats/wdi_v113.dta", version = 8)
write_dta(d, "tests/data/formats/wdi_v117.dta", version = 13)
write_dta(d, "tests/data/formats/wdi.dta", version = 14)
write_dta(d, "tests/data/formats/wdi_v119.dta", version = 15)
# SPSS: the missing Gini is written as the user-missing code -99.
s <- d
g <- unclass(d$gini); g[is.na(g)] <- -99
s$gini <- labelled_spss(g, na_values = -99,
                        label = "Gini index (World Bank estimate)")
write_sav(s, "tests/data/formats/wdi.sav")
