# manifest: figure NAME loo needs a saved regression and a term: exit 17 naming the line
args: reproduce --manifest $IN
exit: 17
stderr-match: input.csv:2: expected 'figure NAME loo SAVED TERM'
--- input
claim C1
figure f loo headline
