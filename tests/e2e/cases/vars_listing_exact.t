# vars' text listing, byte for byte: name column as wide as the longest name (at least 8), unit 16 and source 30 characters with longer text running over, label last and unpadded (the layout vars printed before it went through the text backend's listing)
args: vars --catalogue $IN
exit: 0
--- input
name,label,unit,source,source_code,licence,transform,file
a,Short label,%,Src,c1,CC BY 4.0,verbatim,f
a_rather_long_name,Label two,a unit longer than sixteen,A source that is longer than thirty characters,c2,-,key,f
e,,,,,,,
--- stdout
name                unit              source                          label
a                   %                 Src                             Short label
a_rather_long_name  a unit longer than sixteen  A source that is longer than thirty characters  Label two
e                                                                     
