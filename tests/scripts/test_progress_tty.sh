#!/bin/sh
# Progress lines (count and ETA) appear on a terminal only: under a pseudo-
# terminal (util-linux `script`) a threshold bootstrap draws them; piped,
# with --quiet or with CI set it prints none. CPR_PROGRESS_DELAY=0 skips
# the one-second wait that keeps quick jobs silent.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${CPR_BIN:-$ROOT/build/cpr-stats}
W=$(mktemp -d "${TMPDIR:-/tmp}/cpr-progress.XXXXXX")
trap 'rm -rf "$W"' EXIT INT TERM
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
bad() { n=$((n + 1)); echo "not ok $n - $1"; }
JOB="threshold --data $ROOT/tests/data/threshold_sim.csv -f 'y ~ x + z | id' --regime x --threshold q --grid 20 --bootstrap 100"
if ! script -qec true /dev/null >/dev/null 2>&1; then
    echo "ok 1 - # SKIP util-linux script (a pseudo-terminal) not available"
    exit 0
fi
# under a terminal (stdout to a file so only stderr reaches the terminal)
env -u CI CPR_PROGRESS_DELAY=0 script -qec "\"$BIN\" $JOB > \"$W/out1\"" /dev/null > "$W/tty1" 2>&1
if grep -q 'threshold bootstrap (F1): [0-9]*/100 ([0-9]*%)' "$W/tty1" && grep -q 'ETA' "$W/tty1"; then
    ok "terminal: progress with count and ETA"
else
    bad "terminal: progress with count and ETA ($(tr '\r' '|' < "$W/tty1" | head -c 200))"
fi
grep -q 'F1' "$W/out1" && ok "terminal: the result on stdout has no progress line" || bad "terminal: result printed"
grep -q 'bootstrap (F1):' "$W/out1" && bad "stdout carries a progress line" || ok "stdout carries no progress line"
env -u CI CPR_PROGRESS_DELAY=0 script -qec "\"$BIN\" $JOB --quiet > /dev/null" /dev/null > "$W/tty2" 2>&1
grep -q 'bootstrap (F1)' "$W/tty2" && bad "--quiet: no progress" || ok "--quiet: no progress"
env CI=true CPR_PROGRESS_DELAY=0 script -qec "\"$BIN\" $JOB > /dev/null" /dev/null > "$W/tty3" 2>&1
grep -q 'bootstrap (F1)' "$W/tty3" && bad "CI set: no progress" || ok "CI set: no progress"
# a pipe: never
eval "env -u CI CPR_PROGRESS_DELAY=0 \"$BIN\" $JOB" > /dev/null 2> "$W/pipe"
grep -q 'bootstrap (F1)' "$W/pipe" && bad "stderr to a file: no progress" || ok "stderr to a file: no progress"
# the default one-second delay keeps a quick job silent even on a terminal
env -u CI script -qec "\"$BIN\" regress aid poverty --bootstrap 99 > /dev/null" /dev/null > "$W/tty4" 2>&1
grep -q 'wild cluster bootstrap:' "$W/tty4" && bad "quick job: no progress" || ok "quick job: no progress"
