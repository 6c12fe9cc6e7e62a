# correlate --format html (through CLI_FORMAT_OPT and the html backend): Grunfeld r and rho as R cor.test (tests/reference/grunfeld/expected.json: r 0.8569328985084855, rho 0.8130595857715713)
args: correlate value inv --data $REF/grunfeld/data.csv --iid-only --format html
exit: 0
stdout-match: ^<!DOCTYPE html>$
stdout-match: ^<tr><th>method</th><th>estimate</th><th>test</th><th>statistic</th><th>df</th><th>p-value</th><th>\[95% CI\]</th></tr>$
stdout-match: ^<tr><th scope="row">pearson</th><td>0\.856933</td><td>t</td><td>23\.3944</td><td>198</td><td>&lt;2\.2e-16</td>
stdout-match: ^<tr><th scope="row">spearman</th><td>0\.81306</td><td>t</td>
