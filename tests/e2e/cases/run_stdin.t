# run - reads the batch file from standard input (as --data - does); messages name <stdin>
args: --version > /dev/null; printf 'regress -f "poverty ~ aid_gdp"\nassert nobs > 0\nassert nobs < 0\n' | "$BIN" run -
exit: 1
stdout-match: ^<stdin>: 1 commands, 2 assertions, 1 failed$
stderr-match: ^<stdin>:3: assertion failed: nobs < 0
