#!/bin/sh
# make check-report (issue 16): the reproduction report in a real browser.
#   sh scripts/check_report.sh BIN OUTDIR
# 1. BIN reproduce --out OUTDIR/rep writes report.html and its figures;
# 2. scripts/check_report.py renders it in headless Chromium: every figure is
#    displayed at a non-zero size, the console shows no error, and the
#    screenshots go to OUTDIR/report.png (top of the page) and
#    OUTDIR/report-figN.png (each figure);
# 3. the check must fail on deliberately broken copies of the page: a figure
#    shrunk to 0x0, a figure whose image is missing, a figure removed, and a
#    console error. If any broken copy passed, the check could not fail.
# Needs python3 and chromium (CI installs both through scripts/setup.sh).
set -u
BIN=${1:-build/cpr-stats}
OUT=${2:-build/check-report}
PY=${PYTHON:-python3}
HERE=$(cd "$(dirname "$0")" && pwd)
fail=0
command -v "$PY" >/dev/null 2>&1 || { echo "check-report: $PY not found (Debian: apt-get install python3)" >&2; exit 2; }
if [ -z "${CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then
    echo "check-report: chromium not found (Debian: apt-get install chromium; or set CHROMIUM)" >&2; exit 2
fi
rm -rf "$OUT"
mkdir -p "$OUT"
echo "check-report: $BIN reproduce --out $OUT/rep"
"$BIN" reproduce --out "$OUT/rep" > "$OUT/reproduce.out" 2> "$OUT/reproduce.err" || {
    echo "check-report: reproduce failed:" >&2; tail -5 "$OUT/reproduce.err" >&2; exit 1; }
nfig=$(ls "$OUT/rep/figures/"*.svg 2>/dev/null | wc -l)
[ "$nfig" -gt 0 ] || { echo "check-report: reproduce drew no figure" >&2; exit 1; }

"$PY" "$HERE/check_report.py" "$OUT/rep/report.html" "$OUT/report.png" "$nfig"
rc=$?
if [ $rc -eq 0 ]; then echo "ok - report.html: $nfig figures displayed, no console error"
else echo "not ok - report.html in Chromium (exit $rc)"; fail=1; fi

# Broken copies: each must make the check fail (exit 1).
broken() { # NAME PYTHON-EXPRESSION-ON-s
    d=$OUT/broken-$1
    mkdir -p "$d"
    ln -s ../rep/figures "$d/figures"
    "$PY" -c "import re, sys
s = open(sys.argv[1], encoding='utf-8').read()
t = $2
assert t != s, 'the edit changed nothing'
open(sys.argv[2], 'w', encoding='utf-8').write(t)" "$OUT/rep/report.html" "$d/report.html" || { fail=1; return; }
    "$PY" "$HERE/check_report.py" "$d/report.html" "$d/shot.png" "$nfig" > "$d/log" 2>&1
    r=$?
    if [ $r -eq 1 ]; then echo "ok - the check fails on a copy with $3: $(grep FAIL "$d/log" | head -1)"
    else echo "not ok - the check did not fail on a copy with $3 (exit $r)"; fail=1; fi
}
broken zero "s.replace('<svg ', '<svg style=\"width:0;height:0\" ', 1)" "a figure displayed at 0x0"
broken missing "re.sub(r'<svg .*?</svg>', '<p class=\"missing\">(figure missing)</p>', s, count=1, flags=re.S)" "a figure without its image"
broken removed "re.sub(r'<figure .*?</figure>', '', s, count=1, flags=re.S)" "one figure fewer than drawn"
broken console "s.replace('</body>', '<script>console.error(\"broken on purpose\")</script></body>')" "a console error"
[ $fail -eq 0 ] && echo "check-report: passed; screenshots in $OUT/report*.png" || echo "check-report: FAILED" >&2
exit $fail
