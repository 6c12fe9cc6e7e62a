# a batch file that runs itself (forked ~8,500 processes in 10 s): refused at depth 5, exit 20, the chain of lines in the message
args: --version > /dev/null; echo 'run self.txt' > self.txt; "$BIN" run self.txt
exit: 20
stderr-match: self\.txt:1: 'cpr-stats run self\.txt' failed \(exit 20\): .*run/reproduce nested 5 deep \(a batch file or manifest that runs itself\?\); the limit is 4$
