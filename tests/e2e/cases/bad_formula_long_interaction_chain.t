# a:a:a:... 30,000 long builds a tree 30,000 deep (every walk over it recursed): refused at the limit
args: regress -f "poverty ~ $(awk 'BEGIN{printf "aid"; for(i=1;i<30000;i++)printf ":aid"}')"
exit: 12
stderr-match: formula: nested more than 256 levels deep
