# the long layout with Indicator Code and Year (bulk long form)
args: describe --data $IN
exit: 0
stdout-match: ^NY_GDP_PCAP_CD +2 +2010 +2011 +100 +150 +200$
stdout-match: ^SP_POP_TOTL +1 +2010 +2010 +7 +7 +7$
--- input
Country Name,Country Code,Indicator Name,Indicator Code,Year,Value
Aland,ALA,GDP per capita (current US$),NY.GDP.PCAP.CD,2010,100
Aland,ALA,GDP per capita (current US$),NY.GDP.PCAP.CD,2011,200
Aland,ALA,"Population, total",SP.POP.TOTL,2010,7
