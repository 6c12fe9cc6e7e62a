# stat: an unknown --format is a usage error naming the formats (before: text or json only), exit 2, nothing on stdout
args: stat --format yaml gini
exit: 2
stderr-match: ^cpr-stats stat: --format must be text\|md\|csv\|json\|latex\|html, not 'yaml'$
--- stdout
