# Fuzzing (libFuzzer, clang from Debian: apt-get install clang).
#   make fuzz [FUZZ_SECONDS=60] [FUZZ_TARGETS="csv formula manifest"]
#        run each harness for FUZZ_SECONDS, one after the other, niced; new
#        corpus entries go to fuzz/corpus/<harness>/, crashes to
#        fuzz/out/<harness>/ (copy each one to fuzz/crashes/<harness>/ once fixed)
#   make fuzz-replay
#        run every harness once over fuzz/corpus/<h>/ and fuzz/crashes/<h>/
#        (no fuzzing): the saved corpus and every crash ever found are
#        regression tests; fails on any crash, sanitizer report or leak.
# The library sources are rebuilt with clang -fsanitize=fuzzer-no-link,
# address,undefined into $(FUZZ_BUILD).
FUZZ_CC      ?= clang
FUZZ_BUILD   ?= build/fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= csv formula manifest
# inputs up to 1 MiB: deep nesting and long lines only show up in large inputs
FUZZ_MAX_LEN ?= 1048576
FUZZ_SAN      = -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_CFLAGS   = $(CSTD) -O1 -g -fno-omit-frame-pointer $(WARN) $(FUZZ_SAN)
FUZZ_LIB_OBJ  = $(LIB_SRC:src/%.c=$(FUZZ_BUILD)/obj/%.o)
FUZZ_LIB      = $(FUZZ_BUILD)/libcpr.a
FUZZ_BIN      = $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz_%)
# Sanitizer reports exit with 99 (distinct from every cpr-stats exit code);
# libFuzzer's own crash/leak/timeout exits keep their codes (1, 70, 71).
FUZZ_ENV      = ASAN_OPTIONS=exitcode=99:detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=99

.PHONY: fuzz fuzz-build fuzz-replay

$(FUZZ_BUILD)/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CPPFLAGS) $(DEPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_LIB): $(FUZZ_LIB_OBJ)
	rm -f $@ && ar rcs $@ $(FUZZ_LIB_OBJ)

$(FUZZ_BUILD)/fuzz_%: fuzz/fuzz_%.c $(FUZZ_LIB)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CPPFLAGS) $(DEPFLAGS) -MF $@.d -MT $@ $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_LIB) $(LDLIBS)

-include $(FUZZ_LIB_OBJ:.o=.d) $(FUZZ_BIN:=.d)

fuzz-build: $(FUZZ_BIN)

fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p fuzz/corpus/$$t fuzz/out/$$t; \
	  echo "== fuzz_$$t for $(FUZZ_SECONDS) s"; \
	  $(FUZZ_ENV) nice -n 10 $(FUZZ_BUILD)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=$(FUZZ_MAX_LEN) \
	    -timeout=10 -rss_limit_mb=2048 -artifact_prefix=fuzz/out/$$t/ -print_final_stats=1 \
	    $$( [ -f fuzz/dict/$$t.dict ] && echo -dict=fuzz/dict/$$t.dict ) \
	    fuzz/corpus/$$t || exit 1; \
	done

fuzz-replay: fuzz-build
	@fail=0; for t in $(FUZZ_TARGETS); do \
	  files=$$(find fuzz/corpus/$$t fuzz/crashes/$$t -type f 2>/dev/null | sort); \
	  n=$$(printf '%s\n' $$files | grep -c .); \
	  if [ "$$n" -eq 0 ]; then echo "fuzz-replay: $$t: no inputs"; continue; fi; \
	  if printf '%s\n' $$files | xargs env $(FUZZ_ENV) $(FUZZ_BUILD)/fuzz_$$t -runs=1 > $(FUZZ_BUILD)/replay_$$t.log 2>&1; then \
	    echo "fuzz-replay: $$t: $$n inputs, ok"; \
	  else \
	    echo "fuzz-replay: $$t: FAILED (log: $(FUZZ_BUILD)/replay_$$t.log)"; tail -30 $(FUZZ_BUILD)/replay_$$t.log; fail=1; \
	  fi; \
	done; [ $$fail -eq 0 ]
