# binary garbage is refused as not text, exit 7
args: describe --data $ROOT/tests/e2e/data/garbage.bin
exit: 7
stderr-match: garbage.bin:1:[0-9]+: binary data
