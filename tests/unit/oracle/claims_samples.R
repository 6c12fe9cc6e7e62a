## Oracle for the C15 and C20 samples of datasets/claims.manifest (issue 13),
## computed in R from the RAW sources (not from datasets/*.csv).
## Run from the repo root:
##   Rscript tests/unit/oracle/claims_samples.R > tests/unit/oracle/claims_samples.out
## R 4.2.2, sandwich 3.0-2. Checked by tests/scripts/test_reproduce_report.sh.
suppressMessages(library(sandwich))
src <- "datasets/sources"
## C15: V-Dem v2xnp_client vs WGI VA estimate, 2021, the 20 Latin American republics
lac20 <- c("ARG","BOL","BRA","CHL","COL","CRI","CUB","DOM","ECU","SLV","GTM","HND","HTI","MEX","NIC","PAN","PRY","PER","URY","VEN")
v <- read.csv(file.path(src, "vdem-v12-demspaces/vdem_v12_governance_country_year.csv"))
v <- v[v$year == 2021 & v$vdem_country_text_id %in% lac20, c("vdem_country_text_id", "v2xnp_client")]
w <- read.csv(file.path(src, "wb-wgi-2023/wgi_long.csv"))
w <- w[w$year == 2021 & w$indicator == "VA" & w$iso3 %in% lac20, c("iso3", "estimate")]
d <- merge(v, w, by.x = "vdem_country_text_id", by.y = "iso3")
cat(sprintf("C15 n20 %d\nC15 r20 %.6f\n", nrow(d), cor(d$v2xnp_client, d$estimate)))
for (c in lac20) {
  e <- d[d$vdem_country_text_id != c, ]
  cat(sprintf("C15 drop %s %.6f\n", c, cor(e$v2xnp_client, e$estimate)))
}
## C20: gdp_pc_growth ~ gini, two-way FE, the 33 ECLAC states only
lac33 <- c("ARG","ATG","BHS","BLZ","BOL","BRA","BRB","CHL","COL","CRI","CUB","DMA","DOM","ECU","GRD","GTM","GUY","HND","HTI","JAM","KNA","LCA","MEX","NIC","PAN","PER","PRY","SLV","SUR","TTO","URY","VCT","VEN")
x <- read.csv(file.path(src, "wb-wdi/wdi_lac_long.csv"))
gi <- x[x$indicator == "SI.POV.GINI", c("iso3", "year", "value")]; names(gi)[3] <- "gini"
gr <- x[x$indicator == "NY.GDP.PCAP.KD.ZG", c("iso3", "year", "value")]; names(gr)[3] <- "g"
p <- merge(gi, gr); p <- p[p$iso3 %in% lac33 & p$year >= 1990 & !is.na(p$gini) & !is.na(p$g), ]  # the panel starts in 1990
## singletons (alone in their country or year) dropped repeatedly before
## estimation, as reghdfe and cpr-stats (issue 14) do
p_all <- nrow(p)
repeat {
  single <- ave(p$g, p$iso3, FUN = length) == 1 | ave(p$g, p$year, FUN = length) == 1
  if (!any(single)) break
  p <- p[!single, ]
}
m <- lm(g ~ gini + factor(iso3) + factor(year), data = p)
cat(sprintf("C20 N %d\nC20 clusters %d\nC20 b_gini %.6f\nC20 china_rows %d\nC20 singletons %d\n", nrow(p), length(unique(p$iso3)), coef(m)["gini"], sum(p$iso3 == "CHN"), p_all - nrow(p)))
## Table 1 of paper 001: WGI 2021 percentile ranks, unweighted mean over the
## 33 ECLAC states, Sub-Saharan Africa (World Bank region, 48) and the OECD (38)
gr <- read.csv(file.path(src, "wb-wgi-2023/wgi_country_groups.csv"))
groups <- list(LAC = gr$iso3[gr$eclac_lac33 == 1], SSF = gr$iso3[gr$wb_region_2017 == "Sub-Saharan Africa"],
               OED = gr$iso3[gr$oecd_member_2023 == 1])
dims <- c(PV = "Political_stability", GE = "Government_effectiveness", VA = "Voice_and_accountability",
          RQ = "Regulatory_quality", RL = "Rule_of_law", CC = "Control_of_corruption")
w <- read.csv(file.path(src, "wb-wgi-2023/wgi_long.csv"))
for (g in names(groups)) for (d in names(dims)) {
  x <- w$pct_rank[w$year == 2021 & w$indicator == d & w$iso3 %in% groups[[g]]]
  cat(sprintf("T1 %s %s %.6f\n", g, dims[[d]], mean(x, na.rm = TRUE)))
}
## C01b: the countries and observations in each regime of the threshold model
## (rows with poverty, aid_gdp, gdp_pc and wgi_ge present in the bundled panel;
## gamma = 0.219069, the threshold `cpr-stats threshold` estimates: checked in
## threshold.R against a brute-force grid search)
p <- read.csv("datasets/lac_panel.csv")
p <- p[!is.na(p$poverty) & !is.na(p$aid_gdp) & !is.na(p$gdp_pc) & !is.na(p$wgi_ge) & p$gdp_pc > 0, ]
for (k in 1:2) {
  s <- if (k == 1) p[p$wgi_ge <= 0.219069, ] else p[p$wgi_ge > 0.219069, ]
  tab <- table(s$iso3)
  cat(sprintf("C01b regime%d %d %d %s\n", k, nrow(s), length(tab), paste(sprintf("%s:%d", names(tab), as.vector(tab)), collapse = ",")))
}
