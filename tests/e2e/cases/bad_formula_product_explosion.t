# a*b*c*... that would expand to more than 256 terms is a formula error (exit 12), not minutes of work
args: regress --data $IN -f 'y ~ a*b*c*d*e*f*g*h*i'
exit: 12
stderr-match: product starting at column 5 expands to more than 256 terms
--- input
id,year,y,a
x,2000,1,2
x,2001,2,3
