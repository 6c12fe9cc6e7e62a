# wgi.awk - wb-wgi-2023 wgi_long.csv -> long records for every economy
# (all are needed for the group means; the pivot keeps the rows it wants).
BEGIN { spec_load(SPEC, "wgi:", code) }
FNR == 1 { n = csvsplit($0, h); for (i = 1; i <= n; i++) c[h[i]] = i; next }
{
    csvsplit($0, f)
    iso = f[c["iso3"]]; yr = f[c["year"]]; d = f[c["indicator"]]
    if ((d ":estimate") in code) emit(iso, yr, code[d ":estimate"], f[c["estimate"]])
    if ((d ":pct_rank") in code) emit(iso, yr, code[d ":pct_rank"], f[c["pct_rank"]])
}
