# Benchmarks against gretl and R plm (scripts/bench.sh; results in bench/RESULTS.md).
#   make bench        all jobs (10^5, 10^6, 10^7 rows; peers skip 10^7)
#   make bench-quick  small jobs and 10^5 rows only
# BENCH_ARGS passes more options, e.g. BENCH_ARGS=--peers-10m.
.PHONY: bench bench-quick
bench:
	sh scripts/bench.sh $(BENCH_ARGS)
bench-quick:
	sh scripts/bench.sh --quick $(BENCH_ARGS)
