# cpr-stats figure: coef
# Redraw with: gnuplot THIS_FILE (data are inline below).
reset session
set terminal pngcairo size 800,560 noenhanced font 'Sans,11'
set output 'figure.png'
set encoding utf8
set border 3 back lw 1 lc rgb '#404040'
set tics nomirror out scale 0.5 textcolor rgb '#202020'
set grid back xtics ytics lw 1 lc rgb '#E6E6E6' dt solid
set key noautotitle nobox noopaque reverse Left samplen 2 spacing 1.1
set style fill solid 1.0 noborder
set pointsize 1
set linetype 1 lc rgb '#0072B2' lw 2 pt 7 ps 0.8 dt solid
set linetype 2 lc rgb '#D55E00' lw 2 pt 7 ps 0.8 dt solid
set linetype 3 lc rgb '#009E73' lw 2 pt 7 ps 0.8 dt solid
set linetype 4 lc rgb '#CC79A7' lw 2 pt 7 ps 0.8 dt solid
set linetype 5 lc rgb '#E69F00' lw 2 pt 7 ps 0.8 dt solid
set linetype 6 lc rgb '#56B4E9' lw 2 pt 7 ps 0.8 dt solid
set linetype 7 lc rgb '#F0E442' lw 2 pt 7 ps 0.8 dt solid
set linetype 8 lc rgb '#000000' lw 2 pt 7 ps 0.8 dt solid
set linetype cycle 8
set title 'Example figure' font ',13'
set bmargin 5.5
set label 99 'Source: example data (made up)' at screen 0.012, screen 0.03 left font ',9' textcolor rgb '#505050' front
# interval: estimate, row, low, high
$M1 << EOD
0.41999999999999998 3.3199999999999998 0.126 0.71399999999999997
-3.1000000000000001 2.3199999999999998 -4.8639999999999999 -1.3360000000000001
0.050000000000000003 1.3200000000000001 -0.028399999999999995 0.12840000000000001
EOD
# bootstrap interval: estimate, row, low, high
$M1B << EOD
0.41999999999999998 3 0.050000000000000003 0.80000000000000004
-3.1000000000000001 2 -5.2000000000000002 -1
0.050000000000000003 1 -0.040000000000000001 0.14000000000000001
EOD
# interval: estimate, row, low, high
$M2 << EOD
0.52000000000000002 2.6800000000000002 0.22600000000000003 0.81400000000000006
-3 1.6799999999999999 -4.7640000000000002 -1.236
0.15000000000000002 0.67999999999999994 0.071600000000000025 0.22840000000000002
EOD
set xlabel 'Coefficient'
unset grid
set grid back xtics lw 1 lc rgb '#E6E6E6' dt solid
set ytics scale 0 ('aid_gdp' 3, 'log_gdp_pc' 2, 'trade_open' 1)
set yrange [0.4:3.6]
set border 1 back lw 1 lc rgb '#404040'
set errorbars small
set yzeroaxis lt -1 lc rgb '#808080' dt 2 lw 1
set key tmargin left vertical
plot $M1 using 1:2:3:4 with xerrorbars lc rgb '#0072B2' pt 7 ps 1.0 lw 2 title 'Two-way FE: 95% CI (cluster)', \
     $M1B using 1:2:3:4 with xerrorbars lc rgb '#0072B2' pt 6 ps 1.0 lw 1.5 dt 2 title 'Two-way FE: 95% CI (bootstrap)', \
     $M2 using 1:2:3:4 with xerrorbars lc rgb '#D55E00' pt 7 ps 1.0 lw 2 title 'Random effects: 95% CI (cluster)'
