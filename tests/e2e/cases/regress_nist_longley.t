# NIST StRD Longley through the CLI: certified coefficients and SDs (tests/reference/nist_longley)
args: regress --data $REF/nist_longley/data.csv -f 'y ~ x1 + x2 + x3 + x4 + x5 + x6' --format csv
exit: 0
precision: extended
stdout-match: ^const,-3482258\.6345958[0-9]*,890420\.3836073[0-9]*,
stdout-match: ^x1,15\.061872271373[0-9]*,84\.91492577476[0-9]*,
stdout-match: ^x2,-0\.03581917929259[0-9]*,0\.03349100777224[0-9]*,
stdout-match: ^x6,1829\.151464613[0-9]*,455\.47849914221[0-9]*,
