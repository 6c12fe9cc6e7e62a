# run: a command that fails (unknown variable) stops the run with its exit code and FILE:LINE
args: run $IN
exit: 11
stderr-match: input.csv:2: 'cpr-stats regress aid povrty' failed \(exit 11\): .*did you mean 'poverty'
--- input
# the typo is on line 2
regress aid povrty
assert nobs > 0
