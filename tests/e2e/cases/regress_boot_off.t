# --bootstrap 0 turns the bootstrap off: the standard broom columns only
args: regress aid poverty --bootstrap 0 --format csv
exit: 0
stdout-match: ^term,estimate,std_error,statistic,p_value,conf_low,conf_high$
stdout-not-match: boot
