# fewer instruments than endogenous regressors is a formula error with a message
args: regress -f 'gdp_pc_growth ~ log(pop) | iso3 + year | L2.log_cn_total + aid ~ L3.aid'
exit: 12
stderr-match: at least as many instruments \(1\) as endogenous regressors \(2\)
