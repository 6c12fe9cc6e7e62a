# cpr-stats figure: residuals vs fitted
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
$RESID << EOD
8.5999999999999996 0.5
27.050000000000001 4.4499999999999993
6.3499999999999996 4.6500000000000004
5.9000000000000004 -3.8000000000000003
9.9499999999999993 6.3500000000000014
9.0500000000000007 -4.1500000000000004
10.850000000000001 -2.8500000000000014
17.149999999999999 -2.9499999999999993
18.950000000000003 19.049999999999997
32.900000000000006 12.499999999999993
5.4500000000000002 1.1499999999999995
42.800000000000004 1.9999999999999929
13.549999999999999 -0.64999999999999858
11.75 -1.3499999999999996
14.9 2.2000000000000011
21.199999999999999 1.4000000000000021
6.7999999999999998 -6.7000000000000002
7.6999999999999993 17.300000000000001
EOD
set xlabel 'Fitted values'
set ylabel 'Residuals'
set xzeroaxis lt -1 lc rgb '#808080' dt 2 lw 1
set key tmargin left vertical
plot $RESID using 1:2 with points pt 7 ps 0.7 lc rgb '#0072B2' title 'N = 18'
