# vars --format csv: a header and one row per matched variable with every field
args: vars wgi_ge_pct --format csv
exit: 0
stdout-match: ^name,unit,source,label,source_code,licence,transform,file$
stdout-match: ^wgi_ge_pct,percentile 0-100,World Bank WGI 2023 update \[wb-wgi-2023\],"WGI Government Effectiveness, percentile rank among all countries",GE pct_rank,CC BY 4\.0,
