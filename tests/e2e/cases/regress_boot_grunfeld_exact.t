# WCR bootstrap, Grunfeld one-way FE, 10 firms: all 2^10 sign vectors enumerated; matches the brute-force R oracle tests/unit/oracle/wcr_grunfeld.out
args: regress --data $REF/grunfeld/data.csv -f 'inv ~ value + capital | firm' --format csv --seed 999
exit: 0
stdout-match: ^term,estimate,std_error,statistic,p_value,conf_low,conf_high,boot_p_value,boot_conf_low,boot_conf_high$
stdout-match: ^value,0\.1101238041[0-9]*,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,0\.001953125,0\.04182924857[0-9]*,0\.1918736250[0-9]*$
stdout-match: ^capital,0\.3100653413[0-9]*,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,0\.0234375,0\.03323220369[0-9]*,0\.3713726606[0-9]*$
