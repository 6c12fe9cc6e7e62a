# an unknown option: one line plus a hint, exit 2
args: describe --bogus
exit: 2
--- stderr
cpr-stats describe: unrecognized option '--bogus'
Try 'cpr-stats describe --help' for more information.
