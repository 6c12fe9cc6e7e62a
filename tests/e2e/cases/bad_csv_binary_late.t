# binary bytes after 3 MB of good rows (generated here): exit 7 naming the line, on one or two threads alike
args: --version > /dev/null; awk 'BEGIN { print "id,year,x"; for (i = 0; i < 150000; i++) printf "e%d,%d,%d.5\n", i / 30, 1900 + i % 30, i; printf "e9,1,\001\n" }' > $TMP/late.csv; "$BIN" describe --threads 1 --data $TMP/late.csv 2> $TMP/e1; "$BIN" describe --threads 2 --data $TMP/late.csv 2> $TMP/e2; cmp $TMP/e1 $TMP/e2 >&2 && cat $TMP/e2 >&2; "$BIN" describe --threads 2 --data $TMP/late.csv > /dev/null
exit: 7
stderr-match: late\.csv:150002:6: binary data \(byte 0x01\)
