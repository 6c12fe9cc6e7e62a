# a correlation p below the smallest double (gsl_sf_beta_inc underflow aborted with exit 134): printed as a bound, with a note
args: correlate pop gdp --format json
exit: 0
stdout-match: "p_value": "<2\.2e-308"
stdout-match: "p_value": 3\.15448708316[0-9]*e-227
stdout-match: below the smallest double
