# vdem.awk - vdem-v12-demspaces -> long records, keyed by vdem_country_text_id
# (equal to ISO3 for every LAC country and CHN). -v KEEP="ISO ISO ..." limits the rows.
BEGIN { spec_load(SPEC, "vdem:", code); nk = split(KEEP, k, " "); for (i = 1; i <= nk; i++) keep[k[i]] = 1 }
FNR == 1 { n = csvsplit($0, h); for (i = 1; i <= n; i++) if (h[i] in code) col[i] = code[h[i]]; next }
{
    csvsplit($0, f)
    iso = f[3]; yr = f[4]
    if (!(iso in keep)) next
    for (i in col) if (f[i] != "NA") emit(iso, yr, col[i], f[i])
}
