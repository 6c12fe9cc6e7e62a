# pivot.awk - long records -> one wide CSV.
# Usage: awk -f csv.awk -f pivot.awk -v SPEC=variables.psv -v FILE=lac_panel \
#            -v ROWS="ARG ATG ..." -v MINY=1990 -v BALANCED=1 long.tsv
# Columns: the rows of SPEC whose file is FILE, in order (iso3, country, year first).
# Rows: each code in ROWS (sorted here, LC_ALL=C order), years MINY..last year
# that has a value; BALANCED=1 keeps every year, BALANCED=0 drops empty rows.
# Conflicting duplicate values for one cell are an error.
BEGIN {
    while ((getline line < SPEC) > 0) {
        if (line ~ /^#/ || line == "") continue
        split(line, p, "|")
        if (p[1] != FILE) continue
        if (p[9] == "key") continue
        col[++ncol] = p[2]; want[p[2]] = 1
    }
    close(SPEC)
    nr = split(ROWS, r, " ")
    for (i = 1; i <= nr; i++) row[r[i]] = 1
    # insertion sort of the row codes (byte order)
    for (i = 2; i <= nr; i++) { t = r[i]; for (j = i - 1; j >= 1 && r[j] > t; j--) r[j + 1] = r[j]; r[j + 1] = t }
    maxy = 0
}
{
    split($0, f, "\t")
    if (!(f[1] in row)) next
    if (f[2] == "#name") { if (!(f[1] in nm)) nm[f[1]] = f[3]; next }
    y = f[2] + 0
    if (y < MINY || !(f[3] in want)) next
    k = f[1] SUBSEP y SUBSEP f[3]
    if (k in v) {
        if (v[k] != f[4]) { printf "pivot.awk: conflicting values for %s %d %s: %s vs %s\n", f[1], y, f[3], v[k], f[4] > "/dev/stderr"; bad = 1 }
        next
    }
    v[k] = f[4]; any[f[1] SUBSEP y] = 1
    if (y > maxy) maxy = y
}
END {
    if (bad) exit 1
    printf "iso3,country,year"
    for (j = 1; j <= ncol; j++) printf ",%s", col[j]
    printf "\n"
    for (i = 1; i <= nr; i++) {
        iso = r[i]
        for (y = MINY; y <= maxy; y++) {
            if (!BALANCED && !((iso SUBSEP y) in any)) continue
            line = iso "," csvq(nm[iso]) "," y
            for (j = 1; j <= ncol; j++) line = line "," v[iso SUBSEP y SUBSEP col[j]]
            print line
        }
    }
}
