#!/bin/sh
# Layering check: the source tree is a stack of layers, each allowed to use
# only the layers below it (CONTRIBUTING.md, "Architecture"):
#
#   util -> linalg -> load -> panel -> model -> infer -> report | plot -> claims -> cli
#
# (left = bottom). The check reads every `#include "..."` of src/ and
# include/, maps each file to its layer (src/<layer>/..., public headers by
# the table below), prints the layer graph and fails on an include that
# points up (or sideways, between report and plot), and on a cycle between
# layers. With object files (--objs DIR, default build/obj when it exists)
# it also reads their symbols (nm) and checks the calls the same way, file
# by file: an upward call, or files that call each other in a loop.
#
#   sh scripts/check_layers.sh [--objs DIR | --no-objs] [--known FILE] [--report-only] [-q]
#
# scripts/layers.known (--known) lists the violations that are known and
# still to be removed, one message a line: they are printed as "known:" and
# do not fail the check; any other is a "violation:" and fails it. A known
# line that no longer occurs is printed as "fixed:" (delete it from the
# file). Exit 0 when clean (or with --report-only), 1 on a new violation
# (a public header missing from the table below is one), 2 on a usage error
# or a file of no layer.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2

objs=""
[ -d build/obj ] && objs=build/obj
report_only=0
quiet=0
known=scripts/layers.known
while [ $# -gt 0 ]; do
    case $1 in
        --objs) objs=$2; shift ;;
        --no-objs) objs="" ;;
        --known) known=$2; shift ;;
        --report-only) report_only=1 ;;
        -q) quiet=1 ;;
        *) echo "usage: $0 [--objs DIR | --no-objs] [--known FILE] [--report-only] [-q]" >&2; exit 2 ;;
    esac
    shift
done

# Layers, bottom first; report and plot share a rank (neither uses the other).
LAYERS="util:0 linalg:1 load:2 panel:3 model:4 infer:5 report:6 plot:6 claims:7 cli:8"

# Public headers (include/cpr/) and the layer each belongs to. Every header
# of include/cpr/ must be listed, and every entry must exist: the check
# fails on a header it does not know (with the layer its name suggests) and
# on an entry whose header is gone.
HEADERS="
status.h util
util.h util
strmap.h util
outfile.h util
progress.h util
cleanup.h util
result.h util
design.h util
threads.h util
linalg.h linalg
within.h linalg
rowblocks.h linalg
frame.h load
catalogue.h load
formula.h panel
design_build.h panel
group_stat.h panel
frame_summary.h panel
lag.h panel
formula_edit.h panel
model.h model
fit.h model
threshold.h model
gmm.h model
gmm_sys.h model
iv_data.h model
iv_kclass.h model
iv_gmm.h model
infer.h infer
iv_diag.h infer
gmm_infer.h infer
stock_yogo.h infer
bootstrap.h infer
correlate.h infer
report.h report
correlate_doc.h report
stat_doc.h report
describe_doc.h report
vars_doc.h report
modeltable.h report
result_json.h report
plot.h plot
claims.h claims
"

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

rank_of() { for lr in $LAYERS; do [ "${lr%%:*}" = "$1" ] && { echo "${lr#*:}"; return; }; done; echo 99; }
table_bad=0
for h in include/cpr/*.h; do
    [ -f "$h" ] || continue
    b=${h##*/}
    echo "$HEADERS" | grep -q "^$b " && continue
    # not in the table: say which layer its name or its users suggest
    guess=""
    for c in src/*/"${b%.h}".c; do [ -f "$c" ] && guess=$(echo "$c" | cut -d/ -f2); done
    if [ -z "$guess" ]; then
        best=99
        for c in $(grep -l "#include \"cpr/$b\"" src/*/*.c src/*/*.h 2>/dev/null); do
            d=$(echo "$c" | cut -d/ -f2); r=$(rank_of "$d")
            [ "$r" -lt "$best" ] && { best=$r; guess=$d; }
        done
    fi
    echo "violation: $h is not in the header table of scripts/check_layers.sh: add \"$b ${guess:-LAYER}\"${guess:+ (its name or its users suggest $guess)}"
    table_bad=1
    # check the rest as if it were listed there
    [ -n "$guess" ] && HEADERS="$HEADERS
$b $guess"
done
for b in $(echo "$HEADERS" | awk 'NF { print $1 }'); do
    [ -f "include/cpr/$b" ] && continue
    echo "violation: the header table of scripts/check_layers.sh lists $b, which is not in include/cpr/: remove it"
    table_bad=1
done
dups=$(echo "$HEADERS" | awk 'NF { print $1 }' | LC_ALL=C sort | uniq -d)
for b in $dups; do
    echo "violation: the header table of scripts/check_layers.sh lists $b twice"
    table_bad=1
done

# file<TAB>included-path, paths from the root.
for f in $(find src include -name '*.[ch]' | LC_ALL=C sort); do
    sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f" |
    while read -r inc; do
        case $inc in
            cpr/*) p=include/$inc ;;
            *) p=$(dirname "$f")/$inc ;;
        esac
        printf '%s\t%s\n' "$f" "$p"
    done
done > "$tmp/includes"

# Calls between object files: user<TAB>definer, as source paths.
if [ -n "$objs" ]; then
    if [ ! -d "$objs" ]; then echo "check_layers: no object directory $objs" >&2; exit 2; fi
    for o in $(find "$objs" -name '*.o' | LC_ALL=C sort); do
        src=src/${o#"$objs"/}
        src=${src%.o}.c
        [ -f "$src" ] || continue   # a stale object of a moved or deleted file
        nm -P "$o" 2>/dev/null | awk -v f="$src" '$2 == "U" { print "U\t" f "\t" $1; next }
                                               $2 ~ /^[TDBRCGSVW]$/ { print "D\t" f "\t" $1 }'
    done > "$tmp/symbols"
else
    : > "$tmp/symbols"
fi

LC_ALL=C awk -v layers="$LAYERS" -v headers="$HEADERS" -v report_only="$report_only" -v quiet="$quiet" -v table_bad="$table_bad" \
    -v symfile="$tmp/symbols" -v knownfile="$known" -F '\t' '
function norm(p,    n, i, parts, out, k, m) {
    # collapse "a/b/../c" and "./"
    n = split(p, parts, "/"); m = 0
    for (i = 1; i <= n; i++) {
        if (parts[i] == "." || parts[i] == "") continue
        if (parts[i] == ".." && m > 0) { m--; continue }
        out[++m] = parts[i]
    }
    p = ""
    for (i = 1; i <= m; i++) p = p (i > 1 ? "/" : "") out[i]
    return p
}
function layer_of(p,    a, b) {
    if (p ~ /^src\//) { split(p, a, "/"); return (a[2] in rank) ? a[2] : "?" a[2] }
    if (p ~ /^include\/cpr\//) { b = p; sub(/^include\/cpr\//, "", b); return (b in hlayer) ? hlayer[b] : "?" }
    return "?"
}
function bad(msg, detail) { nbad++; viol[nbad] = msg; vdet[nbad] = detail }
BEGIN {
    n = split(layers, L, " ")
    for (i = 1; i <= n; i++) { split(L[i], kv, ":"); rank[kv[1]] = kv[2] + 0; order[i] = kv[1] }
    nl = n
    m = split(headers, H, "\n")
    for (i = 1; i <= m; i++) if (H[i] != "") { split(H[i], hv, " "); hlayer[hv[1]] = hv[2] }
    nbad = 0; unknown = 0
}
{
    from = $1; to = norm($2)
    lf = layer_of(from); lt = layer_of(to)
    if (lf ~ /^\?/ || lt ~ /^\?/) {
        x = (lf ~ /^\?/) ? from : to
        if (!(x in told)) { told[x] = 1; printf "check_layers: %s: no layer (add it to the table in scripts/check_layers.sh)\n", x > "/dev/stderr" }
        unknown = 1; next
    }
    if (lf == lt) next
    key = lf SUBSEP lt
    inc[key]++
    if (!(key in ex)) ex[key] = from " -> " to
    if (rank[lt] > rank[lf]) bad(sprintf("upward include: %s (%s) includes %s (%s)", from, lf, to, lt))
    else if (rank[lt] == rank[lf]) bad(sprintf("sideways include: %s (%s) includes %s (%s)", from, lf, to, lt))
}
END {
    # calls from the object files
    while ((getline line < symfile) > 0) {
        split(line, s, "\t")
        if (s[1] == "D") def[s[3]] = s[2]
        else { nu++; ufile[nu] = s[2]; usym[nu] = s[3] }
    }
    nf = 0
    for (i = 1; i <= nu; i++) {
        if (!(usym[i] in def)) continue
        a = ufile[i]; b = def[usym[i]]
        if (a == b) continue
        la = layer_of(a); lb = layer_of(b)
        if (la ~ /^\?/ || lb ~ /^\?/) continue
        if (!((a, b) in fcall)) {
            fcall[a, b] = usym[i]
            if (!(a in fid)) { fid[a] = ++nf; fname[nf] = a }
            if (!(b in fid)) { fid[b] = ++nf; fname[nf] = b }
            adj[fid[a]] = adj[fid[a]] " " fid[b]
        }
        if (la == lb) continue
        key = la SUBSEP lb
        calls[key]++
        if (rank[lb] > rank[la] && !((a, b) in toldc)) {
            toldc[a, b] = 1
            bad(sprintf("upward call: %s (%s) -> %s (%s)", a, la, b, lb), " [" usym[i] "]")
        } else if (rank[lb] == rank[la] && !((a, b) in toldc)) {
            toldc[a, b] = 1
            bad(sprintf("sideways call: %s (%s) -> %s (%s)", a, la, b, lb), " [" usym[i] "]")
        }
    }

    if (!quiet) {
        print "layer graph (includes / calls; bottom first):"
        for (i = nl; i >= 1; i--) for (j = 1; j <= nl; j++) {
            key = order[i] SUBSEP order[j]
            if (!(key in inc) && !(key in calls)) continue
            mark = rank[order[j]] > rank[order[i]] ? "  UP" : rank[order[j]] == rank[order[i]] ? "  SIDEWAYS" : ""
            printf "  %-7s -> %-7s %4d includes %4d calls%s\n", order[i], order[j], inc[key] + 0, calls[key] + 0, mark
        }
    }

    # cycles between layers (transitive closure over includes and calls)
    for (i = 1; i <= nl; i++) for (j = 1; j <= nl; j++) {
        key = order[i] SUBSEP order[j]
        R[i, j] = (key in inc) || (key in calls)
    }
    for (k = 1; k <= nl; k++) for (i = 1; i <= nl; i++) if (R[i, k]) for (j = 1; j <= nl; j++) if (R[k, j]) R[i, j] = 1
    for (i = 1; i <= nl; i++) if (R[i, i]) bad(sprintf("cycle between layers through %s", order[i]))

    # cycles between files (Tarjan, iterative): strongly connected sets of > 1 file
    idx = 0; sp = 0
    for (v = 1; v <= nf; v++) {
        if (v in num) continue
        # explicit DFS stack of (node, next-edge position)
        top = 1; stk[1] = v; pos[1] = 1
        num[v] = low[v] = ++idx; S[++sp] = v; on[v] = 1
        nadj[v] = split(adj[v], ADJ, " "); for (e = 1; e <= nadj[v]; e++) E[v, e] = ADJ[e]
        while (top > 0) {
            u = stk[top]
            if (pos[top] <= nadj[u]) {
                w = E[u, pos[top]]; pos[top]++
                if (!(w in num)) {
                    num[w] = low[w] = ++idx; S[++sp] = w; on[w] = 1
                    nadj[w] = split(adj[w], ADJ, " "); for (e = 1; e <= nadj[w]; e++) E[w, e] = ADJ[e]
                    stk[++top] = w; pos[top] = 1
                } else if (on[w] && num[w] < low[u]) low[u] = num[w]
            } else {
                if (low[u] == num[u]) {
                    members = ""; cnt = 0
                    do { w = S[sp--]; on[w] = 0; members = fname[w] (cnt++ ? ", " : "") members } while (w != u)
                    if (cnt > 1) bad("cycle between files: " members)
                }
                top--
                if (top > 0) { p = stk[top]; if (low[u] < low[p]) low[p] = low[u] }
            }
        }
    }

    if (unknown) exit 2
    nknown = 0
    if (knownfile != "") while ((getline line < knownfile) > 0) {
        if (line ~ /^#/ || line == "") continue
        isknown[line] = 1; kline[++nknown] = line
    }
    nnew = 0
    for (i = 1; i <= nbad; i++) {
        seen[viol[i]] = 1
        if (viol[i] in isknown) print "known: " viol[i] vdet[i]
        else { print "violation: " viol[i] vdet[i]; nnew++ }
    }
    # without objects the calls were not read: no "fixed" for them
    for (i = 1; i <= nknown; i++) if (!(kline[i] in seen) && (nu > 0 || kline[i] ~ /include|between layers/)) print "fixed: " kline[i] " (delete it from " knownfile ")"
    if (nnew == 0 && !table_bad && !quiet) printf "layers: ok (%d known violations left in %s)\n", nbad, knownfile
    exit (nnew > 0 && !report_only) ? 1 : 0
}' "$tmp/includes"
rc=$?
# a header the table does not know (or an entry without its header) fails
# the check like a violation
[ "$rc" -eq 0 ] && [ "$table_bad" -eq 1 ] && [ "$report_only" -eq 0 ] && rc=1
exit "$rc"
