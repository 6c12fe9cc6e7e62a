# regress: --resid-plot draws one model; with several -f it is refused (usage, exit 2)
args: regress -f 'poverty ~ aid' -f 'poverty ~ log_aid' --resid-plot r.png
exit: 2
stderr-match: --resid-plot works with one -f formula, not 2
