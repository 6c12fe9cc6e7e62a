# multi-model table, latex: OLS, FE without and with the wild bootstrap, IV side by side (layout golden: the numbers come from saved models checked against outside references elsewhere; this case tests the table layout)
args: table $ROOT/tests/e2e/data/models/ols.json $ROOT/tests/e2e/data/models/fe_noboot.json $ROOT/tests/e2e/data/models/fe_boot.json $ROOT/tests/e2e/data/models/iv.json --titles 'OLS,FE,FE + bootstrap,IV' --scale aid=1e9 --format latex
exit: 0
--- stdout
% cpr-stats output; requires \usepackage{booktabs}
\begin{table}[htbp]
\centering
\begin{tabular}{lcccc}
\toprule
 & (1) & (2) & (3) & (4) \\
 & OLS & FE & FE + bootstrap & IV \\
Outcome & poverty & poverty & poverty & poverty \\
\midrule
Log of 1 + Chinese ODA-like finance per person & -1.764*** &  & -0.017 & 29.233 \\
 & (0.367) &  & (0.235) & (247.303) \\
 &  &  & \{0.941\} &  \\
log GDP per capita & -8.405*** & -2.763 & -2.763 & -1.024 \\
 & (0.672) & (2.191) & (2.198) & (6.949) \\
 &  &  & \{0.212\} &  \\
Urban population & -0.028 &  &  &  \\
 & (0.036) &  &  &  \\
Chinese ODA-like official finance, commitments (adjusted) ($\times$ 1e9) &  & -8.633 &  &  \\
 &  & (6.002) &  &  \\
Constant & 83.858*** &  &  &  \\
 & (6.093) &  &  &  \\
\midrule
Observations & 311 & 311 & 311 & 284 \\
Countries & 22 & 22 & 22 & 22 \\
R$^2$ & 0.569 &  &  &  \\
Within R$^2$ &  & 0.029 & 0.025 & -55.778 \\
First-stage F &  &  &  & 0.01 \\
\midrule
Country FE & No & Yes & Yes & Yes \\
Year FE & No & Yes & Yes & Yes \\
\midrule
Estimator & OLS & FE & FE & IV (2SLS) \\
Std. errors & HC1 & Clustered (iso3) & Clustered (iso3) & Clustered (iso3) \\
Clusters &  & 22 & 22 & 22 \\
Wild bootstrap p & No & No & B = 9999 & No \\
\bottomrule
\multicolumn{5}{l}{\footnotesize Standard errors in parentheses; wild cluster bootstrap p-values in braces.} \\
\multicolumn{5}{l}{\footnotesize * p\textless{}0.1, ** p\textless{}0.05, *** p\textless{}0.01 (analytic p-values).} \\
\multicolumn{5}{l}{\footnotesize Coefficients of aid multiplied by 1e9.} \\
\multicolumn{5}{l}{\footnotesize poverty: Poverty headcount ratio at \$3.00 a day (2021 PPP) (\% of population; World Bank WDI [wb-wdi]).} \\
\end{tabular}
\end{table}
