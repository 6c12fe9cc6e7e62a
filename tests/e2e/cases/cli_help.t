# --help lists commands and exit codes
args: --help
exit: 0
stdout-match: ^Usage: cpr-stats
stdout-match: ^  describe
stdout-match: ^ +9  duplicate \(entity, time\) key$
