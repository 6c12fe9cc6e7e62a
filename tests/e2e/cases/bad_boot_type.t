# an unknown --boot-type is a usage error naming the choices
args: regress aid poverty --boot-type wcr99
exit: 2
stderr-match: boot-type
