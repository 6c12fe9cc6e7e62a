# csv.awk - shared CSV helpers for the dataset build (POSIX awk; mawk and gawk).
# Records are assumed to have no embedded newlines (true of every source file).

# csvsplit(s, f): split one CSV record into f[1..n] (RFC 4180 quoting,
# "" inside quotes is a literal quote); strips a trailing CR; returns n.
function csvsplit(s, f,    n, c, i, len, fld, inq) {
    sub(/\r$/, "", s)
    if (index(s, "\"") == 0)
        return split(s, f, ",")
    n = 0; fld = ""; inq = 0; len = length(s)
    for (i = 1; i <= len; i++) {
        c = substr(s, i, 1)
        if (inq) {
            if (c == "\"") {
                if (substr(s, i + 1, 1) == "\"") { fld = fld "\""; i++ }
                else inq = 0
            } else fld = fld c
        } else if (c == "\"") inq = 1
        else if (c == ",") { f[++n] = fld; fld = "" }
        else fld = fld c
    }
    f[++n] = fld
    return n
}

# csvq(s): quote a field for CSV output when it needs it.
function csvq(s,    t) {
    if (s ~ /[",\r\n]/) { t = s; gsub(/"/, "\"\"", t); return "\"" t "\"" }
    return s
}

# emit(iso3, year, var, value): one record of the long intermediate file
# (tab-separated; values are kept as the source's decimal strings).
function emit(iso, yr, v, val) {
    if (val == "") return
    printf "%s\t%s\t%s\t%s\n", iso, yr, v, val
}

# name(iso3, country): remember a display name for a key.
function name(iso, cty) {
    printf "%s\t#name\t%s\n", iso, cty
}

# spec_load(file, prefix, map): read variables.psv; for every row whose
# extraction key starts with prefix, map[rest-of-key] = variable name.
# Rows repeat across output files; the mapping is the same.
function spec_load(file, prefix, map,    line, p, n, k) {
    n = 0
    while ((getline line < file) > 0) {
        if (line ~ /^#/ || line == "") continue
        split(line, p, "|")
        k = p[9]
        if (substr(k, 1, length(prefix)) == prefix) {
            map[substr(k, length(prefix) + 1)] = p[2]; n++
        }
    }
    close(file)
    return n
}

# to_million(s): a non-negative decimal string divided by 10^6, exactly, as a
# decimal string ("154894997.61" -> "154.89499761", "0.00" -> "0"). Empty stays
# empty; anything else (sign, exponent) is refused so no value is silently wrong.
function to_million(s,    ip, fp, p, r) {
    if (s == "") return ""
    if (s !~ /^[0-9]+(\.[0-9]*)?$/) {
        print "csv.awk: to_million: not a plain decimal: " s > "/dev/stderr"; exit 2
    }
    p = index(s, ".")
    if (p) { ip = substr(s, 1, p - 1); fp = substr(s, p + 1) } else { ip = s; fp = "" }
    while (length(ip) < 7) ip = "0" ip
    fp = substr(ip, length(ip) - 5) fp
    ip = substr(ip, 1, length(ip) - 6)
    sub(/^0+/, "", ip); if (ip == "") ip = "0"
    sub(/0+$/, "", fp)
    r = (fp == "") ? ip : ip "." fp
    return r
}
