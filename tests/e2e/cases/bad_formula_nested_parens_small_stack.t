# I((...)) nested 63,000 deep under a 1 MiB stack (was exit 139): a formula error
args: --version > /dev/null; ulimit -s 1024; "$BIN" regress -f "poverty ~ I($(awk 'BEGIN{for(i=0;i<63000;i++)printf "("; printf "aid"; for(i=0;i<63000;i++)printf ")"}'))"
exit: 12
stderr-match: formula: nested more than 256 levels deep
