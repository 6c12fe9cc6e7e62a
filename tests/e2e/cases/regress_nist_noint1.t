# NIST NoInt1 with --no-constant: certified B1 = 2.07438016528926, SD 0.165289256198347E-01
args: regress --data $REF/nist_noint1/data.csv -f 'y ~ x' --no-constant --format csv
exit: 0
stdout-match: ^x,2\.07438016528925[0-9]*,0\.01652892561983[0-9]*,
