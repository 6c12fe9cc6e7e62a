# gmm --resid-plot naming the input data file is refused before anything is written (exit 21)
args: gmm --data $IN -f 'y ~ L.y' --resid-plot $IN
exit: 21
stderr-match: --resid-plot .* would overwrite the input --data
stdout-not-match: .
--- input
id,year,y
a,2000,1
a,2001,2
a,2002,4
a,2003,3
a,2004,5
b,2000,2
b,2001,1
b,2002,3
b,2003,5
b,2004,4
