# multi-model table: --keep orders rows, --rename relabels, t statistics beneath, raw names (layout golden: the numbers come from saved models checked against outside references elsewhere; this case tests the table layout)
args: table $ROOT/tests/e2e/data/models/ols.json $ROOT/tests/e2e/data/models/fe_boot.json --keep 'log(gdp_pc),log_aid' --rename 'log_aid=Chinese aid (log per person)' --below t --no-labels --title 'Poverty and Chinese aid'
exit: 0
--- stdout
Poverty and Chinese aid

---------------------------------------------------------
                                    (1)               (2)
Outcome                         poverty           poverty
---------------------------------------------------------
log(gdp_pc)                   -8.405***            -2.763
                               (-12.51)           (-1.26)
                                                  {0.212}
Chinese aid (log per person)  -1.764***            -0.017
                                (-4.80)           (-0.07)
                                                  {0.941}
---------------------------------------------------------
Observations                        311               311
Countries                            22                22
R²                               0.569
Within R²                                          0.025
---------------------------------------------------------
Country FE                           No               Yes
Year FE                              No               Yes
---------------------------------------------------------
Estimator                           OLS                FE
Std. errors                         HC1  Clustered (iso3)
Clusters                                               22
Wild bootstrap p                     No          B = 9999
---------------------------------------------------------

t statistics in parentheses; wild cluster bootstrap p-values in braces.
* p<0.1, ** p<0.05, *** p<0.01 (analytic p-values).
