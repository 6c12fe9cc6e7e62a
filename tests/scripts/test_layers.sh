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
