# 25,000 nested log( in a formula (was a stack overflow, exit 139): a formula error naming the limit
args: regress -f "poverty ~ $(awk 'BEGIN{for(i=0;i<25000;i++)printf "log("; printf "aid"; for(i=0;i<25000;i++)printf ")"}')"
exit: 12
stderr-match: ^cpr-stats: formula: nested more than 256 levels deep at column [0-9]+$
