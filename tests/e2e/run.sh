#!/bin/sh
# End-to-end harness in the spirit of GNU datamash's tests: each case file
# tests/e2e/cases/*.t holds the arguments, an optional input, the expected
# exit code and the expected stdout/stderr (exact, or by regular expression).
#
# Case format:
#   # description (first line)
#   args: regress --data $IN -f 'y ~ x'   (shell words; $IN, $TMP, $REF, $ROOT expand)
#   exit: 0
#   stdout-match: ERE          (any number; each must match some stdout line)
#   stderr-match: ERE          (likewise for stderr)
#   stdout-not-match: ERE
#   stderr-not-match: ERE
#   file-present: $TMP/out.png (a file that must exist afterwards)
#   file-absent: $TMP/out.png  (a file that must not exist afterwards)
#   env: NAME=value            (exported for the command)
#   precision: extended        (digits rely on long double: under valgrind,
#                               which emulates it at 64 bits, check the exit code only)
#   --- input                  (the rest up to the next '---' is $IN)
#   --- stdout                 (exact expected stdout)
#   --- stderr                 (exact expected stderr)
# Prints one TAP line per case; exit status 1 if any case failed.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${CPR_BIN:-$ROOT/build/cpr-stats}
REF=${CPR_REFERENCE:-$ROOT/tests/reference}
WORK=${TMPDIR:-/tmp}/cpr-e2e.$$
mkdir -p "$WORK"
trap 'rm -rf "$WORK"' EXIT INT TERM
pass=0; fail=0; n=0

for case in "$ROOT"/tests/e2e/cases/*.t; do
    [ -e "$case" ] || continue
    n=$((n + 1))
    name=$(basename "$case" .t)
    TMP="$WORK/$name"; mkdir -p "$TMP"
    IN="$TMP/input.csv"
    # Split the case into its sections.
    awk -v dir="$TMP" '
        BEGIN { sec = "head" }
        /^--- (input|stdout|stderr)$/ { sec = $2; printf "" > (dir "/" sec); next }
        sec == "head" { print > (dir "/head"); next }
        { print > (dir "/" sec) }
    ' "$case"
    [ -f "$TMP/input" ] && mv "$TMP/input" "$IN"
    desc=$(sed -n '1s/^# *//p' "$TMP/head")
    args=$(sed -n 's/^args: //p' "$TMP/head")
    want_exit=$(sed -n 's/^exit: //p' "$TMP/head")
    envs=$(sed -n 's/^env: //p' "$TMP/head")
    why=""
    (
        cd "$TMP" || exit 99
        for e in $envs; do export "$e"; done
        export IN TMP REF ROOT
        # eval the whole line so a case may redirect (e.g. > /dev/full)
        eval "${TEST_WRAPPER:-} \"\$BIN\" $args" > "$TMP/out" 2> "$TMP/err" < /dev/null
    )
    got_exit=$?
    [ "$got_exit" = "${want_exit:-0}" ] || why="exit $got_exit, expected ${want_exit:-0}"
    if [ -n "${CPR_UNDER_VALGRIND:-}" ] && grep -q '^precision: extended' "$TMP/head"; then
        [ -z "$why" ] && { pass=$((pass + 1)); echo "ok $n - $name: $desc # digits not checked under valgrind"; }
        [ -n "$why" ] && { fail=$((fail + 1)); echo "not ok $n - $name: $desc"; echo "#   $why"; }
        continue
    fi
    if [ -z "$why" ] && [ -f "$TMP/stdout" ] && ! cmp -s "$TMP/stdout" "$TMP/out"; then
        why="stdout differs: $(diff "$TMP/stdout" "$TMP/out" | head -5 | tr '\n' '|')"
    fi
    if [ -z "$why" ] && [ -f "$TMP/stderr" ] && ! cmp -s "$TMP/stderr" "$TMP/err"; then
        why="stderr differs: $(diff "$TMP/stderr" "$TMP/err" | head -5 | tr '\n' '|')"
    fi
    while IFS= read -r line; do
        [ -n "$why" ] && break
        case "$line" in
        stdout-match:\ *) re=${line#stdout-match: }; grep -Eq -- "$re" "$TMP/out" || why="stdout lacks /$re/";;
        stderr-match:\ *) re=${line#stderr-match: }; grep -Eq -- "$re" "$TMP/err" || why="stderr lacks /$re/";;
        stdout-not-match:\ *) re=${line#stdout-not-match: }; grep -Eq -- "$re" "$TMP/out" && why="stdout has /$re/";;
        stderr-not-match:\ *) re=${line#stderr-not-match: }; grep -Eq -- "$re" "$TMP/err" && why="stderr has /$re/";;
        file-present:\ *) f=$(TMP=$TMP; eval "echo ${line#file-present: }"); [ -e "$f" ] || why="$f missing";;
        file-absent:\ *) f=$(TMP=$TMP; eval "echo ${line#file-absent: }"); [ -e "$f" ] && why="$f exists";;
        esac
    done < "$TMP/head"
    if [ -z "$why" ]; then
        pass=$((pass + 1)); echo "ok $n - $name: $desc"
    else
        fail=$((fail + 1)); echo "not ok $n - $name: $desc"
        echo "#   $why"
        sed 's/^/#   stderr: /' "$TMP/err" | head -5
    fi
done
echo "# e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
