# --se cr3 with RE is refused: the leave-one-cluster-out fit of RE is not a subsample least-squares fit
args: regress aid poverty --model re --se cr3
exit: 2
stderr-match: --se cr3 is implemented for --model ols, pooled and fe
