# --years and --countries select the sample
args: describe --years 2000-2010 --countries ARG,BRA --vars poverty
exit: 0
stdout-match: ^Panel: +2 entities \(iso3\), 11 periods \(year 2000-2010\), 22 rows$
stdout-match: ^poverty +20 +2000 +2010 +1.5 +9.3 +17.5$
