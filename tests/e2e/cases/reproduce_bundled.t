# reproduce: every claim ID gets a computed verdict; verdicts are findings (exit 0)
args: reproduce --check
exit: 0
stdout-match: ^\| ID \| verdict \| measured \| claimed \| poverty line / data \| note \|$
stdout-match: ^\| C01 \| direction \| aid: -0\.00865 \(p=0\.21, N=311\)
stdout-match: ^\| C01b \| contradicted \|
stdout-match: ^\| C02 \| direction \| 53\.7% -> 33\.9%
stdout-match: ^\| C03 \| contradicted \|
stdout-match: ^\| C09 \| reproduced \| 8292 \|
stdout-match: ^\| C15 \| direction \| r = -0\.722 .*R2 = 0\.521, slope = -2\.38, N = 19
stdout-match: ^\| C18 \| reproduced \| 0\.51 
stdout-match: ^\| C20 \| direction \|
stdout-match: ^21 claims: 3 reproduced, 11 direction, 2 contradicted, 5 untestable$
file-absent: $TMP/figures
