# regress with three -f: OLS, two-way FE (wild bootstrap) and IV in one table (layout golden: numbers are checked against R elsewhere)
args: regress -f 'poverty ~ log_aid + log(gdp_pc)' -f 'poverty ~ log_aid + log(gdp_pc) | iso3 + year' -f 'poverty ~ log(gdp_pc) | iso3 + year | log_aid ~ L2.log_aid' --titles 'Pooled,FE,IV' --keep-singletons
exit: 0
--- stdout
----------------------------------------------------------------------------------------------------
                                                             (1)               (2)               (3)
                                                          Pooled                FE                IV
Outcome                                                  poverty           poverty           poverty
----------------------------------------------------------------------------------------------------
Log of 1 + Chinese ODA-like finance per person          -1.705**            -0.017            29.233
                                                         (0.751)           (0.235)         (247.303)
                                                         {0.031}           {0.943}
log GDP per capita                                     -8.712***            -2.763            -1.024
                                                         (1.293)           (2.198)           (6.949)
                                                       {<0.0001}           {0.205}
Constant                                               84.450***
                                                        (11.507)
                                                       {<0.0001}
----------------------------------------------------------------------------------------------------
Observations                                                 311               311               284
Countries                                                     22                22                22
R²                                                        0.568
Within R²                                                                   0.025           -55.778
First-stage F                                                                                   0.01
----------------------------------------------------------------------------------------------------
Country FE                                                    No               Yes               Yes
Year FE                                                       No               Yes               Yes
----------------------------------------------------------------------------------------------------
Estimator                                             Pooled OLS                FE         IV (2SLS)
Std. errors                                     Clustered (iso3)  Clustered (iso3)  Clustered (iso3)
Clusters                                                      22                22                22
Wild bootstrap p                                        B = 9999          B = 9999                No
----------------------------------------------------------------------------------------------------

Standard errors in parentheses; wild cluster bootstrap p-values in braces.
* p<0.1, ** p<0.05, *** p<0.01 (analytic p-values).
poverty: Poverty headcount ratio at $3.00 a day (2021 PPP) (% of population; World Bank WDI [wb-wdi]).
