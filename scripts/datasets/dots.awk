# dots.awk - imf-dots-china-lac -> long records (US$ million, verbatim).
# reporter = LAC country, partner P in CHN/WLD/HKG: dots:rep:P:x = exports, dots:rep:P:m = imports.
# reporter = CHN, partner = LAC country or WHEM: the mirror view from the partner's side:
#   dots:mir:x = China's imports from the partner, dots:mir:m = China's exports to it.
# IMF-estimate flags ("e") are dropped; empty values are missing.
BEGIN { spec_load(SPEC, "dots:", code) }
FNR == 1 { next }
{
    csvsplit($0, f)
    rep = f[1]; par = f[2]; yr = f[4]; ex = f[5]; im = f[7]
    if (rep == "CHN") {
        if (par == "WLD") next
        if (par == "WHEM") name("WHEM", "IMF Western Hemisphere (emerging and developing)")
        if ("mir:x" in code) emit(par, yr, code["mir:x"], im)
        if ("mir:m" in code) emit(par, yr, code["mir:m"], ex)
    } else {
        if (("rep:" par ":x") in code) emit(rep, yr, code["rep:" par ":x"], ex)
        if (("rep:" par ":m") in code) emit(rep, yr, code["rep:" par ":m"], im)
    }
}
