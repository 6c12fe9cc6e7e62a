# 100 'not' then 100,000 unary minus signs in an assertion: exit 17 at the nesting limit
args: --version > /dev/null; awk 'BEGIN{printf "assert "; for(i=0;i<100;i++)printf "not "; for(i=0;i<100000;i++)printf "-"; print "1 > 0"}' > $TMP/deep.txt; "$BIN" run $TMP/deep.txt
exit: 17
stderr-match: deep\.txt:1: malformed expression: column 657: nested more than 256 levels deep in 'assert not|not not not
