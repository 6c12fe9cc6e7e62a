# vars --format json: every catalogue field of the matched variables (datasets/catalogue.csv)
args: vars wgi_ge_pct --format json
exit: 0
stdout-match: ^  "variables": \[$
stdout-match: ^      "name": "wgi_ge_pct",$
stdout-match: ^      "unit": "percentile 0-100",$
stdout-match: ^      "source_code": "GE pct_rank",$
stdout-match: ^      "licence": "CC BY 4.0",$
stdout-match: ^      "file": "lac_panel"$
