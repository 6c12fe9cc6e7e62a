# WCR bootstrap, Grunfeld one-way FE, 10 firms: all 2^10 sign vectors enumerated; matches the brute-force R oracle tests/unit/oracle/wcr_grunfeld.out (p over every draw, ties counted)
args: regress --data $REF/grunfeld/data.csv -f 'inv ~ value + capital | firm' --format csv --seed 999 --boot-weights rademacher
exit: 0
stdout-match: ^term,estimate,std_error,statistic,p_value,conf_low,conf_high,boot_p_value,boot_p_bound,boot_conf_low,boot_conf_high$
stdout-match: ^value,0\.1101238041[0-9]*,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,0\.00390625,NA,0\.0376928478[0-9]*,0\.1966043054[0-9]*$
stdout-match: ^capital,0\.3100653413[0-9]*,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,0\.025390625,NA,0\.0331040625[0-9]*,0\.3713757364[0-9]*$
