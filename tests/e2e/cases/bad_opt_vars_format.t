# vars --format with an unknown name: usage error (exit 2), nothing on stdout
args: vars poverty --format docx
exit: 2
stderr-match: --format must be text\|md\|csv\|json\|latex\|html, not 'docx'
--- stdout
