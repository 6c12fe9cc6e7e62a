# coef(NAME) of a term the model does not have is an error naming the closest term; missing(PATH) still asks about absence, exit 17
args: run $IN
exit: 17
stderr-match: input\.csv:3: assert: 'coef\(aid_gpd\)\.estimat' is not in the result of the last command; did you mean coef\(aid_gdp\)\.estimate\?$
--- input
regress -f 'poverty ~ aid_gdp + log(gdp_pc) | iso3'
assert missing(stats.no_such_stat)
assert coef(aid_gpd).estimat < 0
