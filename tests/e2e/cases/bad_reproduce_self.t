# reproduce --manifest pointing at itself: refused at depth 5, exit 20
args: --version > /dev/null; echo 'reproduce --manifest m.txt' > m.txt; "$BIN" reproduce --manifest m.txt
exit: 20
stderr-match: run/reproduce nested 5 deep
