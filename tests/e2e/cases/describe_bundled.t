# describe without --data describes the bundled panel
args: describe --vars poverty,aid
exit: 0
stdout-match: ^Panel: +34 entities \(iso3\), 36 periods \(year 1990-2025\), 1224 rows$
stdout-match: ^poverty +486 +1990 +2025
stdout-match: ^aid +638 +2000 +2021
