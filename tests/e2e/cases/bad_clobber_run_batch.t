# a command in a run file that would write over the run file itself is refused (the path travels in CPR_PROTECT_INPUTS), exit 21
args: run $IN
exit: 21
stderr-match: input\.csv:2: 'cpr-stats plot scatter aid_gdp poverty --script input\.csv --script-only' failed \(exit 21\): plot: --script input\.csv would overwrite the input batch file or manifest being run .*/input\.csv
--- input
describe --vars poverty
plot scatter aid_gdp poverty --script input.csv --script-only
