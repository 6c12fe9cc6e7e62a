# pip.awk - owid-pip-2022 pip_2017ppp_lac.csv -> long records.
# Keeps national rows only (Entity without " - "), except that Argentina's only
# series, "Argentina - urban", stands for ARG (the World Bank does the same in WDI).
# Regional rows: LCN_PIP -> LCN, World -> WLD.
BEGIN { spec_load(SPEC, "pip:", code) }
FNR == 1 {
    n = csvsplit($0, h)
    for (i = 1; i <= n; i++) if (h[i] in code) col[i] = code[h[i]]
    next
}
{
    csvsplit($0, f)
    iso = f[1]; ent = f[2]; yr = f[3]
    if (index(ent, " - ") && ent != "Argentina - urban") next
    if (iso == "LCN_PIP") iso = "LCN"
    for (i in col) emit(iso, yr, col[i], f[i])
}
