# SDMX-CSV (REF_AREA, TIME_PERIOD, OBS_VALUE): the varying dimension names the variables
args: describe --data $ROOT/tests/data/formats/sdmx_wdi.csv
exit: 0
stdout-match: ^Panel: +5 entities \(REF_AREA\), 5 periods \(TIME_PERIOD 2010-2014\), 25 rows
stdout-match: ^SI_POV_GINI +19 +2010 +2014 +41.1 +48.9526 +54.4$
stdout-match: ^SL_UEM_TOTL_ZS +25 +2010 +2014 +4.819 +7.3624 +11.153$
stderr-match: SDMX-CSV layout
