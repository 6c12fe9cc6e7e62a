# --bootstrap -1 is a usage error
args: regress aid poverty --bootstrap -1
exit: 2
stderr-match: bootstrap
