# cpi_map.awk - name -> ISO3 map for the TI CPI verbatim file (names only; no CPI values).
# Usage: awk -f csv.awk -f cpi_map.awk wgi_country_groups.csv cpi_2012_2018_owid.csv
# Output: entity,iso3,eclac_lac33 - one row per distinct CPI Entity, sorted by entity.
# Names are matched to the World Bank names in wgi_country_groups.csv; the
# table below covers the spellings that differ. An unmatched name is an error.
BEGIN {
    fix["Bahamas"] = "BHS"; fix["Brunei"] = "BRN"; fix["Cape Verde"] = "CPV"
    fix["Congo"] = "COG"; fix["Democratic Republic of Congo"] = "COD"
    fix["Czech Republic"] = "CZE"; fix["Egypt"] = "EGY"; fix["Gambia"] = "GMB"
    fix["Hong Kong"] = "HKG"; fix["Iran"] = "IRN"; fix["Kyrgyzstan"] = "KGZ"
    fix["Laos"] = "LAO"; fix["Macedonia"] = "MKD"; fix["North Korea"] = "PRK"
    fix["Russia"] = "RUS"; fix["Saint Lucia"] = "LCA"
    fix["Saint Vincent and the Grenadines"] = "VCT"; fix["Slovakia"] = "SVK"
    fix["South Korea"] = "KOR"; fix["Swaziland"] = "SWZ"; fix["Syria"] = "SYR"
    fix["Taiwan"] = "TWN"; fix["Timor"] = "TLS"; fix["Turkey"] = "TUR"
    fix["Venezuela"] = "VEN"; fix["Yemen"] = "YEM"
}
FNR == 1 { nfile++; next }
nfile == 1 { csvsplit($0, f); iso[f[2]] = f[1]; lac[f[1]] = f[6]; next }
{
    csvsplit($0, f); e = f[1]
    if (e in done) next
    done[e] = 1
    if (e in fix) c = fix[e]; else if (e in iso) c = iso[e]; else { print "cpi_map.awk: no ISO3 for " e > "/dev/stderr"; bad = 1; next }
    out[++n] = csvq(e) "," c "," (lac[c] == "1" ? 1 : 0)
}
END {
    if (bad) exit 1
    for (i = 2; i <= n; i++) { t = out[i]; for (j = i - 1; j >= 1 && out[j] > t; j--) out[j + 1] = out[j]; out[j + 1] = t }
    print "entity,iso3,eclac_lac33"
    for (i = 1; i <= n; i++) print out[i]
}
