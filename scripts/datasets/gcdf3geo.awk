# gcdf3geo.awk - aiddata-gcdf3-geocoded-lac -> long records (issue 13).
# Usage: awk -f csv.awk -f gcdf3geo.awk -v SPEC=variables.psv coverage_country_year.csv country_year_group.csv
# PARTIAL variables: the geocoded subset of GCDF 3.0 (41% of LAC amounts).
# Amounts in US$ million (constant 2021, exact decimal shift). For the 29
# countries x 2000-2021 of the coverage file, a group with no geocoded project
# is 0; projects of unknown amount count as 0 (their number is g3p_n_unknown).
# Coverage = share_of_total_adj (empty where GCDF 3.0 records nothing).
BEGIN { spec_load(SPEC, "g3geo:", code) }
FNR == 1 { nfile++; n = csvsplit($0, h); delete c; for (i = 1; i <= n; i++) c[h[i]] = i; next }
nfile == 1 {
    csvsplit($0, f)
    iso = f[c["iso3"]]; y = f[c["year"]]
    cy[iso SUBSEP y] = 1
    if ("_cover" in code) emit(iso, y, code["_cover"], f[c["share_of_total_adj"]])
    next
}
{
    csvsplit($0, f)
    k = f[c["dimension"]] "/" f[c["group"]]
    key = f[c["iso3"]] SUBSEP f[c["year"]]
    if (k in code) amt[key, k] = f[c["amount_usd2021"]] == "" ? "0" : to_million(f[c["amount_usd2021"]])
    if (f[c["dimension"]] == "sector_group")
        unk[key] += f[c["n_projects"]] - f[c["n_projects_with_amount"]]
}
END {
    for (key in cy) {
        split(key, p, SUBSEP)
        for (k in code) {
            if (k ~ /^_/) continue
            emit(p[1], p[2], code[k], ((key, k) in amt) ? amt[key, k] : "0")
        }
        if ("_nunknown" in code) emit(p[1], p[2], code["_nunknown"], unk[key] + 0)
    }
}
