# 2SLS with state and year effects, SEs clustered by state, on CigarettesSW: matches R AER::ivreg + sandwich (tests/unit/oracle/iv_cigarettes.out, fe_coef / fe_se_cl)
args: regress --data $ROOT/tests/data/cigarettes/cigarettes_sw.csv -f 'log(packs) ~ log(rincome) | state + year | log(rprice) ~ tdiff + rtax' --format csv
exit: 0
stdout-match: ^term,estimate,std_error,statistic,p_value,conf_low,conf_high$
stdout-match: ^log\(rincome\),0\.4620301083[0-9]*,0\.3075828566[0-9]*,
stdout-match: ^log\(rprice\),-1\.202403372955[0-9]*,0\.1958242623[0-9]*,
