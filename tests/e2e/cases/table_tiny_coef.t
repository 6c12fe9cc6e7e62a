# multi-model table: a coefficient too small to read is shown in scientific notation with a --scale note (layout golden: the numbers come from saved models checked against outside references elsewhere; this case tests the table layout)
args: table $ROOT/tests/e2e/data/models/fe_noboot.json --format md
exit: 0
--- stdout
|  | (1) |
|:---|---:|
| Outcome | poverty |
| Chinese ODA-like official finance, commitments (adjusted) | -8.63e-09 |
|  | (6.00e-09) |
| log GDP per capita | -2.763 |
|  | (2.191) |
| Observations | 311 |
| Countries | 22 |
| Within R² | 0.029 |
| Country FE | Yes |
| Year FE | Yes |
| Estimator | FE |
| Std. errors | Clustered (iso3) |
| Clusters | 22 |

Standard errors in parentheses.\
\* p<0.1, \*\* p<0.05, \*\*\* p<0.01 (analytic p-values).\
aid: too small to read at 3 decimals, shown in scientific notation; --scale 'aid=1e9' reads it per 1e9 units.\
poverty: Poverty headcount ratio at $3.00 a day (2021 PPP) (% of population; World Bank WDI [wb-wdi]).
