# correlate needs two variables, exit 2
args: correlate poverty
exit: 2
stderr-match: needs two variables: X Y
