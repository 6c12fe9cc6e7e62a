# same seed, same output; another seed changes the draws (Webb weights)
args: regress aid poverty --boot-weights webb --seed 7 --format csv > $TMP/a && ${TEST_WRAPPER:-} "$BIN" regress aid poverty --boot-weights webb --seed 7 --format csv > $TMP/b && ${TEST_WRAPPER:-} "$BIN" regress aid poverty --boot-weights webb --seed 8 --format csv > $TMP/c && cmp $TMP/a $TMP/b && ! cmp -s $TMP/a $TMP/c && echo same-seed-identical
exit: 0
stdout-match: ^same-seed-identical$
