# a 2 GB file of NUL bytes with no newline (sparse, generated here): refused from the first piece read (exit 7), not read whole
args: --version > /dev/null; truncate -s 2G $TMP/zero.csv; "$BIN" describe --data $TMP/zero.csv
exit: 7
stderr-match: zero\.csv:1:1: binary data \(byte 0x00\)
