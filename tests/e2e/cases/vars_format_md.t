# vars --format md: the listing as a Markdown table
args: vars wgi_ge_pct_mean --format md
exit: 0
stdout-match: ^\| name \| unit \| source \| label \|$
stdout-match: ^\| wgi_ge_pct_mean \| percentile 0-100 \| derived: World Bank WGI 2023 update \[wb-wgi-2023\] \| WGI Government Effectiveness, unweighted mean
