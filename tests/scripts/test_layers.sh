#!/bin/sh
# The layering check (scripts/check_layers.sh) over the includes and, from
# the objects of this build, the calls between files. Fails on any upward
# or sideways include or call and on any cycle that is not listed in
# scripts/layers.known (the violations still to be removed). TAP output.
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
