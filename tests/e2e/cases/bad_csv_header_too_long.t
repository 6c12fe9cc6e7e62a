# a header line of 16 MiB (generated here): exit 20 with file and line 1, on two threads too
args: --version > /dev/null; head -c 17000000 /dev/zero | tr '\0' a > $TMP/wide.csv; printf '\n1\n' >> $TMP/wide.csv; "$BIN" describe --threads 2 --data $TMP/wide.csv
exit: 20
stderr-match: wide\.csv:1: line of 16 MiB or more without a line break
