# correlate with an unknown variable, exit 11 with a hint
args: correlate vdem_client wgi_vaa
exit: 11
stderr-match: no variable 'wgi_vaa'; did you mean 'wgi_va'\?
