# vars with a pattern that matches nothing, exit 11
args: vars zzznothing
exit: 11
stderr-match: no catalogued variable matches 'zzznothing'
