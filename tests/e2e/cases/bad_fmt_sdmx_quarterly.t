# quarterly SDMX periods cannot form an (entity, year) panel: exit 8 naming line and value
args: describe --data $IN
exit: 8
stderr-match: input.csv:2: column 'TIME_PERIOD': '2010-Q1' is not a year; only annual data
--- input
DATAFLOW,REF_AREA,INDICATOR,FREQ,TIME_PERIOD,OBS_VALUE
IMF:IFS(1.0),ARG,NGDP,Q,2010-Q1,1
IMF:IFS(1.0),ARG,NGDP,Q,2010-Q2,1
