# multi-model table: OLS beside difference GMM (AR(2), Hansen rows), 95% CIs beneath (layout golden: the numbers come from saved models checked against outside references elsewhere; this case tests the table layout)
args: table $ROOT/tests/e2e/data/models/ols.json $ROOT/tests/e2e/data/models/gmm.json --below ci
exit: 0
--- stdout
----------------------------------------------------------------------------------
                                                             (1)               (2)
Outcome                                                  poverty          log(emp)
----------------------------------------------------------------------------------
Log of 1 + Chinese ODA-like finance per person         -1.764***
                                                [-2.486, -1.041]
log GDP per capita                                     -8.405***
                                                [-9.727, -7.084]
Urban population                                          -0.028
                                                 [-0.099, 0.043]
log(emp) (t-1)                                                             0.442**
                                                                    [0.095, 0.789]
log(emp) (t-2)                                                              -0.093
                                                                   [-0.271, 0.085]
log(wage)                                                                -0.569***
                                                                  [-0.900, -0.239]
log(capital)                                                              0.430***
                                                                    [0.324, 0.536]
Constant                                               83.858***
                                                [71.868, 95.847]
----------------------------------------------------------------------------------
Observations                                                 311               611
Entities                                                      22               140
R²                                                        0.569
Instruments                                                                     29
AR(2) p                                                                      0.782
Hansen J p                                                                   0.001
----------------------------------------------------------------------------------
Estimator                                                    OLS    Difference GMM
Std. errors                                                  HC1            Robust
Clusters                                                                       140
----------------------------------------------------------------------------------

95% confidence intervals in brackets.
* p<0.1, ** p<0.05, *** p<0.01 (analytic p-values).
poverty: Poverty headcount ratio at $3.00 a day (2021 PPP) (% of population; World Bank WDI [wb-wdi]).
