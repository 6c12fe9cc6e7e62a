# EPIPE on stdout with SIGPIPE ignored (a reader that has gone) is a write error, exit 15, as GNU coreutils treat it
args: --version > /dev/null; mkfifo $TMP/f; exec 4<>$TMP/f 5>$TMP/f 4<&-; trap '' PIPE; "$BIN" describe >&5
exit: 15
stderr-match: ^cpr-stats: write error on standard output: Broken pipe$
