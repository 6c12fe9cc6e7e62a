# threshold --lr-plot with a missing gnuplot fails with 16 and leaves no file
args: threshold --data $ROOT/tests/data/threshold_sim.csv -f 'y ~ x + z | id' --regime x --threshold q --grid 20 --lr-plot $TMP/lr.png
env: CPR_GNUPLOT=/nonexistent/gnuplot
exit: 16
file-absent: $TMP/lr.png
