# an unknown country in --countries gets a hint, exit 11
args: describe --countries ARG,PRE
exit: 11
stderr-match: no iso3 'PRE' in the data; did you mean 'PRY'\?
