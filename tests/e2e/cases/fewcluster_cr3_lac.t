# regress aid poverty --se cr3 --cluster-diagnostics: CV3 SE, G*, leverage and the 22 leave-one-country-out estimates equal R's brute-force refits (tests/unit/oracle/fewcluster.R, printed to 6 digits; the oracle keeps the singletons)
args: regress aid poverty --se cr3 --cluster-diagnostics --keep-singletons
exit: 0
stdout-match: ^Std\. errors: Cluster jackknife CV3 by iso3, 22 clusters
stdout-match: ^aid +-0.00865393 +0.00930459 
stdout-match: ^  G\*\(rho=0\) for aid +5.4691$
stdout-match: ^  Cluster size: min +1$
stdout-match: ^  Cluster size: median +20$
stdout-match: ^  Cluster size: max +22$
stdout-match: ^ARG +21 +1.47278 +0.0123741 +-0.00787572$
stdout-match: ^BOL +20 +1.46015 +0.0786356 +-0.0086299$
stdout-match: ^BRA +20 +1.37915 +0.0092527 +-0.0081573$
stdout-match: ^BRB +1 +0 +0 +-0.00865393$
stdout-match: ^CHL +9 +0.599363 +0.00468035 +-0.00786427$
stdout-match: ^COL +20 +1.46226 +0.0757683 +-0.00850451$
stdout-match: ^CRI +22 +1.83166 +0.29369 +-0.0162762$
stdout-match: ^DOM +22 +1.55281 +0.0148427 +-0.00774505$
stdout-match: ^ECU +20 +1.65633 +0.258004 +-0.00358167$
stdout-match: ^GRD +1 +0 +0 +-0.00865393$
stdout-match: ^HND +19 +1.3008 +0.00978715 +-0.00879756$
stdout-match: ^HTI +2 +0.0679675 +1.11926e-06 +-0.00860301$
stdout-match: ^JAM +4 +0.212801 +0.00677502 +-0.00903722$
stdout-match: ^LCA +1 +0 +0 +-0.00865393$
stdout-match: ^MEX +12 +0.795541 +0.00248368 +-0.00844943$
stdout-match: ^NIC +4 +0.201189 +0.000837963 +-0.00895528$
stdout-match: ^PAN +21 +1.47574 +0.0220651 +-0.00944229$
stdout-match: ^PER +22 +1.55785 +0.0198816 +-0.00919512$
stdout-match: ^PRY +21 +1.4748 +0.0211068 +-0.00970773$
stdout-match: ^SLV +21 +1.56811 +0.114437 +-0.00717753$
stdout-match: ^URY +22 +1.59318 +0.0552099 +-0.00846217$
stdout-match: ^VEN +6 +0.337497 +0.00016696 +-0.0087046$
precision: extended
