# asking for the bootstrap without one-way clustered SEs is a usage error
args: regress aid poverty --se hc1 --bootstrap 999
exit: 2
stderr-match: --bootstrap needs one-way clustered standard errors
