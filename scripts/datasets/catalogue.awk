# catalogue.awk - variables.psv -> datasets/catalogue.csv (drops the xkey column).
BEGIN { FS = "|"; print "name,label,unit,source,source_code,licence,transform,file" }
/^#/ || /^$/ { next }
{
    if (NF != 9) { print "catalogue.awk: line " NR " has " NF " fields" > "/dev/stderr"; exit 2 }
    printf "%s,%s,%s,%s,%s,%s,%s,%s\n", csvq($2), csvq($3), csvq($4), csvq($5), csvq($6), csvq($7), csvq($8), $1
}
