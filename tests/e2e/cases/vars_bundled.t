# vars prints the catalogue of the bundled data with units and sources
args: vars poverty
exit: 0
stdout-match: ^poverty +% of population +World Bank WDI.*\$3.00 a day \(2021 PPP\)$
