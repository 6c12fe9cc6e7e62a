# describe: an unknown --format is a usage error naming the formats, exit 2, nothing on stdout
args: describe --format xml
exit: 2
stderr-match: ^cpr-stats describe: --format must be text\|md\|csv\|json\|latex\|html, not 'xml'$
--- stdout
