# cpr-stats figure: threshold LR curve
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
$LR << EOD
500 94.499019343996764
600 83.164165728847337
700 71.855780876143143
800 62.302156578828047
900 55.143634661007695
1000 49.343879657954332
1100 43.142680863071675
1200 35.674281933911949
1300 27.763353280782443
1400 21.166793894671422
1500 16.958446517288351
1600 14.541811576615737
1700 12.198466142523291
1800 8.6679740438163488
1900 4.3067250712330249
2000 0.76027184741532339
2100 0
2200 0.26801166713347796
2300 1.6733112770721121
2400 2.1116047871695409
2500 1.4426115621830475
2600 1.0694540778852191
2700 2.6486335876694573
2800 6.5670505095270126
2900 11.586289966028518
3000 15.981214711389741
3100 19.126048359367566
3200 22.069711306856277
3300 26.571448158327165
3400 33.483386349649827
3500 41.96709411334065
3600 50.264430778961049
3700 57.313973197437576
3800 63.726883289316426
3900 71.225008593530859
4000 81.057823580812709
4100 92.853668587548313
4200 104.96145199650852
4300 115.96865625533009
4400 126
EOD
set xlabel 'GDP per capita (constant 2015 US$)'
set ylabel 'LR statistic'
set yrange [0:*]
set key tmargin left vertical
set arrow 1 from first 2300, graph 0 to first 2300, graph 1 nohead back lc rgb '#009E73' dt 3 lw 1.5
set label 1 ' estimate 2300' at first 2300, graph 0.96 left textcolor rgb '#009E73' font ',9'
plot $LR using 1:2 with lines lt 1 lw 2 title 'LR statistic', \
     7.3499999999999996 with lines lt 2 lw 1.5 dt 2 title '95% critical value (7.35)'
