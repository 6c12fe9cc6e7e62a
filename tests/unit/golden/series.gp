# cpr-stats figure: series
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
$S1 << EOD
2005 30
2006 29.5
2007 29
2008 25.5
2009 25
2010 24.5
2011 21
2012 20.5
2013 20
2014 16.5
2015 16
2016 15.5
EOD
$S2 << EOD
2005 22
2006 21.199999999999999
2007 20.399999999999999
2008 19.600000000000001
2009 18.800000000000001

2011 17.199999999999999
2012 16.399999999999999
2013 15.6
2014 14.800000000000001
2015 14
2016 13.199999999999999
EOD
$S3 << EOD
2005 15
2006 15.300000000000001
2007 15.6
2008 15.9
2009 16.199999999999999
2010 16.5
2011 16.800000000000001
2012 17.100000000000001
2013 17.399999999999999
2014 17.699999999999999
2015 18
2016 18.300000000000001
EOD
set xlabel 'Year'
set ylabel 'Poverty headcount, $2.15 a day (%)'
set yrange [0<*:*]
set format x '%.0f'
set xtics 2
set key tmargin left vertical maxrows 3
set autoscale xfix
set offsets graph 0.02, graph 0.02, graph 0.04, graph 0.04
plot $S1 using 1:2 with linespoints lc rgb '#0072B2' dt 1 lw 2 pt 7 ps 0.6 title 'BOL', \
     $S2 using 1:2 with linespoints lc rgb '#D55E00' dt 1 lw 2 pt 7 ps 0.6 title 'PER', \
     $S3 using 1:2 with linespoints lc rgb '#009E73' dt 1 lw 2 pt 7 ps 0.6 title 'LCN'
