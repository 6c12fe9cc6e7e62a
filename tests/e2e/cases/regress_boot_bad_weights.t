# unknown bootstrap weights are a usage error listing the choices
args: regress aid poverty --boot-weights mammen
exit: 2
stderr-match: rademacher\|webb
