# correlate --bootstrap must be a whole number >= 0
args: correlate --data $REF/grunfeld/data.csv value inv --bootstrap -3
exit: 2
stderr-match: --bootstrap must be a whole number >= 0
