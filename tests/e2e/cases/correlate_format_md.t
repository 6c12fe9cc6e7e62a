# correlate --format md: Grunfeld r and rho as R cor.test (tests/reference/grunfeld/expected.json: r 0.8569328985084855, rho 0.8130595857715713)
args: correlate value inv --data $REF/grunfeld/data.csv --iid-only --format md
exit: 0
stdout-match: ^### Correlation of value and inv$
stdout-match: ^\| method \| estimate \| test \| statistic \| df \| p-value \| \[95% CI\] \|$
stdout-match: ^\| pearson \| 0\.856933 \| t \| 23\.3944 \| 198 \| <2\.2e-16 \|
stdout-match: ^\| spearman \| 0\.81306 \| t \|
