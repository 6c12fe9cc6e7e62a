# an assertion on a path that is not in the result is an error with a did-you-mean (was: the misspelled path read as missing and 'not (...)' passed), exit 17
args: run $IN
exit: 17
stderr-match: ^cpr-stats: .*input\.csv:2: assert: 'stats\.r2_witihn' is not in the result of the last command; did you mean stats\.r2_within\?$
stdout-not-match: assertions
--- input
regress -f 'poverty ~ aid_gdp + log(gdp_pc) | iso3'
assert not (stats.r2_witihn > 0.5)
assert nobs > 0
