#!/bin/sh
# Where the binary finds the bundled data (src/cli/cli_data.c), in this order:
# --data FILE, $CPR_DATA_DIR, the datasets/ of the source tree it was built in
# (found from the executable, not the working directory), PREFIX/share/cpr-stats
# beside PREFIX/bin; a clear error naming the places searched when none has
# them. Each case runs from / so the working directory cannot help.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${CPR_BIN:-$ROOT/build/cpr-stats}
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
unset CPR_DATA_DIR CPR_DATADIR
n=0; fail=0
check() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=1; fi; }
# A wrapper (valgrind) would be the process /proc/self/exe names; the
# lookup is about the binary, so these cases run it directly.
run() { (cd / && "$@"); }

# A catalogue with one marker variable tells which directory was read.
fake() { # fake DIR MARKER
    mkdir -p "$1"
    { head -1 "$ROOT/datasets/catalogue.csv"; grep '^aid,' "$ROOT/datasets/catalogue.csv" | sed "s/^aid,/$2,/"; } > "$1/catalogue.csv"
}
vars_has() { run "$@" vars 2>/dev/null | awk 'NR > 1 { print $1 }' | grep -qx "$M"; }

[ -x "$BIN" ] && [ -s "$ROOT/datasets/catalogue.csv" ]; check $? "binary and datasets/catalogue.csv present"

# source tree: build/cpr-stats (and the ./cpr-stats symlink) read ROOT/datasets from /
out=$(run "$BIN" --help); echo "$out" | grep -qF "Bundled data directory: $ROOT/datasets"; check $? "built binary, run from /, names the tree's datasets/"
run "$BIN" regress aid poverty > "$T/reg.out" 2>&1; check $? "built binary, run from /: regress aid poverty"
grep -q "^N: *308" "$T/reg.out"; check $? "  ... on the bundled panel (N = 308: 311 less the 3 singletons)"
if [ -L "$ROOT/cpr-stats" ]; then
    run "$ROOT/cpr-stats" vars aid > /dev/null 2>&1; check $? "./cpr-stats symlink, run from /: vars aid"
else
    n=$((n + 1)); echo "ok $n - ./cpr-stats symlink # SKIP no symlink (BUILD is not build)"
fi

# CPR_DATA_DIR wins over the source tree
fake "$T/env" env_marker; M=env_marker
CPR_DATA_DIR="$T/env" vars_has "$BIN"; check $? "CPR_DATA_DIR wins over the source tree"
CPR_DATADIR="$T/env" vars_has "$BIN"; check $? "the older spelling CPR_DATADIR still works"

# --data wins over everything: with CPR_DATA_DIR pointing nowhere
CPR_DATA_DIR="$T/nowhere" run "$BIN" regress --data "$ROOT/tests/reference/grunfeld/data.csv" -f 'inv ~ value' > /dev/null 2>&1
check $? "--data FILE works whatever CPR_DATA_DIR says"

# a copy of the binary elsewhere, nothing beside it: clear error, exit 3
mkdir -p "$T/lone/bin"; cp "$BIN" "$T/lone/bin/cpr-stats"
run "$T/lone/bin/cpr-stats" regress aid poverty > "$T/lone.out" 2> "$T/lone.err"; rc=$?
[ $rc = 3 ]; check $? "copied binary without data: exit 3 (got $rc)"
grep -q "lac_panel.csv not found; searched: CPR_DATA_DIR (not set), .*$T/lone/bin/../share/cpr-stats" "$T/lone.err"; check $? "  ... the message names the places searched"
[ ! -s "$T/lone.out" ]; check $? "  ... and nothing on stdout"
run "$T/lone/bin/cpr-stats" --help | grep -q "Bundled data directory: not found"; check $? "  ... --help says the data were not found"
run "$T/lone/bin/cpr-stats" regress --data "$ROOT/tests/reference/grunfeld/data.csv" -f 'inv ~ value' > /dev/null 2>&1
check $? "  ... but --data FILE still works without bundled data"

# PREFIX layout: bin/cpr-stats finds ../share/cpr-stats, wherever PREFIX is
mkdir -p "$T/pfx/bin" "$T/pfx/share"; cp "$BIN" "$T/pfx/bin/cpr-stats"
cp -R "$ROOT/datasets" "$T/pfx/share/cpr-stats"; rm -rf "$T/pfx/share/cpr-stats/sources"
run "$T/pfx/bin/cpr-stats" --help | grep -qF "Bundled data directory: $T/pfx/share/cpr-stats"; check $? "PREFIX/bin/cpr-stats names PREFIX/share/cpr-stats"
run "$T/pfx/bin/cpr-stats" regress aid poverty > "$T/pfx.out" 2>&1; check $? "PREFIX/bin/cpr-stats regress aid poverty"
cmp -s "$T/reg.out" "$T/pfx.out"; check $? "  ... same output as the built binary"
mv "$T/pfx" "$T/moved"
run "$T/moved/bin/cpr-stats" regress aid poverty > /dev/null 2>&1; check $? "the PREFIX tree still works after moving it"
fake "$T/env2" env2_marker; M=env2_marker
CPR_DATA_DIR="$T/env2" vars_has "$T/moved/bin/cpr-stats"; check $? "CPR_DATA_DIR wins over PREFIX/share/cpr-stats"

# the source tree wins over PREFIX/share: a fake tree whose build/ holds the binary
mkdir -p "$T/tree/build" "$T/tree/scripts"; : > "$T/tree/Makefile"; : > "$T/tree/scripts/build_datasets.sh"
cp "$BIN" "$T/tree/build/cpr-stats"
fake "$T/tree/datasets" tree_marker; fake "$T/tree/share/cpr-stats" share_marker
case "$BIN" in
*/build/cpr-stats)
    M=tree_marker; vars_has "$T/tree/build/cpr-stats"; check $? "the source tree's datasets/ wins over ../share/cpr-stats"
    rm "$T/tree/Makefile"
    M=share_marker; vars_has "$T/tree/build/cpr-stats"; check $? "without a Makefile beside it, datasets/ is not taken for a source tree";;
*)
    n=$((n + 1)); echo "ok $n - source tree before share # SKIP binary built in $(dirname "$BIN"), not build/";;
esac

# nothing of the build machine's paths in the binary
if command -v strings > /dev/null 2>&1; then
    ! strings "$BIN" | grep -qF "$ROOT"; check $? "strings shows no path of the source tree ($ROOT)"
else
    n=$((n + 1)); echo "ok $n - strings shows no path of the source tree # SKIP strings (binutils) not installed"
fi
echo "1..$n"
exit $fail
