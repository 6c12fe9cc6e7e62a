# wdi.awk - World Bank WDI long files -> long records.
# Usage: awk -f csv.awk -f wdi.awk -v SPEC=variables.psv wdi_lac_long.csv wdi_regional_extra_long.csv
# Columns of both inputs: iso3,country,indicator,year,value. Values are kept verbatim.
# A (iso3, indicator, year) already read from an earlier file is not read again
# (wb-wdi comes first; the regional extra file only adds what it lacks).
BEGIN {
    # Exact zeros in these GDP ratios are placeholders, not data (VEN 1991-2011
    # for all four; BRA before 1990 for industry): treated as missing.
    zero_na["NE.EXP.GNFS.ZS"] = zero_na["NE.IMP.GNFS.ZS"] = zero_na["NE.GDI.TOTL.ZS"] = zero_na["NV.IND.TOTL.ZS"] = 1
    if (spec_load(SPEC, "wdi:", code) == 0) { print "wdi.awk: no wdi: rows in spec" > "/dev/stderr"; exit 2 } }
FNR == 1 { nfile++; next }
{
    csvsplit($0, f)
    iso = f[1]; ind = f[3]; yr = f[4]; val = f[5]
    if (!(iso in named)) { named[iso] = 1; name(iso, f[2]) }
    if (!(ind in code)) next
    if ((ind in zero_na) && val != "" && val + 0 == 0) { nzero++; next }
    k = iso SUBSEP ind SUBSEP yr
    if (k in seen) {
        if (seen[k] + 0 != val + 0) ndiff++
        next
    }
    seen[k] = val
    emit(iso, yr, code[ind], val)
}
END {
    if (nzero) printf "wdi.awk: note: %d placeholder zeros in GDP ratios dropped\n", nzero > "/dev/stderr"
    if (ndiff) printf "wdi.awk: note: %d values in a later file differ from wb-wdi and were ignored\n", ndiff > "/dev/stderr" }
