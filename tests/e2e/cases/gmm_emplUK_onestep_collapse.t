# gmm one-step, collapsed instruments, robust SEs: matches R plm pgmm (gmm_emplUK.out, onec_*)
args: gmm --data $ROOT/tests/data/emplUK.csv -f 'log(emp) ~ L.log(emp) + L2.log(emp) + log(wage) + L.log(wage) + log(capital) + log(output) + L.log(output)' --time-effects --collapse --format csv
exit: 0
stdout-match: ^L\.log\(emp\),0\.8233956442[0-9]*,0\.2926476378[0-9]*,
stdout-match: ^year_1984,-0\.00915074058[0-9]*,0\.0366485057[0-9]*,
