#!/bin/sh
# The layering check (scripts/check_layers.sh) over the includes and, from
# the objects of this build, the calls between files. Fails on any upward
# or sideways include or call and on any cycle that is not listed in
# scripts/layers.known (the violations still to be removed), and on a
# public header its table does not know (tests 3-5, on a copy of the tree).
# TAP output.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-build}
out=$(sh "$ROOT/scripts/check_layers.sh" --objs "$ROOT/$BUILD/obj" 2>&1)
rc=$?
echo "$out" | sed 's/^/# /'
echo "$out" | grep '^violation: ' | sed 's/^/#   /'
n=$(echo "$out" | grep -c '^known: ')
if [ "$rc" -eq 0 ]; then
    echo "ok 1 - layers: no new upward/sideways include or call, no new cycle ($n known in scripts/layers.known)"
else
    echo "not ok 1 - layers: new violations (exit $rc): put the code in the right layer"
fi
# Errors (cpr/status.h): library code handles a failure inside an error
# scope; only the cli resets the slot, once per command (src/cli/main.c).
clears=$(grep -rn 'cpr_error_clear *(' "$ROOT/src" | sed "s|^$ROOT/||" | grep -v -e '^src/util/status\.c:' -e '^src/cli/main\.c:')
if [ -z "$clears" ]; then
    echo "ok 2 - errors: no cpr_error_clear in library code (handled failures use cpr_error_scope)"
else
    echo "$clears" | sed 's/^/#   /'
    echo "not ok 2 - errors: cpr_error_clear outside src/cli/main.c: use cpr_error_scope_begin/end"
fi
# The header table: a header of include/cpr/ that the table does not list,
# or an entry whose header is gone, fails the check. On a copy of the tree
# (includes only) with a new header zz_probe.h and without threads.h: these
# must be the only two violations.
T=$(mktemp -d "${TMPDIR:-/tmp}/cpr-layers.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT INT TERM
mkdir -p "$T/scripts"
cp "$ROOT/scripts/check_layers.sh" "$ROOT/scripts/layers.known" "$T/scripts/"
cp -R "$ROOT/src" "$ROOT/include" "$T/"
printf '#ifndef ZZ_PROBE_H\n#define ZZ_PROBE_H\n#endif\n' > "$T/include/cpr/zz_probe.h"
rm -f "$T/include/cpr/threads.h"
sh "$T/scripts/check_layers.sh" --no-objs > "$T/out" 2>&1
rc=$?
nv=$(grep -c '^violation: ' "$T/out")
if [ "$rc" -eq 1 ] && [ "$nv" -eq 2 ] && grep -q '^violation: include/cpr/zz_probe.h is not in the header table' "$T/out" \
   && ! grep -q '^layers: ok' "$T/out"; then
    echo "ok 3 - a header missing from the header table fails the check (exit $rc)"
else sed 's/^/#   /' "$T/out"; echo "not ok 3 - a header missing from the header table fails the check (exit $rc, $nv violations)"; fi
if grep -q '^violation: the header table of scripts/check_layers.sh lists threads.h, which is not in include/cpr/' "$T/out"; then
    echo "ok 4 - a table entry without its header fails the check"
else echo "not ok 4 - a table entry without its header fails the check"; fi
echo "1..4"
