# a run file whose assertion nests 100,000 parentheses (was exit 139 in src/claims/expr.c): exit 17 at the limit, message shortened
args: --version > /dev/null; awk 'BEGIN{printf "assert "; for(i=0;i<100000;i++)printf "("; printf "1"; for(i=0;i<100000;i++)printf ")"; print " > 0"}' > $TMP/deep.txt; "$BIN" run $TMP/deep.txt
exit: 17
stderr-match: deep\.txt:1: malformed expression: column 257: nested more than 256 levels deep in '\(+\.\.\.'$
