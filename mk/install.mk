# Relocatable build and install.
#   make install   [PREFIX=/usr/local] [DESTDIR=/staging]
#   make uninstall [PREFIX=/usr/local] [DESTDIR=/staging]
# Installs
#   PREFIX/bin/cpr-stats
#   PREFIX/share/cpr-stats/         the bundled data the tool reads (lac_panel.csv,
#                                   aggregates.csv, catalogue.csv, claims.manifest,
#                                   cpi_iso3_map.csv, verbatim/) with README.md and
#                                   SOURCES.md (attribution and licence per source);
#                                   not datasets/sources
#   PREFIX/share/man/man1/cpr-stats.1
#   PREFIX/share/bash-completion/completions/cpr-stats
# and records every file and every directory it created in
# PREFIX/share/cpr-stats/install-manifest, which `make uninstall` reads, so it
# removes exactly those (a directory only when it is empty again).
#
# The binary finds its data at run time (src/cli/cli_data.c): $CPR_DATA_DIR,
# else the datasets/ of the source tree it was built in (CPR_SRCROOT_REL is the
# way up from $(BUILD), e.g. "../.." for build/asan), else ../share/cpr-stats
# beside its bin/ directory. So bin/ and share/ must stay siblings: there is
# deliberately no BINDIR/DATADIR override.

# ---- build side: nothing of this machine's paths in the binary
_cpr_empty :=
_cpr_space := $(_cpr_empty) $(_cpr_empty)
CPR_SRCROOT_REL = $(subst $(_cpr_space),/,$(patsubst %,..,$(filter-out .,$(subst /, ,$(BUILD)))))
# An absolute BUILD has no fixed way back to the tree: no source-tree lookup.
CPPFLAGS += $(if $(filter /%,$(BUILD)),,-DCPR_SRCROOT_REL=\"$(CPR_SRCROOT_REL)\")
# Debug info names source directories; map the clone's path to "." so that
# `strings` on the binary shows no path of the build machine.
CFLAGS += -ffile-prefix-map=$(CURDIR)=.

# ---- install side
PREFIX  ?= /usr/local
DESTDIR ?=
MAN_PAGE = $(BUILD)/cpr-stats.1

.PHONY: man install uninstall

# The man page: docs/cpr-stats.1.in with the commands, options, defaults and
# exit codes taken from the binary's own --help (scripts/man_page.sh).
man: $(MAN_PAGE)
$(MAN_PAGE): $(BIN) docs/cpr-stats.1.in scripts/man_page.sh
	sh scripts/man_page.sh $(BIN) docs/cpr-stats.1.in > $@.tmp && mv $@.tmp $@

install: $(BIN) $(MAN_PAGE)
	PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" BIN="$(BIN)" MAN="$(MAN_PAGE)" sh scripts/install.sh install

uninstall:
	PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" sh scripts/install.sh uninstall
