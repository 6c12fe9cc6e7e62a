# the Dreher et al. (2021) preset on the bundled data: FE OLS with SEs by country, and a plain note that the paper's IV needs data not bundled
args: regress --preset dreher2021
exit: 0
stdout-match: ^Formula: +gdp_pc_growth ~ L2\.log_cn_total \+ log\(pop\) \| iso3 \+ year$
stdout-match: ^Estimator: +Two-way fixed effects \(within\)$
stdout-match: ^Std\. errors: +Clustered by iso3
stdout-match: ^L2\.log_cn_total +
stdout-match: NOT the paper's estimate: this is OLS with fixed effects
stdout-match: China's steel output is not bundled\. Supply it: --data .*lac_panel\.csv --data steel\.csv --instrument VAR
