# a line of 16 MiB without a line break (generated here, 17 MB): exit 20 as soon as the limit is read, naming file and line
args: --version > /dev/null; printf 'id,year,x\n' > $TMP/long.csv; head -c 17000000 /dev/zero | tr '\0' 7 >> $TMP/long.csv; printf '\nA,2000,1\n' >> $TMP/long.csv; "$BIN" describe --data $TMP/long.csv
exit: 20
stderr-match: long\.csv:2: line of 16 MiB or more without a line break
stdout-not-match: .
