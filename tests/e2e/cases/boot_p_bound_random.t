# issue 14: with B = 9999 random draws a p below 1/B prints as the bound < 0.0001 (JSON/CSV keep 1/B and the bound "<"), never as <2.2e-16
args: regress -f 'poverty ~ log(gdp_pc)' --countries ARG,BRA,CHL,COL,ECU,MEX,PER,URY,BOL,PRY,CRI,DOM,SLV,HND --bootstrap 9999
exit: 0
stdout-match: ^log\(gdp_pc\) .* < 0\.0001 +\[
stdout-not-match: 2\.2e-16 +\[
stdout-match: a p below 1/B is shown as < 1/B
