# JSON output to a full disk: exit 15
args: stat --data $IN --fn mean v --format json > /dev/full
exit: 15
stderr-match: No space left on device
--- input
id,year,v
a,2000,1
