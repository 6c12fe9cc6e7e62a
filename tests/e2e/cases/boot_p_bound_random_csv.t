# issue 14: the machine formats carry the bound: boot_p_value = 1/B and boot_p_bound "<"
args: regress -f 'poverty ~ log(gdp_pc)' --countries ARG,BRA,CHL,COL,ECU,MEX,PER,URY,BOL,PRY,CRI,DOM,SLV,HND --bootstrap 9999 --format csv
exit: 0
stdout-match: ^log\(gdp_pc\),.*,0\.00010001000100010001,<,
