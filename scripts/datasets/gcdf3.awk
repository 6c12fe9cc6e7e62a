# gcdf3.awk - aiddata-gcdf3-country-year -> long records (verbatim, incl. the
# recorded=0 zero rows; countries absent from the file get nothing = missing).
BEGIN { spec_load(SPEC, "gcdf3:", code) }
FNR == 1 {
    n = csvsplit($0, h)
    for (i = 1; i <= n; i++) {
        if (h[i] == "iso3") ci = i
        if (h[i] == "year") cy = i
        if (h[i] in code) col[i] = code[h[i]]
    }
    next
}
{ csvsplit($0, f); for (i in col) emit(f[ci], f[cy], col[i], f[i]) }
