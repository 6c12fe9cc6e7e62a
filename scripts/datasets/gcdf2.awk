# gcdf2.awk - aiddata-gcdf2-geocoded-lac country_year_sector file -> long records.
# Sums amount_usd2017 and n_projects over flow classes per iso3 x year x sector
# group. Every country in the file gets a value for every year 2000-2017
# (0.00 where it has no geocoded project); others stay missing.
# Output format: printf "%.2f" for amounts (the source has cents), "%d" for counts.
BEGIN { spec_load(SPEC, "gcdf2:", code); Y0 = 2000; Y1 = 2017 }
FNR == 1 {
    n = csvsplit($0, h)
    for (i = 1; i <= n; i++) c[h[i]] = i
    next
}
{
    csvsplit($0, f)
    iso = f[c["iso3"]]; yr = f[c["commitment_year"]] + 0; g = f[c["sector_group"]]
    if (yr < Y0 || yr > Y1) { print "gcdf2.awk: year out of range: " yr > "/dev/stderr"; exit 2 }
    if (!(g in code)) { print "gcdf2.awk: unknown sector group: " g > "/dev/stderr"; exit 2 }
    if (!(iso in isset)) { isset[iso] = 1; isos[++niso] = iso }
    amt[iso, yr, g] += f[c["amount_usd2017"]]
    amt[iso, yr, "_total"] += f[c["amount_usd2017"]]
    np[iso, yr] += f[c["n_projects"]]
}
END {
    for (i = 1; i <= niso; i++)
        for (y = Y0; y <= Y1; y++) {
            for (g in code) {
                if (g == "_nproj") emit(isos[i], y, code[g], sprintf("%d", np[isos[i], y] + 0))
                else emit(isos[i], y, code[g], sprintf("%.2f", amt[isos[i], y, g] + 0))
            }
        }
}
