# correlate --format with an unknown name: usage error (exit 2) listing the backends, nothing on stdout
args: correlate value inv --data $REF/grunfeld/data.csv --format xml
exit: 2
stderr-match: --format must be text\|md\|csv\|json\|latex\|html, not 'xml'
--- stdout
