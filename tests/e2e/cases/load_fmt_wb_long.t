# DataBank long layout: Country Code, Series Code, Time, Value; several series become several variables
args: describe --data $ROOT/tests/data/formats/databank_long.csv
exit: 0
stdout-match: ^Panel: +5 entities \(Country Code\), 5 periods \(Time 2010-2014\), 25 rows
stdout-match: ^SI_POV_GINI +19 +2010 +2014 +41.1 +48.9526 +54.4$
stdout-match: ^SL_UEM_TOTL_ZS +25 +2010 +2014 +4.819 +7.3624 +11.153$
stderr-match: World Bank long layout
