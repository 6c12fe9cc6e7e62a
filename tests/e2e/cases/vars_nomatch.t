# vars with a pattern that matches nothing, exit 11 and nothing on stdout (no header line before the error)
args: vars zzznothing
exit: 11
stderr-match: no catalogued variable matches 'zzznothing'
--- stdout
