# 100,000 unary minus signs and 100,000 'not' in an assertion: exit 17 at the nesting limit
args: --version > /dev/null; awk 'BEGIN{printf "assert "; for(i=0;i<100000;i++)printf "not -"; print "1 > 0"}' > $TMP/deep.txt; "$BIN" run $TMP/deep.txt
exit: 17
stderr-match: deep\.txt:1: malformed expression: column [0-9]+: nested more than 256 levels deep
