# GMM's weight matrix follows --se, which must be iid, hc0, hc1 or cluster: hc3 is a usage error (exit 2)
args: regress --data $ROOT/tests/data/cigarettes/cigarettes_sw.csv --year 1995 -f 'log(packs) ~ log(rincome) | 0 | log(rprice) ~ tdiff + rtax' --iv-method gmm --se hc3
exit: 2
stderr-match: --iv-method gmm: the weight matrix follows --se, which must be iid, hc0, hc1 or cluster
