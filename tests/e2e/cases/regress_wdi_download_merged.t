# regress on a WDI DataBank download merged with the bundled panel; numbers from R (tests/unit/oracle/wdi_merge_regress.R)
args: regress --data $ROOT/datasets/lac_panel.csv --data $ROOT/tests/data/formats/databank_wdi.csv -f 'SL_UEM_TOTL_ZS ~ gdp_growth + SI_POV_GINI' --se hc1
exit: 0
stdout-match: ^N: +19 
stdout-match: ^const +0.26764 +3.11521 
stdout-match: ^gdp_growth +0.121849 +0.0931162 +1.30857 +0.2092 
stdout-match: ^SI_POV_GINI +0.139595 +0.0625438 +2.23196 +0.04027 
stderr-match: merge: 2 files on \(iso3, year\)
