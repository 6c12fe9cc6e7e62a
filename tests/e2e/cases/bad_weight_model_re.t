# weights with random effects or with IV are not implemented: usage error
args: regress --data $ROOT/tests/data/weights/grunfeld_w.csv -f 'inv ~ value' --model re --weight w; test $? = 2 && "$BIN" regress --data $ROOT/tests/data/weights/grunfeld_w.csv -f 'inv ~ capital | firm | value ~ fw' --weight w
exit: 2
stderr-match: --weight is implemented for --model ols, pooled, fe and be
stderr-match: not implemented for IV
