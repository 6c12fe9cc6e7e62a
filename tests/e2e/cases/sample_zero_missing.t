# --zero-missing aid reads missing Chinese finance as 0: the sample grows from 311 to 486 country-years
args: regress aid poverty --zero-missing aid --bootstrap 0 --keep-singletons
exit: 0
stdout-match: ^N: +486 \(738 dropped\)$
stdout-match: ^Formula: +poverty ~ aid \| iso3 \+ year$
