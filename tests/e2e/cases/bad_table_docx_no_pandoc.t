# table: Word output without pandoc: exit 19 with what to do, and no file left behind
args: table $ROOT/tests/e2e/data/models/ols.json -o out.docx
env: CPR_PANDOC=/nonexistent/pandoc
exit: 19
stderr-match: out.docx: Word output needs pandoc.*apt-get install pandoc
file-absent: $TMP/out.docx
