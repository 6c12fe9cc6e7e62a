#!/bin/sh
# man_page.sh BIN TEMPLATE - print the cpr-stats(1) man page: the hand-written
# TEMPLATE (docs/cpr-stats.1.in) with @VERSION@, @COMMANDS@ and @EXIT_STATUS@
# filled in from BIN's own --help texts, so the page lists every command and
# option the binary has, with the defaults it prints. POSIX sh and awk; run at
# build time by `make man` / `make install` (mk/install.mk). No date in the
# page, so the same binary gives the same page.
set -eu
[ $# -eq 2 ] || { echo "usage: $0 BIN TEMPLATE" >&2; exit 2; }
BIN=$1; TPL=$2
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
"$BIN" --help > "$T/main"
"$BIN" --version | sed -n '1s/^cpr-stats //p' > "$T/version"
cmds=$(awk '/^Commands:/ { f = 1; next } f && /^$/ { exit } f { print $1 }' "$T/main")
[ -n "$cmds" ] || { echo "$0: no commands in '$BIN --help'" >&2; exit 1; }
: > "$T/commands"
for c in $cmds; do "$BIN" "$c" --help > "$T/help"; awk -v cmd="$c" -f - "$T/help" >> "$T/commands" <<'AWK'
# roff escapes: backslash, and a leading . or ' would be a request
function esc(s) { gsub(/\\/, "\\e", s); if (s ~ /^[.']/) s = "\\&" s; return s }
function dash(s) { gsub(/-/, "\\-", s); return s }
NR == 1 { sub(/^Usage: cpr-stats [^ ]* ?/, ""); printf ".SS \"cpr\\-stats %s\"\n", cmd; usage = $0; next }
NR == 2 { printf "%s\n.PP\n.B cpr\\-stats %s\n%s\n", esc($0), cmd, esc(usage); sec = "desc"; next }
/^Options:$/ { if (pre) print ".fi"; pre = 0; sec = "opts"; next }
/^Exit status:/ { sec = "end"; next }
sec == "desc" {
    if ($0 == "") { if (pre) print ".fi"; pre = 0; print ".PP"; next }
    if ($0 ~ /^ /) { if (!pre) print ".nf"; pre = 1; print esc($0); next }
    if (pre) print ".fi"; pre = 0; print esc($0); next
}
sec == "opts" && /^  / {
    # "  -f, --formula FORMULA      text" or "      --seed N    text"; the head
    # is padded to 26 columns, or is followed by one space when longer.
    line = substr($0, 3)
    if (substr(line, 27, 1) == " ") {
        head = substr(line, 1, 26); text = substr(line, 28)
    } else {
        n = split(line, w, " "); head = w[1]; k = 2
        if (head ~ /,$/) { head = head " " w[2]; k = 3 }
        if (w[k] ~ /[A-Z]/) { head = head " " w[k]; k++ }
        text = ""; for (i = k; i <= n; i++) text = text (i > k ? " " : "") w[i]
    }
    sub(/^ +/, "", head); sub(/ +$/, "", head); sub(/^ +/, "", text)
    # bold option names, italic argument
    m = split(head, h, " "); out = ""
    for (i = 1; i <= m; i++) {
        t = h[i]; comma = sub(/,$/, "", t)
        out = out (i > 1 ? " " : "") (t ~ /^-/ ? "\\fB" dash(t) "\\fR" : "\\fI" esc(t) "\\fR") (comma ? "," : "")
    }
    printf ".TP\n%s\n%s\n", out, esc(text)
}
AWK
done
awk '/^Exit status:$/ { f = 1; next } f && /^$/ { exit } f && NF { c = $1; $1 = ""; sub(/^ /, ""); printf ".TP\n.B %s\n%s\n", c, $0 }' "$T/main" > "$T/exit"
[ -s "$T/exit" ] || { echo "$0: no exit status table in '$BIN --help'" >&2; exit 1; }
awk -v vf="$T/version" -v cf="$T/commands" -v ef="$T/exit" '
function cat(f,   l) { while ((getline l < f) > 0) print l; close(f) }
BEGIN { getline version < vf }
/^@COMMANDS@$/ { cat(cf); next }
/^@EXIT_STATUS@$/ { cat(ef); next }
{ gsub(/@VERSION@/, version); print }' "$TPL"
