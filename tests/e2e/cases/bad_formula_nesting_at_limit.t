# 255 nested log( is within the limit: parsed (and then the model runs out of rows)
args: regress -f "poverty ~ $(awk 'BEGIN{for(i=0;i<255;i++)printf "log("; printf "aid"; for(i=0;i<255;i++)printf ")"}')"
exit: 13
stderr-match: no observations left
