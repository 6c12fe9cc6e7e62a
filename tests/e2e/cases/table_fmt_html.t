# multi-model table, html: OLS, FE without and with the wild bootstrap, IV side by side (layout golden: the numbers come from saved models checked against outside references elsewhere; this case tests the table layout)
args: table $ROOT/tests/e2e/data/models/ols.json $ROOT/tests/e2e/data/models/fe_noboot.json $ROOT/tests/e2e/data/models/fe_boot.json $ROOT/tests/e2e/data/models/iv.json --titles 'OLS,FE,FE + bootstrap,IV' --scale aid=1e9 --format html
exit: 0
--- stdout
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>cpr-stats output</title>
<style>
body{font-family:serif;margin:2em}
table{border-collapse:collapse;border-top:2px solid #000;border-bottom:2px solid #000;margin:1em 0}
th,td{padding:.15em .8em;text-align:right}
th[scope=row],thead th:first-child{text-align:left;font-weight:normal}
table.models td,table.models thead th{text-align:center}
thead tr:last-child th{border-bottom:1px solid #000}
tr.rule>*{border-top:1px solid #000}
tfoot td{text-align:left;font-size:85%;border-top:2px solid #000}
tfoot tr+tr td{border-top:0}
</style>
</head>
<body>
<table class="models">
<thead>
<tr><th></th><th>(1)</th><th>(2)</th><th>(3)</th><th>(4)</th></tr>
<tr><th></th><th>OLS</th><th>FE</th><th>FE + bootstrap</th><th>IV</th></tr>
<tr><th>Outcome</th><th>poverty</th><th>poverty</th><th>poverty</th><th>poverty</th></tr>
</thead>
<tbody>
<tr><th scope="row">Log of 1 + Chinese ODA-like finance per person</th><td>-1.764***</td><td></td><td>-0.017</td><td>29.233</td></tr>
<tr><th scope="row"></th><td>(0.367)</td><td></td><td>(0.235)</td><td>(247.303)</td></tr>
<tr><th scope="row"></th><td></td><td></td><td>{0.941}</td><td></td></tr>
<tr><th scope="row">log GDP per capita</th><td>-8.405***</td><td>-2.763</td><td>-2.763</td><td>-1.024</td></tr>
<tr><th scope="row"></th><td>(0.672)</td><td>(2.191)</td><td>(2.198)</td><td>(6.949)</td></tr>
<tr><th scope="row"></th><td></td><td></td><td>{0.212}</td><td></td></tr>
<tr><th scope="row">Urban population</th><td>-0.028</td><td></td><td></td><td></td></tr>
<tr><th scope="row"></th><td>(0.036)</td><td></td><td></td><td></td></tr>
<tr><th scope="row">Chinese ODA-like official finance, commitments (adjusted) (× 1e9)</th><td></td><td>-8.633</td><td></td><td></td></tr>
<tr><th scope="row"></th><td></td><td>(6.002)</td><td></td><td></td></tr>
<tr><th scope="row">Constant</th><td>83.858***</td><td></td><td></td><td></td></tr>
<tr><th scope="row"></th><td>(6.093)</td><td></td><td></td><td></td></tr>
<tr class="rule"><th scope="row">Observations</th><td>311</td><td>311</td><td>311</td><td>284</td></tr>
<tr><th scope="row">Countries</th><td>22</td><td>22</td><td>22</td><td>22</td></tr>
<tr><th scope="row">R²</th><td>0.569</td><td></td><td></td><td></td></tr>
<tr><th scope="row">Within R²</th><td></td><td>0.029</td><td>0.025</td><td>-55.778</td></tr>
<tr><th scope="row">First-stage F</th><td></td><td></td><td></td><td>0.01</td></tr>
<tr class="rule"><th scope="row">Country FE</th><td>No</td><td>Yes</td><td>Yes</td><td>Yes</td></tr>
<tr><th scope="row">Year FE</th><td>No</td><td>Yes</td><td>Yes</td><td>Yes</td></tr>
<tr class="rule"><th scope="row">Estimator</th><td>OLS</td><td>FE</td><td>FE</td><td>IV (2SLS)</td></tr>
<tr><th scope="row">Std. errors</th><td>HC1</td><td>Clustered (iso3)</td><td>Clustered (iso3)</td><td>Clustered (iso3)</td></tr>
<tr><th scope="row">Clusters</th><td></td><td>22</td><td>22</td><td>22</td></tr>
<tr><th scope="row">Wild bootstrap p</th><td>No</td><td>No</td><td>B = 9999</td><td>No</td></tr>
</tbody>
<tfoot>
<tr><td colspan="5">Standard errors in parentheses; wild cluster bootstrap p-values in braces.</td></tr>
<tr><td colspan="5">* p&lt;0.1, ** p&lt;0.05, *** p&lt;0.01 (analytic p-values).</td></tr>
<tr><td colspan="5">Coefficients of aid multiplied by 1e9.</td></tr>
<tr><td colspan="5">poverty: Poverty headcount ratio at $3.00 a day (2021 PPP) (% of population; World Bank WDI [wb-wdi]).</td></tr>
</tfoot>
</table>
</body>
</html>
