#!/bin/sh
# Rebuild the format fixtures from the project's own WDI extract
# (datasets/sources/wb-wdi/wdi_lac_long.csv, values kept as the source's
# strings) in the layouts the World Bank, SDMX services and spreadsheets
# write. Run from the repository root: sh tests/data/formats/make_fixtures.sh
# The .dta/.sav files come from R's haven (commands in README.md).
set -eu
LC_ALL=C; export LC_ALL
D=tests/data/formats
SRC=datasets/sources/wb-wdi/wdi_lac_long.csv
# iso3 <TAB> country <TAB> code <TAB> year <TAB> value for the cells used.
awk -F, '{ sub(/\r$/, "") } $1 ~ /^(ARG|BRA|CHL|COL|MEX)$/ && ($3 == "SI.POV.GINI" || $3 == "SL.UEM.TOTL.ZS") && $4 >= 2010 && $4 <= 2014 {
    print $1 "\t" $2 "\t" $3 "\t" $4 "\t" $5 }' "$SRC" > "$D/cells.tsv"
# One awk for every layout: v[c,s,y] = value string.
gen() {
    awk -F'\t' -v LAYOUT="$1" '
    BEGIN { nc = split("ARG BRA CHL COL MEX", C, " "); ns = split("SI.POV.GINI SL.UEM.TOTL.ZS", S, " ")
            N["SI.POV.GINI"] = "Gini index"; N["SL.UEM.TOTL.ZS"] = "Unemployment, total (% of total labor force) (modeled ILO estimate)" }
    { v[$1, $3, $4] = $5; name[$1] = $2 }
    END {
        if (LAYOUT == "databank") {
            printf "\"Country Name\",\"Country Code\",\"Series Name\",\"Series Code\""
            for (y = 2010; y <= 2014; y++) printf ",\"%d [YR%d]\"", y, y
            printf "\r\n"
            for (i = 1; i <= nc; i++) for (j = 1; j <= ns; j++) {
                printf "\"%s\",\"%s\",\"%s\",\"%s\"", name[C[i]], C[i], N[S[j]], S[j]
                for (y = 2010; y <= 2014; y++) printf ",\"%s\"", ((C[i], S[j], y) in v) ? v[C[i], S[j], y] : ".."
                printf "\r\n"
            }
            printf "\r\n\r\n\"Data from database: World Development Indicators\"\r\n\"Last Updated: 12/16/2024\"\r\n"
        } else if (LAYOUT == "bulk") {
            printf "\357\273\277\"Data Source\",\"World Development Indicators\",\n\n\"Last Updated Date\",\"2024-12-16\",\n\n"
            printf "\"Country Name\",\"Country Code\",\"Indicator Name\",\"Indicator Code\""
            for (y = 2010; y <= 2014; y++) printf ",\"%d\"", y
            printf ",\n"
            for (i = 1; i <= nc; i++) {
                printf "\"%s\",\"%s\",\"%s\",\"%s\"", name[C[i]], C[i], N["SI.POV.GINI"], "SI.POV.GINI"
                for (y = 2010; y <= 2014; y++) printf ",\"%s\"", ((C[i], "SI.POV.GINI", y) in v) ? v[C[i], "SI.POV.GINI", y] : ""
                printf ",\n"
            }
        } else if (LAYOUT == "long") {
            print "Country Name,Country Code,Series Name,Series Code,Time,Time Code,Value"
            for (i = 1; i <= nc; i++) for (j = 1; j <= ns; j++) for (y = 2010; y <= 2014; y++)
                printf "%s,%s,\"%s\",%s,%d,YR%d,%s\n", name[C[i]], C[i], N[S[j]], S[j], y, y, ((C[i], S[j], y) in v) ? v[C[i], S[j], y] : ".."
        } else if (LAYOUT == "sdmx") {
            print "DATAFLOW,REF_AREA,INDICATOR,FREQ,TIME_PERIOD,OBS_VALUE,UNIT_MULT,OBS_STATUS"
            for (j = 1; j <= ns; j++) for (i = 1; i <= nc; i++) for (y = 2010; y <= 2014; y++)
                if ((C[i], S[j], y) in v) { s = S[j]; gsub(/\./, "_", s); printf "WB:WDI(1.0),%s,%s,A,%d,%s,0,\n", C[i], s, y, v[C[i], S[j], y] }
        } else if (LAYOUT == "comma") {
            print "iso3;year;gini;unemployment"
            for (i = 1; i <= nc; i++) for (y = 2010; y <= 2014; y++) {
                g = ((C[i], "SI.POV.GINI", y) in v) ? v[C[i], "SI.POV.GINI", y] : ""
                u = ((C[i], "SL.UEM.TOTL.ZS", y) in v) ? v[C[i], "SL.UEM.TOTL.ZS", y] : ""
                sub(/\./, ",", g); sub(/\./, ",", u)
                printf "%s;%d;%s;%s\n", C[i], y, g, u
            }
        } else if (LAYOUT == "plain") {
            print "iso3,country,year,gini,unemployment"
            for (i = 1; i <= nc; i++) for (y = 2010; y <= 2014; y++)
                printf "%s,%s,%d,%s,%s\n", C[i], name[C[i]], y, ((C[i], "SI.POV.GINI", y) in v) ? v[C[i], "SI.POV.GINI", y] : "", ((C[i], "SL.UEM.TOTL.ZS", y) in v) ? v[C[i], "SL.UEM.TOTL.ZS", y] : ""
        }
    }' "$D/cells.tsv"
}
gen databank > "$D/databank_wdi.csv"
gen bulk > "$D/API_SI.POV.GINI_DS2_en_csv_v2.csv"
gen long > "$D/databank_long.csv"
gen sdmx > "$D/sdmx_wdi.csv"
gen comma > "$D/decimal_comma.csv"
gen plain > "$D/plain.csv"
gzip -n -9 -c "$D/API_SI.POV.GINI_DS2_en_csv_v2.csv" > "$D/API_SI.POV.GINI_DS2_en_csv_v2.csv.gz"
