#!/bin/sh
# make install / uninstall (mk/install.mk, scripts/install.sh) into a
# temporary PREFIX; the installed tree is then copied elsewhere and run from /
# (so neither the working directory nor the source tree can supply the data):
# regress aid poverty works, the man page renders, the bash completion
# completes, strings shows no path of the source tree, and uninstall leaves
# nothing. Needs make; man and strings are optional (visible skips).
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-build}
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
unset CPR_DATA_DIR CPR_DATADIR
n=0; fail=0
check() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=1; fi; }
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
P=$T/prefix

make -s -C "$ROOT" BUILD="$BUILD" install PREFIX="$P" > "$T/install.log" 2>&1; check $? "make install PREFIX=\$tmp"
for f in bin/cpr-stats share/cpr-stats/lac_panel.csv share/cpr-stats/catalogue.csv share/cpr-stats/aggregates.csv \
         share/cpr-stats/claims.manifest share/cpr-stats/SOURCES.md share/cpr-stats/README.md \
         share/man/man1/cpr-stats.1 share/bash-completion/completions/cpr-stats; do
    [ -s "$P/$f" ]; check $? "installed $f"
done
[ -x "$P/bin/cpr-stats" ]; check $? "the binary is executable"
[ ! -e "$P/share/cpr-stats/sources" ]; check $? "datasets/sources is not installed"

# the installed tree, copied elsewhere: nothing points back at the clone
cp -R "$P" "$T/moved"
B=$T/moved/bin/cpr-stats
(cd / && "$B" regress aid poverty) > "$T/reg.out" 2> "$T/reg.err"; check $? "cd / && PREFIX/bin/cpr-stats regress aid poverty (installed tree moved)"
grep -q "^N: *308" "$T/reg.out"; check $? "  ... on the installed panel (N = 308: 311 less the 3 singletons)"
(cd / && "$B" --help) | grep -qF "Bundled data directory: $T/moved/share/cpr-stats"; check $? "  ... reading PREFIX/share/cpr-stats"
(cd / && "$B" vars aid > /dev/null 2>&1); check $? "vars aid from the installed catalogue"

if command -v man > /dev/null 2>&1; then
    MANWIDTH=80 man -l "$P/share/man/man1/cpr-stats.1" > "$T/man.txt" 2> "$T/man.err"; check $? "man -l renders the installed page"
    grep -q 'cpr-stats regress' "$T/man.txt"; check $? "  ... with a section per command"
    grep -q -- '--formula' "$T/man.txt" && grep -q 'CPR_DATA_DIR' "$T/man.txt"; check $? "  ... listing options and CPR_DATA_DIR"
    c=none
    for c in $("$B" --help | awk '/^Commands:/ { f = 1; next } f && /^$/ { exit } f { print $1 }'); do
        grep -q "cpr-stats $c\$" "$T/man.txt" || { echo "# command $c missing from the man page"; c=missing; break; }
    done
    [ "$c" != missing ]; check $? "  ... every command of --help is in the page"
    if command -v groff > /dev/null 2>&1; then
        LC_ALL=C groff -man -Tutf8 -ww -z "$P/share/man/man1/cpr-stats.1" > "$T/groff.err" 2>&1
        [ ! -s "$T/groff.err" ]; check $? "groff -ww finds nothing to warn about"
    fi
else
    skip "man -l renders the installed page" "man (man-db) not installed"
fi

if command -v bash > /dev/null 2>&1; then
    out=$(cd / && bash -c '. "$1"; c() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _cpr_stats; echo "${COMPREPLY[*]}"; }
        c "$2" reg; c "$2" regress --con; c "$2" regress aid pov; c "$2" regress --model ""' sh \
        "$P/share/bash-completion/completions/cpr-stats" "$B" 2>&1)
    echo "$out" | sed -n 1p | grep -qx regress; check $? "completion: commands (reg -> regress)"
    echo "$out" | sed -n 2p | grep -qw -- --controls; check $? "completion: options (regress --con -> --controls)"
    echo "$out" | sed -n 3p | grep -qw poverty; check $? "completion: variable names (regress aid pov -> poverty)"
    echo "$out" | sed -n 4p | grep -qw fe; check $? "completion: option values (--model -> ... fe ...)"
else
    skip "bash completion" "bash not installed"
fi

if command -v strings > /dev/null 2>&1; then
    ! strings "$P/bin/cpr-stats" | grep -qF "$ROOT"; check $? "strings on the installed binary shows no path of the source tree"
else
    skip "strings on the installed binary shows no path of the source tree" "strings (binutils) not installed"
fi

# staging: DESTDIR holds the tree, the manifest names the final paths
make -s -C "$ROOT" BUILD="$BUILD" install PREFIX=/opt/cpr DESTDIR="$T/stage" > /dev/null 2>&1; check $? "make install DESTDIR=\$stage PREFIX=/opt/cpr"
[ -x "$T/stage/opt/cpr/bin/cpr-stats" ] && grep -qx 'f /opt/cpr/bin/cpr-stats' "$T/stage/opt/cpr/share/cpr-stats/install-manifest"
check $? "  ... staged under DESTDIR, manifest without DESTDIR"
make -s -C "$ROOT" BUILD="$BUILD" uninstall PREFIX=/opt/cpr DESTDIR="$T/stage" > /dev/null 2>&1; check $? "make uninstall DESTDIR=\$stage"
[ -z "$(find "$T/stage" -mindepth 1 ! -path "$T/stage/opt" 2>/dev/null)" ]; check $? "  ... leaves nothing below PREFIX"

# uninstall removes exactly what was installed: a file of someone else's stays
mkdir -p "$P/bin"; echo keep > "$P/bin/other-tool"
make -s -C "$ROOT" BUILD="$BUILD" uninstall PREFIX="$P" > "$T/uninstall.log" 2>&1; check $? "make uninstall PREFIX=\$tmp"
[ "$(cd "$P" && find . -mindepth 1 | sort | tr '\n' ' ')" = "./bin ./bin/other-tool " ]; check $? "  ... removes every installed file and directory, and nothing else"
rm -rf "$P/bin"; rmdir "$P" 2>/dev/null
make -s -C "$ROOT" uninstall PREFIX="$P" > /dev/null 2>&1; [ $? -ne 0 ]; check $? "uninstall without an install fails and says so"
echo "1..$n"
exit $fail
