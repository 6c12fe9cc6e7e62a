# regress X Y: a one-line note on stderr says which name is the outcome and the explicit formula; stdout unchanged
args: regress aid poverty --bootstrap 0 --format json
exit: 0
stderr-match: ^cpr-stats regress: outcome: poverty \(the last name\); write -f 'poverty ~ aid \| iso3 \+ year' to be explicit$
stdout-match: "formula": "poverty ~ aid \| iso3 \+ year"
