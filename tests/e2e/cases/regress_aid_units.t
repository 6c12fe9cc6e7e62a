# regress aid poverty: aid in US$ million (constant 2021); coefficient, CR1 SE and p equal the R oracle built from the raw sources (tests/unit/oracle/c01_units.R/.out: b -0.008653925282, se 0.006738166813, p 0.2130203336, N 311)
args: regress aid poverty
exit: 0
stdout-match: ^N: +311 
stdout-match: ^aid +-0\.00865393 +0\.00673817 +-1\.28431 +0\.213 
