# vars -l: one block per variable with every field (text)
args: vars -l wgi_ge_pct_mean
exit: 0
stdout-match: ^wgi_ge_pct_mean$
stdout-match: ^  code       GE pct_rank; wgi_country_groups\.csv$
stdout-match: ^  licence    CC BY 4\.0$
stdout-match: ^  file       aggregates$
stdout-not-match: ^name
