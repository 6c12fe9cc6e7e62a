# derive.awk - computed variables, from the long file built by the other scripts.
# Usage: awk -f csv.awk -f derive.awk -v LAC33="ARG ATG ..." wgi_country_groups.csv long.tsv
# Prints new long records only. Every computed number is printed with %.10g.
# Sums run over countries in the fixed order of LAC33 / the groups file, so the
# result does not depend on awk's hash order.

function has(i, y, v) { return ((i SUBSEP y SUBSEP v) in val) }
function g(i, y, v)   { return val[i SUBSEP y SUBSEP v] + 0 }
function put(i, y, v, x,    s) {
    if (x == 0) x = 0                     # no "-0"
    s = sprintf("%.10g", x)
    val[i SUBSEP y SUBSEP v] = s
    if (!((i SUBSEP y) in key)) { key[i SUBSEP y] = 1 }
    printf "%s\t%s\t%s\t%s\n", i, y, v, s
}

FNR == 1 { nfile++ }
nfile == 1 {                              # wgi_country_groups.csv
    if (FNR == 1) { n = csvsplit($0, h); for (i = 1; i <= n; i++) c[h[i]] = i; next }
    csvsplit($0, f)
    iso = f[c["iso3"]]
    if (f[c["eclac_lac33"]] == "1")                   grp["LAC33", ++gn["LAC33"]] = iso
    if (f[c["wb_region_2017"]] == "Sub-Saharan Africa") grp["SSF", ++gn["SSF"]] = iso
    if (f[c["oecd_member_2023"]] == "1")              grp["OED", ++gn["OED"]] = iso
    next
}
{                                         # long.tsv: iso3 \t year \t var \t value
    split($0, f, "\t")
    if (f[2] == "#name") next
    val[f[1] SUBSEP f[2] SUBSEP f[3]] = f[4]
    key[f[1] SUBSEP f[2]] = 1
    y = f[2] + 0
    if (ymin == "" || y < ymin) ymin = y
    if (ymax == "" || y > ymax) ymax = y
}

END {
    nl = split(LAC33, lac, " ")
    if (nl != 33 || gn["LAC33"] != 33) { print "derive.awk: LAC33 list is not 33 countries" > "/dev/stderr"; exit 2 }
    if (gn["SSF"] != 48 || gn["OED"] != 38) { print "derive.awk: unexpected SSA/OECD group sizes " gn["SSF"] " " gn["OED"] > "/dev/stderr"; exit 2 }
    printf "LAC33\t#name\tLatin America and the Caribbean: 33 ECLAC member states (project aggregate)\n"

    # --- LAC33 sums (aggregates.csv)
    for (y = ymin; y <= ymax; y++) {
        nc = 0; sc = 0; scb = 0; sgb = 0; ncb = 0
        nm = 0; smx = 0; smm = 0; hx = 0; hm = 0
        nr = 0; srx = 0; srm = 0; rx = 0; rm = 0
        for (j = 1; j <= nl; j++) {
            i = lac[j]
            if (has(i, y, "cab")) {
                nc++; sc += g(i, y, "cab")
                if (has(i, y, "gdp")) { ncb++; scb += g(i, y, "cab"); sgb += g(i, y, "gdp") }
            }
            if (has(i, y, "x_chn_mirror") || has(i, y, "m_chn_mirror")) nm++
            if (has(i, y, "x_chn_mirror")) { hx = 1; smx += g(i, y, "x_chn_mirror") }
            if (has(i, y, "m_chn_mirror")) { hm = 1; smm += g(i, y, "m_chn_mirror") }
            if (has(i, y, "x_chn_rep") || has(i, y, "m_chn_rep")) nr++
            if (has(i, y, "x_chn_rep")) { rx = 1; srx += g(i, y, "x_chn_rep") }
            if (has(i, y, "m_chn_rep")) { rm = 1; srm += g(i, y, "m_chn_rep") }
        }
        if (nc) { put("LAC33", y, "cab", sc); put("LAC33", y, "cab_n", nc) }
        if (ncb && sgb > 0) put("LAC33", y, "cab_gdp", 100 * scb / sgb)
        if (hx) put("LAC33", y, "x_chn_mirror", smx)
        if (hm) put("LAC33", y, "m_chn_mirror", smm)
        if (nm) put("LAC33", y, "dots_mirror_n", nm)
        if (rx) put("LAC33", y, "x_chn_rep", srx)
        if (rm) put("LAC33", y, "m_chn_rep", srm)
        if (nr) put("LAC33", y, "dots_rep_n", nr)
    }

    # --- WGI unweighted group means of percentile ranks (aggregates.csv)
    nd = split("va pv ge rq rl cc", dim, " ")
    ng = split("LAC33 SSF OED", grps, " ")
    for (y = ymin; y <= ymax; y++)
        for (q = 1; q <= ng; q++) {
            gr = grps[q]; all6 = 1; s6 = 0
            for (d = 1; d <= nd; d++) {
                v = "wgi_" dim[d] "_pct"; s = 0; n = 0
                for (j = 1; j <= gn[gr]; j++)
                    if (has(grp[gr, j], y, v)) { n++; s += g(grp[gr, j], y, v) }
                if (n) { put(gr, y, v "_mean", s / n); s6 += s / n } else all6 = 0
                if (dim[d] == "ge" && n) put(gr, y, "wgi_n", n)
            }
            if (all6) put(gr, y, "wgi_pct_mean6", s6 / nd)
        }

    # --- GDP in constant 2021 US$ (gdp_k21): the 2021 current-US$ GDP carried
    # to other years by WDI real growth (NY.GDP.MKTP.KD.ZG), i.e. a volume
    # index in 2021 prices and exchange rates. The Chinese finance amounts are
    # constant 2021 US$, so the *_gdp ratios divide like by like (issue 13).
    # No 2021 GDP, or a gap in the growth series, leaves the year empty.
    ne = 0
    for (k in key) { split(k, p, SUBSEP); if (!(p[1] in seen)) { seen[p[1]] = 1; ents[++ne] = p[1] } }
    for (e = 1; e <= ne; e++) {
        i = ents[e]
        if (!has(i, 2021, "gdp")) continue
        k21[i, 2021] = g(i, 2021, "gdp")
        for (y = 2020; y >= ymin; y--) {
            if (!has(i, y + 1, "gdp_growth")) break
            k21[i, y] = k21[i, y + 1] / (1 + g(i, y + 1, "gdp_growth") / 100)
        }
        for (y = 2022; y <= ymax; y++) {
            if (!has(i, y, "gdp_growth")) break
            k21[i, y] = k21[i, y - 1] * (1 + g(i, y, "gdp_growth") / 100)
        }
        for (y = ymin; y <= ymax; y++) if ((i, y) in k21) put(i, y, "gdp_k21", k21[i, y])
    }

    # --- per country-year (and per aggregate-year) transforms
    # aid, oof, vof, cn_total are US$ million (constant 2021); per-capita forms
    # are US$ per person (constant 2021); *_gdp divides by gdp_k21.
    nb = split("aid oof vof cn_total", base, " ")
    nk = 0
    for (k in key) keys[++nk] = k
    for (q = 1; q <= nk; q++) {
        k = keys[q]
        split(k, p, SUBSEP); i = p[1]; y = p[2]
        pop = has(i, y, "pop") ? g(i, y, "pop") : 0
        gdp = has(i, y, "gdp") ? g(i, y, "gdp") : 0
        for (b = 1; b <= nb; b++) {
            v = base[b]
            if (!has(i, y, v)) continue
            usd = 1e6 * g(i, y, v)
            if (pop > 0) {
                pc = usd / pop
                put(i, y, v "_pc", pc)
                put(i, y, "log_" v, log(1 + pc))
            }
            put(i, y, "log_" v "_usd", log(1 + usd))
            if (has(i, y, "gdp_k21") && g(i, y, "gdp_k21") > 0)
                put(i, y, v "_gdp", 100 * usd / g(i, y, "gdp_k21"))
        }
        if (gdp > 0) {
            if (has(i, y, "fdi"))   put(i, y, "fdi_gdp",   100 * g(i, y, "fdi") / gdp)
            if (has(i, y, "remit")) put(i, y, "remit_gdp", 100 * g(i, y, "remit") / gdp)
            if (has(i, y, "cab") && i != "LAC33") put(i, y, "cab_gdp", 100 * g(i, y, "cab") / gdp)
        }
        if (has(i, y, "exports_gdp") && has(i, y, "imports_gdp"))
            put(i, y, "trade_open", g(i, y, "exports_gdp") + g(i, y, "imports_gdp"))
        if (has(i, y, "x_chn_rep") && has(i, y, "m_chn_rep"))
            put(i, y, "trade_chn_rep", g(i, y, "x_chn_rep") + g(i, y, "m_chn_rep"))
        if (has(i, y, "x_chn_mirror") && has(i, y, "m_chn_mirror")) {
            put(i, y, "trade_chn_mirror", g(i, y, "x_chn_mirror") + g(i, y, "m_chn_mirror"))
            put(i, y, "bal_chn_mirror",   g(i, y, "x_chn_mirror") - g(i, y, "m_chn_mirror"))
        }
        if (has(i, y, "x_chn_rep") && g(i, y, "x_wld_rep") > 0)
            put(i, y, "chn_share_x", 100 * g(i, y, "x_chn_rep") / g(i, y, "x_wld_rep"))
        if (has(i, y, "m_chn_rep") && g(i, y, "m_wld_rep") > 0)
            put(i, y, "chn_share_m", 100 * g(i, y, "m_chn_rep") / g(i, y, "m_wld_rep"))
        if (has(i, y, "x_chn_rep") && has(i, y, "m_chn_rep") && has(i, y, "x_wld_rep") && has(i, y, "m_wld_rep") \
            && g(i, y, "x_wld_rep") + g(i, y, "m_wld_rep") > 0)
            put(i, y, "chn_share_trade", 100 * (g(i, y, "x_chn_rep") + g(i, y, "m_chn_rep")) / (g(i, y, "x_wld_rep") + g(i, y, "m_wld_rep")))
    }
}
