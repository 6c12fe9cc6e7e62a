#!/bin/sh
# Benchmarks of cpr-stats against gretl (gretlcli) and R plm, one command:
#
#   sh scripts/bench.sh            all jobs (10^5, 10^6 and 10^7 rows; peers
#                                  skip 10^7, see --peers-10m)
#   sh scripts/bench.sh --quick    small jobs and 10^5 rows only (~1 minute)
#   make bench / make bench-quick  the same (mk/bench.mk)
#
#   sh scripts/bench.sh --threads-only   only the issue-19 table: the four
#                                  targets with --threads 1 and 2 (~5 minutes)
#
# Options: --peers-10m (also run gretl and R on 10^7 rows: at 10^6 rows each
# already takes minutes and ~5 GB here, so expect ~50 GB), --no-peers
# (cpr-stats only), --no-install (do not apt-get the peers), --runs N (timed
# runs of each small job, default 10), --peer-runs N (timed runs of the peers
# on 10^5 and 10^6 rows, default 3), --out FILE (default bench/RESULTS.md).
#
# What it does:
# 1. installs the peers from Debian where missing (gretl, r-cran-plm,
#    r-cran-sandwich) through scripts/setup.sh, builds cpr-stats, the panel
#    generator (scripts/bench/gen_panel.c) and the timer (scripts/bench/timeit.c);
# 2. runs the same model in each tool: two-way FE (entity + time) with SEs
#    clustered by entity, on Grunfeld, on the bundled panel, and on synthetic
#    panels of 10^5, 10^6 and 10^7 rows (10,000 entities, fixed seed); the
#    wild cluster bootstrap (B = 9,999) on the bundled panel; and loading a
#    large CSV;
# 3. times whole processes (start-up, CSV loading, estimation, printing)
#    over several runs: median, min, max wall time and peak resident memory
#    (wait4 ru_maxrss, as /usr/bin/time %M);
# 4. checks that the estimates agree: coefficients and clustered SEs of
#    every tool against R plm (cpr-stats with --ssc plm against plm's
#    vcovHC(type = "sss"); gretl, whose factor counts the constant and the
#    time dummies, against the same plm sandwich with that factor);
# 5. writes a Markdown table (ratios = tool's median time / cpr-stats'
#    median time on the same job) to bench/RESULTS.md and prints it.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
QUICK=0; TONLY=0; PEERS=1; PEERS10M=0; INSTALL=1; RUNS=10; PRUNS=3; OUT=bench/RESULTS.md
while [ $# -gt 0 ]; do
    case $1 in
    --quick) QUICK=1 ;;
    --threads-only) TONLY=1; PEERS=0 ;;
    --peers-10m) PEERS10M=1 ;;
    --no-peers) PEERS=0 ;;
    --no-install) INSTALL=0 ;;
    --runs) RUNS=$2; shift ;;
    --peer-runs) PRUNS=$2; shift ;;
    --out) OUT=$2; shift ;;
    -h|--help) sed -n '2,35p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
    esac
    shift
done

WORK=${BENCH_WORK:-$ROOT/build/bench}
mkdir -p "$WORK" "$(dirname "$OUT")"
REF=${CPR_REFERENCE:-$ROOT/tests/reference}
log() { echo "bench: $*" >&2; }

# ---- 1. peers, build ------------------------------------------------------
if [ "$PEERS" = 1 ] && [ "$INSTALL" = 1 ]; then
    CPR_SETUP_EXTRA="gretl r-cran-plm r-cran-sandwich" sh scripts/setup.sh ||
        log "could not install the peers; continuing with those present"
fi
make -s cpr-stats >&2
CPR=$ROOT/build/cpr-stats
CC=${CC:-cc}
for p in gen_panel timeit; do
    if [ ! -x "$WORK/$p" ] || [ "scripts/bench/$p.c" -nt "$WORK/$p" ]; then
        $CC -std=c11 -O2 -Wall -Wextra -Werror -o "$WORK/$p" "scripts/bench/$p.c" -lm
    fi
done
HAVE_R=0; HAVE_GRETL=0
if [ "$PEERS" = 1 ]; then
    command -v Rscript >/dev/null 2>&1 && Rscript -e 'suppressMessages({library(plm); library(sandwich)})' >/dev/null 2>&1 && HAVE_R=1
    command -v gretlcli >/dev/null 2>&1 && HAVE_GRETL=1
    [ "$HAVE_R" = 1 ] || log "R with plm and sandwich not found: no R rows"
    [ "$HAVE_GRETL" = 1 ] || log "gretlcli not found: no gretl rows"
fi

# outputs of an earlier run must not leak into this one's table
rm -f "$WORK"/*.out "$WORK"/*.out.err "$WORK"/*.est "$WORK"/*.stata "$WORK"/*.nobs "$WORK"/*.inp
LOAD0=$(uptime | sed 's/.*load average: //')
RES=$WORK/results.tsv     # job tool median min max peak_mb runs coef_diff se_diff note
: > "$RES"

# ---- helpers --------------------------------------------------------------
# time_job JOB TOOL RUNS WARMUP NORMALIZER -- CMD...: times CMD, normalizes
# its stdout to "term estimate se" lines in $WORK/JOB.TOOL.est.
time_job() {
    job=$1 tool=$2 runs=$3 warm=$4 norm=$5; shift 6
    out=$WORK/$job.$tool.out
    log "$job / $tool: $runs runs"
    if t=$("$WORK/timeit" "$runs" "$warm" "$out" -- "$@"); then
        $norm < "$out" > "$WORK/$job.$tool.est" || true
        printf '%s\t%s\t%s\n' "$job" "$tool" "$t" | tr ' ' '\t' >> "$RES.raw"
    else
        log "$job / $tool failed: $(tail -n 3 "$out.err" 2>/dev/null | tr '\n' ' ')"
        printf '%s\t%s\tfailed\n' "$job" "$tool" >> "$RES.raw"
    fi
}
norm_cpr() { awk -F, 'NR > 1 { printf "%s %s %s\n", $1, $2, $3 }'; }
norm_gretl() { awk '$1 == "=" { print $2, $3, $4 }'; }
norm_r() { awk '$1 != "stata" { print $1, $2, $3 }'; }
norm_none() { cat >/dev/null; }
# gretl's SE factor is Stata's: keep R's "stata" SE column for comparing it
r_stata() { awk 'NR == FNR { if ($1 == "stata") se[$2] = $3; next } $1 != "stata" { print $1, $2, (($1 in se) ? se[$1] : $3) }' "$1" "$1"; }
# max relative difference of column COL between two "term est se" files
reldiff() {
    awk -v col="$3" 'NR == FNR { v[$1] = $col; next }
        ($1 in v) { d = $col - v[$1]; if (d < 0) d = -d; s = v[$1] < 0 ? -v[$1] : v[$1];
                    r = s > 0 ? d / s : d; if (r > m) m = r; n++ }
        END { if (n) printf "%.1e", m; else printf "-" }' "$1" "$2"
}

gretl_script() {   # DATA ENTITY TIME Y X... -> path of the filled-in script
    data=$1 ent=$2 tim=$3 y=$4; shift 4
    f=$WORK/gretl_$(basename "$data" .csv).inp
    sed -e "s#@DATA@#$data#" -e "s/@ENTITY@/$ent/g" -e "s/@TIME@/$tim/" -e "s/@Y@/$y/" \
        -e "s/@X@/$*/" scripts/bench/gretl_fe.inp.in > "$f"
    echo "$f"
}

# fe_job JOB DATA ENTITY TIME Y "X1 X2 ..." RUNS PEER_RUNS [PEERS [R_AP_RUNS]]
# PEERS=0 skips gretl and plm; R_AP_RUNS > 0 also times scripts/bench/r_within.R.
fe_job() {
    job=$1 data=$2 ent=$3 tim=$4 y=$5 xs=$6 runs=$7 pruns=$8 peers=${9:-1} rap=${10:-0}
    formula="$y ~ $(echo "$xs" | sed 's/ / + /g') | $ent + $tim"
    time_job "$job" cpr "$runs" 1 norm_cpr -- "$CPR" regress --data "$data" -f "$formula" \
        --ssc plm --bootstrap 0 --format csv
    "$CPR" regress --data "$data" -f "$formula" --bootstrap 0 --format json 2>/dev/null |
        sed -n 's/.*"nobs": *\([0-9]*\).*/\1/p' | head -n 1 > "$WORK/$job.nobs" || true
    # shellcheck disable=SC2086
    [ "$HAVE_R" = 0 ] || [ "$rap" = 0 ] || time_job "$job" R-ap "$rap" 0 norm_r -- Rscript scripts/bench/r_within.R "$data" "$ent" "$tim" "$y" $xs
    [ "$peers" = 1 ] || return 0
    # shellcheck disable=SC2086
    [ "$HAVE_R" = 0 ] || time_job "$job" R "$pruns" 0 norm_r -- Rscript scripts/bench/plm_fe.R "$data" "$ent" "$tim" "$y" $xs
    # shellcheck disable=SC2086
    [ "$HAVE_GRETL" = 0 ] || time_job "$job" gretl "$pruns" 0 norm_gretl -- gretlcli -b "$(gretl_script "$data" "$ent" "$tim" "$y" $xs)"
    if [ -s "$WORK/$job.R.out" ]; then r_stata "$WORK/$job.R.out" > "$WORK/$job.R.stata"; fi
}

panel() {   # N -> path of the cached synthetic panel
    f=$WORK/panel_$1.csv
    if [ ! -s "$f" ] || [ "$WORK/gen_panel" -nt "$f" ]; then
        log "generating $1 rows"
        "$WORK/gen_panel" "$1" > "$f.tmp" && mv "$f.tmp" "$f"
    fi
    echo "$f"
}

: > "$RES.raw"
: > "$WORK/threads.tsv"
# ---- 2. jobs ----------------------------------------------------------------
if [ "$TONLY" = 0 ]; then
# 1. start-up dominated: Grunfeld (200 rows) and the bundled panel
if [ -s "$REF/grunfeld/data.csv" ]; then
    fe_job grunfeld "$REF/grunfeld/data.csv" firm year inv "value capital" "$RUNS" "$RUNS"
else
    log "no $REF/grunfeld/data.csv (the shared reference data): Grunfeld skipped"
fi
fe_job bundled "$ROOT/datasets/lac_panel.csv" iso3 year poverty "log_aid log_oof gdp_pc urban" "$RUNS" "$RUNS"
# 2. synthetic panels
P5=$(panel 100000)
fe_job 1e5 "$P5" entity year y "x1 x2" 5 "$PRUNS" 1 "$PRUNS"
if [ "$QUICK" = 0 ]; then
    P6=$(panel 1000000)
    fe_job 1e6 "$P6" entity year y "x1 x2" 5 "$PRUNS" 1 "$PRUNS"
    P7=$(panel 10000000)
    fe_job 1e7 "$P7" entity year y "x1 x2" 3 1 "$PEERS10M" 1
fi
# 3. wild cluster bootstrap, B = 9,999, on the bundled panel (33 clusters);
#    neither gretl nor plm ships one (R's fwildclusterboot is not in Debian)
time_job boot cpr 5 1 norm_cpr -- "$CPR" regress -f 'poverty ~ log_aid + log_oof + gdp_pc + urban | iso3 + year' \
    --bootstrap 9999 --seed 42 --format csv
# 4. loading a large CSV: `describe` reads the file, builds the panel key
#    and summarizes every column; MB/s = file size / whole-process time
BIGCSV=${P6:-$P5}
time_job csv cpr 5 1 norm_none -- "$CPR" describe --data "$BIGCSV"
if [ "$HAVE_R" = 1 ]; then
    time_job csv R "$PRUNS" 0 norm_none -- Rscript -e 'd <- read.csv(commandArgs(TRUE)[1]); cat(nrow(d), "\n")' "$BIGCSV"
fi
if [ "$HAVE_GRETL" = 1 ]; then
    printf 'set verbose off\nopen "%s" --quiet\nprintf "%%d\\n", $nobs\n' "$BIGCSV" > "$WORK/gretl_open.inp"
    time_job csv gretl "$PRUNS" 0 norm_none -- gretlcli -b "$WORK/gretl_open.inp"
fi
fi

# 5. threads (issue 19): the four targets, each with --threads 1 and 2, the
#    pairs run back to back so that both see the same load. Peak memory is
#    compared with the raw column bytes (rows x 5 columns x 8 bytes).
#    Every timed run is paired with a run of /bin/true just before it (timeit
#    --base), so each job also gets its time above the process floor (median
#    of job minus /bin/true over the pairs, same load) and its CPU time.
# t_job JOB RUNS RAW_BYTES -- CMD...  (appends JOB THREADS median min max
# peak_MB raw load cpu above_floor floor floor_cpu)
t_job() {
    job=$1 runs=$2 raw=$3; shift 4
    for th in 1 2; do
        log "$job / --threads $th: $runs runs (each after a /bin/true run)"
        if t=$("$WORK/timeit" --base /bin/true "$runs" 1 "$WORK/t_$job.$th.out" -- "$@" --threads "$th"); then
            printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$job" "$th" "$(echo "$t" | awk '{ print $1 "\t" $2 "\t" $3 "\t" $4 }')" "$raw" "$(uptime | sed 's/.*load average: //; s/,.*//')" "$(echo "$t" | awk '{ print $6 "\t" $7 "\t" $8 "\t" $9 }')" >> "$WORK/threads.tsv"
        else
            log "$job / --threads $th failed: $(tail -n 3 "$WORK/t_$job.$th.out.err" 2>/dev/null | tr '\n' ' ')"
            printf '%s\t%s\tfailed\n' "$job" "$th" >> "$WORK/threads.tsv"
        fi
    done
}
T7=$(panel 10000000); T6=${P6:-$(panel 1000000)}
# The floor under every small job on this machine: starting an empty
# process (/bin/true ignores the --threads argument t_job appends), and
# cpr-stats starting and stopping (--version ignores it too).
t_job floor "$RUNS" 0 -- /bin/true
t_job version "$RUNS" 0 -- "$CPR" --version
if [ -s "$REF/grunfeld/data.csv" ]; then
    t_job grunfeld "$RUNS" 0 -- "$CPR" regress --data "$REF/grunfeld/data.csv" -f 'inv ~ value + capital | firm + year' --bootstrap 0
fi
t_job aid "$RUNS" 0 -- "$CPR" regress aid poverty
t_job load 3 "$(wc -c < "$T7")" -- "$CPR" describe --data "$T7"
t_job fe1e7 3 400000000 -- "$CPR" regress --data "$T7" -f 'y ~ x1 + x2 | entity + year' --cluster entity
t_job boot 3 40000000 -- "$CPR" regress --data "$T6" -f 'y ~ x1 + x2 | entity + year' --cluster entity --bootstrap 9999
LOAD1=$(uptime | sed 's/.*load average: //')
T7BYTES=$(wc -c < "$T7")

# ---- 3. agreement and the table ---------------------------------------------
if [ "$TONLY" = 0 ]; then
CSVBYTES=$(wc -c < "$BIGCSV")
CSVROWS=$(($(wc -l < "$BIGCSV") - 1))
{
    echo "# Benchmarks: cpr-stats, gretl and R plm"
    echo
    echo "Generated by \`sh scripts/bench.sh$([ "$QUICK" = 1 ] && echo ' --quick')$([ "$PEERS10M" = 1 ] && echo ' --peers-10m')\` on $(date -u '+%Y-%m-%d %H:%M UTC')."
    echo "Machine: $(nproc) cores, $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1e6 }' /proc/meminfo) RAM;"
    echo "load average (1, 5, 15 min) before: $LOAD0; after: $LOAD1."
    echo "Versions: cpr-stats $("$CPR" --version 2>/dev/null | head -n 1 | awk '{ print $NF }') ($(git rev-parse --short HEAD 2>/dev/null || echo '?'))$(
        [ "$HAVE_GRETL" = 1 ] && printf ', gretl %s' "$(gretlcli --version 2>/dev/null | head -n 1 | awk '{ print $3 }')")$(
        [ "$HAVE_R" = 1 ] && Rscript -e 'cat(sprintf(", R %s, plm %s, sandwich %s", getRversion(), packageVersion("plm"), packageVersion("sandwich")))' 2>/dev/null)."
    echo
    echo "Every time is a whole process (start-up, reading the CSV, estimation, printing), median of"
    echo "the runs shown, in seconds; peak = largest resident set (MB) over the runs. Ratio = the"
    echo "tool's median / cpr-stats' median on the same job. Model everywhere: two-way fixed effects"
    echo "(entity and time) with SEs clustered by entity. Agreement: largest relative difference of"
    echo "the slopes and of the clustered SEs from R plm (cpr-stats with \`--ssc plm\` against plm's"
    echo "\`vcovHC(type = \"sss\")\`; gretl's factor counts the constant and the time dummies, so its SEs"
    echo "are compared with the same plm sandwich times that factor)."
    echo
    echo "| job | rows | tool | median s | min s | max s | peak MB | ratio | coef diff | SE diff |"
    echo "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|"
    while IFS="$(printf '\t')" read -r job tool med mn mx peak runs; do
        case $job in
        grunfeld) desc="Grunfeld FE"; rows=200 ;;
        bundled) desc="bundled panel FE"; rows=$(cat "$WORK/bundled.nobs" 2>/dev/null || true) ;;
        1e5|1e6|1e7) desc="synthetic FE $job"; rows=$(awk "BEGIN { printf \"%d\", $job }") ;;
        boot) desc="wild bootstrap B=9999 (bundled)"; rows=$(cat "$WORK/bundled.nobs" 2>/dev/null || true) ;;
        csv) desc="load CSV $(awk "BEGIN { printf \"%.0f MB\", $CSVBYTES / 1e6 }")"; rows=$CSVROWS ;;
        *) desc=$job; rows="" ;;
        esac
        if [ "$med" = failed ]; then
            echo "| $desc | $rows | $tool | failed | | | | | | |"; continue
        fi
        base=$(awk -F'\t' -v j="$job" '$1 == j && $2 == "cpr" { print $3 }' "$RES.raw")
        ratio=$(awk -v a="$med" -v b="${base:-}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "-" }')
        cd_="-"; sd_="-"; sfx=""
        rref=$WORK/$job.R.est; reft=R
        if [ ! -s "$rref" ] && [ -s "$WORK/$job.R-ap.est" ]; then rref=$WORK/$job.R-ap.est; reft=R-ap; sfx=" (vs R-ap)"; fi
        if [ -s "$rref" ] && [ -s "$WORK/$job.$tool.est" ] && [ "$tool" != "$reft" ]; then
            cd_=$(reldiff "$rref" "$WORK/$job.$tool.est" 2)$sfx
            if [ "$tool" = gretl ]; then sd_=$(reldiff "$WORK/$job.R.stata" "$WORK/$job.$tool.est" 3)
            else sd_=$(reldiff "$rref" "$WORK/$job.$tool.est" 3)$sfx; fi
        elif [ "$tool" = "$reft" ] && [ -s "$rref" ]; then cd_="ref"; sd_="ref"; fi
        [ "$job" = csv ] && cd_=$(awk -v b="$CSVBYTES" -v t="$med" 'BEGIN { printf "%.0f MB/s", b / 1e6 / t }') && sd_=""
        echo "| $desc | $rows | $tool | $med | $mn | $mx | $peak | $ratio | $cd_ | $sd_ |"
    done < "$RES.raw"
    echo
    echo "## Targets (issue 8)"
    echo
    echo "| target | measured | met |"
    echo "|---|---|---|"
    get() { awk -F'\t' -v j="$1" -v t="$2" -v c="$3" '$1 == j && $2 == t && $3 != "failed" { print $c }' "$RES.raw"; }
    verdict() { awk "BEGIN { print ($1) ? \"yes\" : \"no\" }"; }
    for j in grunfeld bundled; do
        c=$(get $j cpr 3); g=$(get $j gretl 3)
        if [ -n "$c" ] && [ -n "$g" ]; then
            echo "| $j: at most 1/3 of gretl's time | $c s vs gretl $g s ($(awk -v a="$g" -v b="$c" 'BEGIN { printf "%.1fx", a / b }')) | $(verdict "$c <= $g / 3") |"
        fi
    done
    c=$(get 1e6 cpr 3); m=$(get 1e6 cpr 6)
    [ -n "$c" ] && echo "| 10^6 rows: at most 0.5 s | $c s | $(verdict "$c <= 0.5") |"
    [ -n "$m" ] && echo "| 10^6 rows: at most 250 MB | $m MB | $(verdict "$m <= 250") |"
    c=$(get 1e7 cpr 3)
    [ -n "$c" ] && echo "| 10^7 rows: at most 6 s | $c s | $(verdict "$c <= 6") |"
    c=$(get csv cpr 3)
    [ -n "$c" ] && echo "| CSV parsing: at least 300 MB/s | $(awk -v b="$CSVBYTES" -v t="$c" 'BEGIN { printf "%.0f MB/s", b / 1e6 / t }') (whole process) | $(verdict "$CSVBYTES / 1e6 / $c >= 300") |"
    for j in 1e6 1e7; do
        for rt in R R-ap; do
            if [ -s "$WORK/$j.$rt.est" ] && [ -s "$WORK/$j.cpr.est" ]; then
                a=$(reldiff "$WORK/$j.$rt.est" "$WORK/$j.cpr.est" 2); b=$(reldiff "$WORK/$j.$rt.est" "$WORK/$j.cpr.est" 3)
                w=$([ "$rt" = R ] && echo "R plm" || echo "R-ap (base R, plm's sandwich)")
                echo "| $j rows: slopes and SEs match $w to 1e-8 | $a, $b | $(verdict "$a <= 1e-8 && $b <= 1e-8") |"
            fi
        done
    done
    echo
    echo "Runs per job: small jobs $RUNS (cpr-stats and gretl, after 1 warm-up run for cpr-stats) and"
    echo "$RUNS for R; 10^5 and 10^6 rows 5 (cpr-stats) and $PRUNS (peers); 10^7 rows 3 (cpr-stats) and 1"
    echo "(peers, only with \`--peers-10m\`: they need about ten times their 10^6-row memory); bootstrap 5;"
    echo "CSV 5 (cpr-stats), $PRUNS (peers). The wild cluster bootstrap has no peer: neither gretl nor plm"
    echo "ships one (R's fwildclusterboot is not in Debian)."
    echo "R-ap is a second R reference, \`scripts/bench/r_within.R\`: the two-way within transformation"
    echo "by plain alternating projections in base R (to 1e-14), \`lm.fit\` and plm's \`sss\` cluster"
    echo "sandwich; it is compared with plm itself up to 10^6 rows and is the reference at 10^7 rows,"
    echo "where plm would need about ten times its 10^6-row memory."
    echo "For the CSV job the coef column shows the throughput (file size / median time, whole"
    echo "process: \`cpr-stats describe --data FILE\`, which also builds the panel key and summarizes"
    echo "every column); the peers read the same file (R \`read.csv\`, gretl \`open\`)."
    echo "The synthetic panels come from \`scripts/bench/gen_panel N\` (seed 20240601, 10,000 entities,"
    echo "unbalanced with gaps; columns entity, year, y, x1, x2)."
} > "$OUT.main"
fi
{
    [ "$TONLY" = 1 ] && echo "# Benchmarks: threads (issue 19)" && echo &&
        echo "Generated by \`sh scripts/bench.sh --threads-only\` on $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores; load average (1, 5, 15 min) before: $LOAD0; after: $LOAD1." && echo
    echo "## Threads and memory (issue 19)"
    echo
    echo "Whole processes, median of the runs, \`--threads 1\` and \`--threads 2\` back to back; load = 1-minute"
    echo "load average after the pair (2 cores: above 2 means other work shared them). Peak = largest"
    echo "resident set over the runs; raw = rows x 5 columns x 8 bytes (10^7 rows: 400 MB). The first two"
    echo "rows are the floor under the small jobs on this machine: starting an empty process (\`/bin/true\`)"
    echo "and cpr-stats starting and stopping (\`--version\`); a small job cannot take less."
    echo "The goal and \"met\" columns judge the wall time (what the issue measures). Two more columns"
    echo "say where a small job's wall time goes: \"above floor\" = median over the runs of (the job's"
    echo "wall time - the wall time of a \`/bin/true\` run started just before it, timed the same way),"
    echo "i.e. what the program adds to an empty process on this machine; \"CPU\" = median user + system"
    echo "time of the job (all threads; wait4's rusage). Both are given for \`--threads 1\` / \`--threads 2\`."
    echo
    echo "| target | command | 1 thread s | 2 threads s | above floor s (1 / 2) | CPU s (1 / 2) | speed-up | peak MB (1 / 2) | peak / raw | load | goal | met (2 threads) |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"
    row() { # JOB DESC CMD GOAL TEST(awk on $t2 seconds, $r peak/raw)
        a=$(awk -F'\t' -v j="$1" '$1 == j && $2 == 1 && $3 != "failed"' "$WORK/threads.tsv")
        b=$(awk -F'\t' -v j="$1" '$1 == j && $2 == 2 && $3 != "failed"' "$WORK/threads.tsv")
        if [ -z "$a" ] || [ -z "$b" ]; then echo "| $2 | \`$3\` | failed | | | | | | | | $4 | no |"; return; fi
        # a "|" inside a cell (the formulas) would end it in a Markdown table
        c=$(printf '%s' "$3" | sed 's/|/\\\\|/g')
        echo "$a	$b" | awk -F'\t' -v d="$2" -v c="$c" -v g="$4" -v test="$5" -v bytes="${T7BYTES:-0}" '{
            t1 = $3; t2 = $15; p1 = $6; p2 = $18; raw = $7; load = $20
            c1 = $9; c2 = $21; a1 = $10; a2 = $22
            r = raw > 0 ? sprintf("%.2f", p2 * 1e6 / raw) : "-"
            mbs = bytes / 1e6 / t2
            ok = test == "le1.2mem" ? (t2 <= 1.2 && p2 * 1e6 <= 1.5 * raw) : test == "mbs" ? (mbs >= 800) : (t2 <= test + 0)
            extra = test == "mbs" ? sprintf(" (%.0f / %.0f MB/s)", bytes / 1e6 / t1, mbs) : ""
            printf "| %s | `%s` | %s | %s%s | %s / %s | %s / %s | %.2fx | %s / %s | %s | %s | %s | %s |\n", d, c, t1, t2, extra, a1, a2, c1, c2, t1 / t2, p1, p2, r, load, g, test == "none" ? "-" : ok ? "yes" : "no"
        }'
    }
    row fe1e7 "10^7-row two-way FE, clustered, default diagnostics" "regress --data panel_1e7.csv -f 'y ~ x1 + x2 | entity + year' --cluster entity" "<= 1.2 s, <= 1.5x raw" le1.2mem
    row load "CSV load, $(awk -v b="${T7BYTES:-0}" 'BEGIN { printf "%.0f MB", b / 1e6 }') (10^7 rows)" "describe --data panel_1e7.csv" ">= 800 MB/s" mbs
    row boot "wild bootstrap, 10^4 clusters, B = 9,999, 10^6 rows" "regress --data panel_1e6.csv ... --cluster entity --bootstrap 9999" "<= 1.5 s" 1.5
    row floor "process floor: an empty process, for scale (not cpr-stats)" "/bin/true" "-" none
    row version "cpr-stats start-up alone" "--version" "-" none
    row grunfeld "Grunfeld two-way FE, clustered" "regress --data grunfeld.csv -f 'inv ~ value + capital | firm + year' --bootstrap 0" "<= 0.002 s" 0.002
    row aid "bundled panel, default bootstrap" "regress aid poverty" "<= 0.02 s" 0.02
    # the small jobs in words: wall time, the floor under it, what is left
    echo
    for j in grunfeld aid; do
        awk -F'\t' -v j="$j" '$1 == j && $2 == 2 && $3 != "failed" {
            printf "%s, 2 threads: %.1f ms wall (median), of which an empty process (/bin/true, run before each) takes %.1f ms here; %.1f ms above that floor; %.1f ms CPU (/bin/true: %.1f ms).\n", j == "grunfeld" ? "Grunfeld" : "regress aid poverty", 1000 * $3, 1000 * $11, 1000 * $10, 1000 * $9, 1000 * $12 }' "$WORK/threads.tsv"
    done
} > "$OUT.threads"
if [ "$TONLY" = 1 ]; then cat "$OUT.threads" > "$OUT"; else cat "$OUT.main" > "$OUT"; echo >> "$OUT"; cat "$OUT.threads" >> "$OUT"; fi
rm -f "$OUT.main" "$OUT.threads"
cat "$OUT"
