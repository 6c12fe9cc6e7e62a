# Generate a large CSV for timing the loader (csvspeed branch).
#   awk -v rows=1000000 -v panel=1 -f scripts/bench/csv_load_gen.awk > /tmp/big.csv
# panel=1: id,year,x1..x5 (1000 entities x rows/1000 years); panel=0: x1..x5 only.
# Values: mixed magnitudes, signs, a few missing cells, deterministic (srand(1)).
BEGIN {
    if (rows == "") rows = 1000000
    srand(1)
    if (panel) printf "id,year,"
    print "x1,x2,x3,x4,x5"
    nyear = int(rows / 1000); if (nyear < 1) nyear = 1
    for (i = 0; i < rows; i++) {
        if (panel) printf "E%04d,%d,", int(i / nyear), 1000 + i % nyear
        printf "%.6f,%.4f,%d,%.10g,", rand() * 1000 - 500, rand() * 100, int(rand() * 1e6), rand() * 1e-3
        if (i % 97 == 0) print "NA"; else printf "%.3f\n", rand() * 1e5
    }
}
