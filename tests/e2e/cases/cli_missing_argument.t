# an option without its argument, exit 2
args: describe --data
exit: 2
--- stderr
cpr-stats describe: option '--data' requires an argument
Try 'cpr-stats describe --help' for more information.
