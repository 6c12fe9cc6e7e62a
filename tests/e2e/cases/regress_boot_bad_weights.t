# unknown bootstrap weights are a usage error listing the choices
args: regress aid poverty --weights mammen
exit: 2
stderr-match: rademacher\|webb
