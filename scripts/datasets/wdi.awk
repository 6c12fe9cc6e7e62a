# wdi.awk - World Bank WDI long files -> long records.
# Usage: awk -f csv.awk -f wdi.awk -v SPEC=variables.psv wdi_lac_long.csv wdi_regional_extra_long.csv
# Columns of both inputs: iso3,country,indicator,year,value. Values are kept verbatim.
# A (iso3, indicator, year) already read from an earlier file is not read again
# (wb-wdi comes first; the regional extra file only adds what it lacks).
BEGIN { if (spec_load(SPEC, "wdi:", code) == 0) { print "wdi.awk: no wdi: rows in spec" > "/dev/stderr"; exit 2 } }
FNR == 1 { nfile++; next }
{
    csvsplit($0, f)
    iso = f[1]; ind = f[3]; yr = f[4]; val = f[5]
    if (!(iso in named)) { named[iso] = 1; name(iso, f[2]) }
    if (!(ind in code)) next
    k = iso SUBSEP ind SUBSEP yr
    if (k in seen) {
        if (seen[k] + 0 != val + 0) ndiff++
        next
    }
    seen[k] = val
    emit(iso, yr, code[ind], val)
}
END { if (ndiff) printf "wdi.awk: note: %d values in a later file differ from wb-wdi and were ignored\n", ndiff > "/dev/stderr" }
