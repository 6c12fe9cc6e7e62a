# correlate on Grunfeld matches R cor.test (tests/reference/grunfeld/expected.json: r 0.8569328985084855, rho 0.8130595857715713)
args: correlate value inv --data $REF/grunfeld/data.csv --format csv
exit: 0
stdout-match: ^pearson,0\.8569328985084[0-9]*,t,23\.3943733631238[0-9]*,198,6\.738963504[0-9]*e-59,
stdout-match: ^spearman,0\.8130595857715[0-9]*,t,19\.65157352306[0-9]*,198,2\.10495538963[0-9]*e-48,
