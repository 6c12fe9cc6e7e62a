# run: an unknown cpr-stats command is a batch-file error (17) before anything runs
args: run $IN
exit: 17
stderr-match: input.csv:2: unknown cpr-stats command 'regres'; did you mean 'regress'\?$
--- input
stat --at 2021 gdp_pc
regres aid poverty
