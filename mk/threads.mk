# make check-threads: the whole suite with CPR_THREADS=1 and with
# CPR_THREADS=2, and an strace audit that the setting reaches every
# cpr-stats the suite starts (scripts/check_threads.sh; issue 19).
.PHONY: check-threads
check-threads: $(BIN) $(UNIT_BIN)
	@BUILD=$(BUILD) sh scripts/check_threads.sh
