# pairs_close.awk - exit 0 when FILE_A and FILE_B have the same number of
# lines and each line's two numbers ("fitted resid") agree within 1e-9
# relative. Shared by the residual tests against R (test_resid_levels.sh,
# test_threshold_resid.sh, test_gmm_resid.sh).
#   awk -v floor=F [-v scale=ref] -f tests/scripts/pairs_close.awk A B
# The scale of a difference is max(|a|, |b|), or |a| alone with scale=ref
# (A is the reference), and never below F.
NR == FNR { a[FNR] = $1; b[FNR] = $2; na = FNR; next }
{
    nb = FNR; if (FNR > na) exit 1
    for (c = 1; c <= 2; c++) {
        x = c == 1 ? a[FNR] : b[FNR]; y = $c; d = x - y; if (d < 0) d = -d
        m = x < 0 ? -x : x
        if (scale != "ref" && (y < 0 ? -y : y) > m) m = y < 0 ? -y : y
        if (m < floor) m = floor
        if (d > 1e-9 * m) bad = 1
    }
}
END { exit bad || nb != na }
