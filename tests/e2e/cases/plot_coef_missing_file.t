# plot coef on a missing file: exit 3 naming it
args: plot coef $TMP/nope.json
exit: 3
stderr-match: nope\.json: cannot open the model file
