# pl.awk - wb-wdi-poverty-lines-2025 (iso3,country,indicator,year,value,indicator_name) -> long records.
BEGIN { spec_load(SPEC, "pl:", code) }
FNR == 1 { next }
{ csvsplit($0, f); if (f[3] in code) emit(f[1], f[4], code[f[3]], f[5]) }
