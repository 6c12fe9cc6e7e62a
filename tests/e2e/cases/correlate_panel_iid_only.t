# correlate --iid-only on panel data: no clustered p; a cross-section (one year) gets none either
args: correlate --data $REF/grunfeld/data.csv value inv --iid-only
exit: 0
stdout-not-match: Clusters
stdout-match: p-value
