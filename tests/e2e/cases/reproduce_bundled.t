# reproduce: every claim ID gets a computed verdict on the six-word scale; verdicts are findings (exit 0)
args: reproduce --check
exit: 0
stdout-match: ^\| ID \| verdict \| measured \| claimed \| poverty line / data \| note \|$
stdout-match: ^\| C01 \| inconclusive \| aid \(US\$ million\): -0\.00865 \(boot p=0\.37, analytic p=0\.36, N=308, 19 clusters\)
stdout-match: ^\| C01b \| inconclusive \| .*bootstrap p = 0\.069 \(B = 999\)
stdout-match: ^\| C02 \| direction \| 53\.7% -> 33\.9%
stdout-match: ^\| C03 \| partial \|
stdout-match: ^\| C08 \| partial \| unweighted mean of latest 43\.2, population-weighted \(2021 population\) 46\.4
stdout-match: ^\| C09 \| reproduced \| 8292 \|
stdout-match: ^\| C15 \| direction \| 20 republics: r = -0\.743 .*N = 20
stdout-match: ^\| C17 \| partial \|.*untested: 2021
stdout-match: ^\| C18 \| direction \| 1990-2025: 0\.49 .*2002-2019: 0\.73.*direction only: slope, 2002-2019
stdout-match: ^\| C20 \| inconclusive \| .*N = 461, 24 clusters
stdout-match: ^\| C21 \| reproduced \| exports 27\.2%, imports 28\.2%
stdout-match: ^\| C22 \| partial \| \$8\.30: 206 million
stdout-match: ^\| C23 \| partial \| LAC \(LCN\) 8\.20% of world population
stdout-match: ^\| C32 \| untestable \|
stdout-match: ^33 claims: 2 reproduced, 8 partial, 6 direction, 3 inconclusive, 0 contradicted, 14 untestable$
file-absent: $TMP/figures
