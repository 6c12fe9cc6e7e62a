# gcdf3.awk - aiddata-gcdf3-country-year -> long records (incl. the recorded=0
# zero rows; countries absent from the file get nothing = missing).
# Amount columns (*_usd2021) are written in US$ million: the decimal point is
# moved six places in the source string (exact, no floating point), so
# `regress aid poverty` prints a readable coefficient (issue 13).
BEGIN { spec_load(SPEC, "gcdf3:", code) }
FNR == 1 {
    n = csvsplit($0, h)
    for (i = 1; i <= n; i++) {
        if (h[i] == "iso3") ci = i
        if (h[i] == "year") cy = i
        if (h[i] in code) { col[i] = code[h[i]]; mio[i] = (h[i] ~ /_usd2021$/) }
    }
    next
}
{
    csvsplit($0, f)
    for (i in col) emit(f[ci], f[cy], col[i], mio[i] ? to_million(f[i]) : f[i])
}
