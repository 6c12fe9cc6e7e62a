#!/bin/sh
# Timing of the CV3 cluster jackknife (issue 20): 10^6 rows, 1000 clusters,
# pooled OLS y ~ x1 + x2 clustered by g, --se cluster vs --se cr3 (and the
# diagnostics). MNW's algorithm: two passes over the data and one K x K
# solve per cluster, no refits. Usage: sh scripts/bench/cv3.sh [ROWS] [CLUSTERS]
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${CPR_BIN:-$ROOT/build/cpr-stats}
N=${1:-1000000}; G=${2:-1000}
W=${TMPDIR:-/tmp}/cpr-bench-cv3.$$
mkdir -p "$W"; trap 'rm -rf "$W"' EXIT INT TERM
awk -v n="$N" -v g="$G" 'BEGIN { srand(1); print "g,x1,x2,y";
    for (i = 0; i < n; i++) { c = int(i * g / n); u = rand() - 0.5; x1 = rand() + c / g; x2 = rand();
        printf "%d,%.6f,%.6f,%.6f\n", c, x1, x2, 1 + 0.5 * x1 - 0.2 * x2 + u + c % 7 / 10 } }' > "$W/d.csv"
t() { s=$(date +%s.%N); "$@" > /dev/null; e=$(date +%s.%N); awk -v s="$s" -v e="$e" 'BEGIN { printf "%.2f s\n", e - s }'; }
for se in cluster cr3; do
    printf '%-32s' "--se $se"; t "$BIN" regress --data "$W/d.csv" -f 'y ~ x1 + x2' --se "$se" --cluster g --bootstrap 0 --quiet
done
printf '%-32s' "--se cr3 --cluster-diagnostics"; t "$BIN" regress --data "$W/d.csv" -f 'y ~ x1 + x2' --se cr3 --cluster g --cluster-diagnostics --bootstrap 0 --quiet
