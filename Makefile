# cpr-stats build. Every src/*/*.c is part of the tool; every
# tests/unit/test_*.c becomes its own cmocka test program.
#   make            build ./cpr-stats
#   make check      unit + end-to-end tests, one summary line at the end
#   make check-asan the same suite under AddressSanitizer + UBSan
#   make check-valgrind  the same suite under valgrind (leaks are errors)
#   make fuzz / fuzz-replay  libFuzzer harnesses (mk/fuzz.mk; needs clang)
#   make install / uninstall [PREFIX=/usr/local] [DESTDIR=]  (mk/install.mk)

CC      ?= cc
BUILD   ?= build
OPT     ?= -O2 -g
CSTD     = -std=c11
WARN     = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wformat=2 -Wno-format-nonliteral
# No path of this machine is compiled in: where the data are is found at run
# time (mk/install.mk, src/cli/cli_data.c).
CPPFLAGS += -Iinclude -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
# The debug information names files relative to the tree, not by this
# checkout's absolute path (tests/scripts/test_datadir.sh checks strings).
CFLAGS  += $(CSTD) $(OPT) $(WARN) -pthread -ffile-prefix-map=$(CURDIR)/= $(EXTRA_CFLAGS)
LDFLAGS += $(EXTRA_LDFLAGS)
# GSL, its CBLAS, libcsv and jansson are linked statically when their
# archives are installed (Debian's -dev packages ship them): loading and
# relocating four shared libraries was over a third of a small job's time
# (Grunfeld FE: 13 -> 6.6 ms of CPU; see README, "Dependencies").
# libreadstat ships no archive: it is loaded with dlopen when a .dta or
# .sav file is read (src/util/readstat_dl.c), so it is never linked.
# STATIC_DEPS=0 links everything shared.
STATIC_LIBS = -lgsl -lgslcblas -lcsv -ljansson
STATIC_DEPS ?= $(if $(filter-out /%,$(foreach l,gsl gslcblas csv jansson,$(shell $(CC) -print-file-name=lib$(l).a))),0,1)
ifeq ($(STATIC_DEPS),1)
LDLIBS  += -Wl,-Bstatic $(STATIC_LIBS) -Wl,-Bdynamic -lz -lm -pthread
else
LDLIBS  += $(STATIC_LIBS) -lz -lm -pthread
endif
# The program itself is linked fully static (-static) when libc.a and libz.a
# are there (libc6-dev, zlib1g-dev): with no dynamic loader, no shared libc
# to map and relocate, a process starts in a third of the time (`--version`:
# 2.9 -> 1.3 ms of CPU, see README, "Dependencies"). STATIC=0 links it as
# the tests are (libc, libz, libm shared). Sanitizer and valgrind builds are
# always STATIC=0: neither works with a static program. The static binary's
# dlopen of libreadstat needs the glibc it was built with (a Debian 12 build
# runs on Debian 12).
STATIC ?= $(if $(filter-out /%,$(foreach l,c z m,$(shell $(CC) -print-file-name=lib$(l).a))),0,$(STATIC_DEPS))
ifeq ($(STATIC),1)
BIN_LDFLAGS = -static
BIN_LDLIBS  = $(STATIC_LIBS) -lz -lm -pthread
else
BIN_LDLIBS  = $(LDLIBS)
endif

BIN      = $(BUILD)/cpr-stats
SRC      = $(sort $(wildcard src/*/*.c))
MAIN_SRC = src/cli/main.c
LIB_SRC  = $(filter-out $(MAIN_SRC),$(SRC))
LIB_OBJ  = $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
MAIN_OBJ = $(MAIN_SRC:src/%.c=$(BUILD)/obj/%.o)
LIB      = $(BUILD)/libcpr.a
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
# Header dependencies come from the compiler (-MMD -MP writes a .d file
# beside each object; -MP adds an empty rule per header so a deleted or
# moved header does not break the build).
DEPFLAGS = -MMD -MP
DEPS     = $(LIB_OBJ:.o=.d) $(MAIN_OBJ:.o=.d) $(UNIT_BIN:=.d)

.PHONY: all check unit e2e check-asan check-valgrind clean datasets

all: cpr-stats

cpr-stats: $(BIN)
	@if [ "$(BUILD)" = build ]; then ln -sf $(BIN) cpr-stats; fi

$(BIN): $(MAIN_OBJ) $(LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) $(BIN_LDFLAGS) -o $@ $(MAIN_OBJ) $(LIB) $(BIN_LDLIBS)

$(LIB): $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $(LIB_OBJ)

$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(DEPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(DEPFLAGS) -MF $@.d -MT $@ $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) -lcmocka $(LDLIBS)

-include $(DEPS)
# A target built before its .d file existed (an older build directory) has no
# record of its headers: rebuild it once rather than trust it.
NO_DEPS = $(filter-out $(wildcard $(DEPS)),$(DEPS))
$(patsubst %.d,%.o,$(filter $(BUILD)/obj/%,$(NO_DEPS))) $(patsubst %.d,%,$(filter $(BUILD)/tests/%,$(NO_DEPS))): FORCE
.PHONY: FORCE
FORCE:

unit: $(UNIT_BIN)

# TEST_WRAPPER runs each program (e.g. valgrind); the runner prints the
# closing "N passed, N failed" line and fails on any failure.
check: $(BIN) $(UNIT_BIN)
	@BUILD=$(BUILD) TEST_WRAPPER="$(TEST_WRAPPER)" sh tests/run_all.sh

# Sanitizer reports exit 99, a code no cpr-stats run uses, so an ASan/UBSan
# error can never pass for an expected exit status (e.g. 1 of `run`).
check-asan:
	ASAN_OPTIONS=exitcode=99:detect_leaks=1 UBSAN_OPTIONS=exitcode=99:print_stacktrace=1 \
	$(MAKE) BUILD=build/asan STATIC=0 OPT="-O1 -g -fno-omit-frame-pointer" \
	  EXTRA_CFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all" \
	  EXTRA_LDFLAGS="-fsanitize=address,undefined" check

check-valgrind:
	CPR_UNDER_VALGRIND=1 $(MAKE) BUILD=build/vg STATIC=0 OPT="-O1 -g" \
	  TEST_WRAPPER="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect" check

clean:
	rm -rf build cpr-stats

# Optional fragments (fuzzing, benchmarks, ...) live in mk/*.mk.
-include $(wildcard mk/*.mk)

# Rebuild datasets/ from datasets/sources (deterministic; see datasets/README.md).
datasets:
	sh scripts/build_datasets.sh
