# long layout (iso3, country, indicator, year, value) is pivoted to wide
args: describe --data $IN
exit: 0
stdout-match: ^Panel: +2 entities \(iso3\), 2 periods \(year 2000-2001\), 3 rows$
stdout-match: ^NY.GDP.PCAP.CD +3 +2000 +2001 +10 +20 +30$
stdout-match: ^SP.POP.TOTL +1 +2001 +2001 +7 +7 +7$
--- input
iso3,country,indicator,year,value
BRA,Brazil,NY.GDP.PCAP.CD,2000,20
ARG,Argentina,NY.GDP.PCAP.CD,2001,30
ARG,Argentina,NY.GDP.PCAP.CD,2000,10
ARG,Argentina,SP.POP.TOTL,2001,7
