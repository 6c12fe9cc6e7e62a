# --version
args: --version
exit: 0
stdout-match: ^cpr-stats [0-9]+\.[0-9]+\.[0-9]+$
