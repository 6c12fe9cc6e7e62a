# --boot-type wcu33 (unrestricted, CV3 t, jackknife residuals): Grunfeld one-way FE, all 2^10 vectors, equal to the brute-force R refits (tests/unit/oracle/wcr_grunfeld.out: p 0.19921875, [-0.0318639957, 0.2521116039])
args: regress --data $REF/grunfeld/data.csv -f 'inv ~ value + capital | firm' --boot-weights rademacher --boot-type wcu33 --format csv
exit: 0
stdout-match: ^value,0\.1101238041[0-9]*,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,0\.19921875,NA,-0\.0318639957[0-9]*,0\.2521116039[0-9]*$
