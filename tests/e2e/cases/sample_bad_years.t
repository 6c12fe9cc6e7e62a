# --years needs FROM-TO, exit 2
args: describe --years 2010-2000
exit: 2
stderr-match: --years needs FROM-TO such as 2000-2021, not '2010-2000'
