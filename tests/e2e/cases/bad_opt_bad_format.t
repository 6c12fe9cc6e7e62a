# bad option value: exit 2 naming the option
args: regress aid poverty --format json5
exit: 2
stderr-match: --format must be text\|md\|csv\|json\|latex\|html, not 'json5'
