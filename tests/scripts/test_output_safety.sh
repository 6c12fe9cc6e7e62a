#!/bin/sh
# Output files appear whole or not at all: a successful write replaces the
# target and leaves no temporary file; a write that cannot happen (permission
# denied, full disk, missing directory) exits 15, names the file, and leaves
# the previous file untouched and no temporary file behind.
set -u
BIN=${CPR_BIN:-build/cpr-stats}
T=$(mktemp -d); trap 'chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT
n=0; fail=0
check() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=1; fi; }
skip() { n=$((n + 1)); echo "ok $n - $1 # skip $2"; }
plot() { ${TEST_WRAPPER:-} "$BIN" plot scatter aid poverty -o "$T/f.svg" --script-only --script "$@"; }

plot "$T/s.gp" 2>/dev/null; check $? "script written"
[ -s "$T/s.gp" ]; check $? "script is not empty"
[ -z "$(ls -A "$T" | grep tmp)" ]; check $? "no temporary file left after success"

echo previous > "$T/s.gp"
plot /dev/full 2> "$T/err"; rc=$?
[ "$rc" = 15 ] && grep -q 'No space left on device' "$T/err"; check $? "full disk: exit 15 with the reason"

if [ "$(id -u)" -ne 0 ]; then
    mkdir "$T/ro"; echo previous > "$T/ro/s.gp"; chmod a-w "$T/ro"
    plot "$T/ro/s.gp" 2> "$T/err"; rc=$?
    [ "$rc" = 15 ] && grep -q 'ro/s.gp: .*Permission denied' "$T/err"; check $? "permission denied: exit 15 naming the file"
    [ "$(cat "$T/ro/s.gp")" = previous ]; check $? "permission denied: previous file untouched"
else
    skip "permission denied: exit 15 naming the file" "running as root (permissions are not enforced)"
    skip "permission denied: previous file untouched" "running as root"
fi

plot "$T/missing/s.gp" 2> "$T/err"; rc=$?
[ "$rc" = 15 ] && grep -q 'missing/s.gp' "$T/err"; check $? "missing directory: exit 15 naming the file"

echo previous > "$T/keep.svg"
CPR_GNUPLOT=false ${TEST_WRAPPER:-} "$BIN" plot scatter aid poverty -o "$T/keep.svg" 2>/dev/null; rc=$?
[ "$rc" = 16 ] && [ "$(cat "$T/keep.svg")" = previous ]; check $? "gnuplot failure: exit 16, previous image untouched"
[ -z "$(ls -A "$T" | grep tmp)" ]; check $? "no temporary file left after failures"
exit $fail
