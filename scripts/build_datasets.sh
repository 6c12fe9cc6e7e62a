#!/bin/sh
# build_datasets.sh - rebuild every generated file in datasets/ from the raw
# sources (issue 3). POSIX sh + awk only; no network; deterministic.
#
#   sh scripts/build_datasets.sh
#
# Environment:
#   CPR_SOURCES       raw sources (default datasets/sources)
#   CPR_DATASETS_OUT  output directory (default datasets)
#   AWK               awk to use (default awk; tested with mawk)
# Relative paths are taken relative to the repository root.
#
# Generated: lac_panel.csv, aggregates.csv, catalogue.csv, cpi_iso3_map.csv,
# verbatim/ti_cpi_2012_2018_owid.csv. README.md and SOURCES.md are hand-written.
set -eu
LC_ALL=C
export LC_ALL

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
SRC=${CPR_SOURCES:-datasets/sources}
OUT=${CPR_DATASETS_OUT:-datasets}
AWK=${AWK:-awk}
H=scripts/datasets
SPEC=$H/variables.psv

# The 33 ECLAC member states; CHN is added to the panel as a comparator row.
LAC33="ARG ATG BHS BLZ BOL BRA BRB CHL COL CRI CUB DMA DOM ECU GRD GTM GUY HND HTI JAM KNA LCA MEX NIC PAN PER PRY SLV SUR TTO URY VCT VEN"
PANEL_ROWS="$LAC33 CHN"
# Aggregates: World Bank aggregate codes present in wb-wdi / wb-wdi-regional-extra,
# CHN, and the project's LAC33 and IMF's WHEM.
AGG_ROWS="ARB CHN EAS ECS HIC LAC LAC33 LCN LIC LMC LMY MEA MNA NAC OED SAS SSA SSF TLA UMC WHEM WLD"

need() { [ -r "$SRC/$1" ] || { echo "build_datasets: missing source file $SRC/$1" >&2; exit 1; }; }
for f in wb-wdi/wdi_lac_long.csv wb-wdi-regional-extra/wdi_regional_extra_long.csv \
         wb-wdi-poverty-lines-2025/wb_poverty_lines_lac.csv owid-pip-2022/pip_2017ppp_lac.csv \
         aiddata-gcdf3-country-year/gcdf3_lac_country_year.csv \
         aiddata-gcdf2-geocoded-lac/gcdf2_geocoded_lac_country_year_sector.csv \
         aiddata-gcdf3-geocoded-lac/gcdf3_geocoded_lac_country_year_group.csv \
         aiddata-gcdf3-geocoded-lac/gcdf3_geocoded_lac_coverage_country_year.csv \
         imf-dots-china-lac/dots_china_lac_trade.csv wb-wgi-2023/wgi_long.csv \
         wb-wgi-2023/wgi_country_groups.csv vdem-v12-demspaces/vdem_v12_governance_country_year.csv \
         ti-cpi-owid-2018/cpi_2012_2018_owid.csv; do
    need "$f"
done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/cpr-datasets.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
A() { $AWK -f $H/csv.awk "$@"; }

# 1. long records: iso3 <TAB> year <TAB> variable <TAB> value (source strings kept)
{
    A -f $H/wdi.awk   -v SPEC=$SPEC "$SRC/wb-wdi/wdi_lac_long.csv" "$SRC/wb-wdi-regional-extra/wdi_regional_extra_long.csv"
    A -f $H/pl.awk    -v SPEC=$SPEC "$SRC/wb-wdi-poverty-lines-2025/wb_poverty_lines_lac.csv"
    A -f $H/pip.awk   -v SPEC=$SPEC "$SRC/owid-pip-2022/pip_2017ppp_lac.csv"
    A -f $H/gcdf3.awk -v SPEC=$SPEC "$SRC/aiddata-gcdf3-country-year/gcdf3_lac_country_year.csv"
    A -f $H/gcdf2.awk -v SPEC=$SPEC "$SRC/aiddata-gcdf2-geocoded-lac/gcdf2_geocoded_lac_country_year_sector.csv"
    A -f $H/gcdf3geo.awk -v SPEC=$SPEC "$SRC/aiddata-gcdf3-geocoded-lac/gcdf3_geocoded_lac_coverage_country_year.csv" \
        "$SRC/aiddata-gcdf3-geocoded-lac/gcdf3_geocoded_lac_country_year_group.csv"
    A -f $H/dots.awk  -v SPEC=$SPEC "$SRC/imf-dots-china-lac/dots_china_lac_trade.csv"
    A -f $H/wgi.awk   -v SPEC=$SPEC "$SRC/wb-wgi-2023/wgi_long.csv"
    A -f $H/vdem.awk  -v SPEC=$SPEC -v KEEP="$PANEL_ROWS" "$SRC/vdem-v12-demspaces/vdem_v12_governance_country_year.csv"
} > "$TMP/long.tsv"

# 2. computed variables (per capita, % of GDP, logs, trade sums, group means)
A -f $H/derive.awk -v LAC33="$LAC33" "$SRC/wb-wgi-2023/wgi_country_groups.csv" "$TMP/long.tsv" > "$TMP/derived.tsv"
cat "$TMP/derived.tsv" >> "$TMP/long.tsv"

# 3. wide files + catalogue
A -f $H/pivot.awk -v SPEC=$SPEC -v FILE=lac_panel  -v ROWS="$PANEL_ROWS" -v MINY=1990 -v BALANCED=1 "$TMP/long.tsv" > "$TMP/lac_panel.csv"
A -f $H/pivot.awk -v SPEC=$SPEC -v FILE=aggregates -v ROWS="$AGG_ROWS"   -v MINY=1990 -v BALANCED=0 "$TMP/long.tsv" > "$TMP/aggregates.csv"
A -f $H/catalogue.awk "$SPEC" > "$TMP/catalogue.csv"

# 4. TI CPI (CC BY-ND 4.0): shipped byte-for-byte, never merged; plus our name->ISO3 map
A -f $H/cpi_map.awk "$SRC/wb-wgi-2023/wgi_country_groups.csv" "$SRC/ti-cpi-owid-2018/cpi_2012_2018_owid.csv" > "$TMP/cpi_iso3_map.csv"

mkdir -p "$OUT/verbatim"
for f in lac_panel.csv aggregates.csv catalogue.csv cpi_iso3_map.csv; do
    mv "$TMP/$f" "$OUT/$f"
done
rm -f "$OUT/verbatim/ti_cpi_2012_2018_owid.csv"
cat "$SRC/ti-cpi-owid-2018/cpi_2012_2018_owid.csv" > "$OUT/verbatim/ti_cpi_2012_2018_owid.csv"
cmp -s "$SRC/ti-cpi-owid-2018/cpi_2012_2018_owid.csv" "$OUT/verbatim/ti_cpi_2012_2018_owid.csv"
echo "build_datasets: wrote $OUT (lac_panel $(($(wc -l < "$OUT/lac_panel.csv") - 1)) rows, aggregates $(($(wc -l < "$OUT/aggregates.csv") - 1)) rows)" >&2
