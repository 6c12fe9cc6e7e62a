# multi-model table, json: OLS, FE without and with the wild bootstrap, IV side by side (layout golden: the numbers come from saved models checked against outside references elsewhere; this case tests the table layout)
args: table $ROOT/tests/e2e/data/models/ols.json $ROOT/tests/e2e/data/models/fe_noboot.json $ROOT/tests/e2e/data/models/fe_boot.json $ROOT/tests/e2e/data/models/iv.json --titles 'OLS,FE,FE + bootstrap,IV' --scale aid=1e9 --format json
exit: 0
--- stdout
{
  "table": [
    {
      "term": "",
      "(1)": "OLS",
      "(2)": "FE",
      "(3)": "FE + bootstrap",
      "(4)": "IV"
    },
    {
      "term": "Outcome",
      "(1)": "poverty",
      "(2)": "poverty",
      "(3)": "poverty",
      "(4)": "poverty"
    },
    {
      "term": "Log of 1 + Chinese ODA-like finance per person",
      "(1)": "-1.764***",
      "(2)": "",
      "(3)": "-0.017",
      "(4)": "29.233"
    },
    {
      "term": "",
      "(1)": "(0.367)",
      "(2)": "",
      "(3)": "(0.235)",
      "(4)": "(247.303)"
    },
    {
      "term": "",
      "(1)": "",
      "(2)": "",
      "(3)": "{0.941}",
      "(4)": ""
    },
    {
      "term": "log GDP per capita",
      "(1)": "-8.405***",
      "(2)": "-2.763",
      "(3)": "-2.763",
      "(4)": "-1.024"
    },
    {
      "term": "",
      "(1)": "(0.672)",
      "(2)": "(2.191)",
      "(3)": "(2.198)",
      "(4)": "(6.949)"
    },
    {
      "term": "",
      "(1)": "",
      "(2)": "",
      "(3)": "{0.212}",
      "(4)": ""
    },
    {
      "term": "Urban population",
      "(1)": "-0.028",
      "(2)": "",
      "(3)": "",
      "(4)": ""
    },
    {
      "term": "",
      "(1)": "(0.036)",
      "(2)": "",
      "(3)": "",
      "(4)": ""
    },
    {
      "term": "Chinese ODA-like official finance, commitments (adjusted) (× 1e9)",
      "(1)": "",
      "(2)": "-8.633",
      "(3)": "",
      "(4)": ""
    },
    {
      "term": "",
      "(1)": "",
      "(2)": "(6.002)",
      "(3)": "",
      "(4)": ""
    },
    {
      "term": "Constant",
      "(1)": "83.858***",
      "(2)": "",
      "(3)": "",
      "(4)": ""
    },
    {
      "term": "",
      "(1)": "(6.093)",
      "(2)": "",
      "(3)": "",
      "(4)": ""
    },
    {
      "term": "Observations",
      "(1)": "311",
      "(2)": "311",
      "(3)": "311",
      "(4)": "284"
    },
    {
      "term": "Countries",
      "(1)": "22",
      "(2)": "22",
      "(3)": "22",
      "(4)": "22"
    },
    {
      "term": "R²",
      "(1)": "0.569",
      "(2)": "",
      "(3)": "",
      "(4)": ""
    },
    {
      "term": "Within R²",
      "(1)": "",
      "(2)": "0.029",
      "(3)": "0.025",
      "(4)": "-55.778"
    },
    {
      "term": "First-stage F",
      "(1)": "",
      "(2)": "",
      "(3)": "",
      "(4)": "0.01"
    },
    {
      "term": "Country FE",
      "(1)": "No",
      "(2)": "Yes",
      "(3)": "Yes",
      "(4)": "Yes"
    },
    {
      "term": "Year FE",
      "(1)": "No",
      "(2)": "Yes",
      "(3)": "Yes",
      "(4)": "Yes"
    },
    {
      "term": "Estimator",
      "(1)": "OLS",
      "(2)": "FE",
      "(3)": "FE",
      "(4)": "IV (2SLS)"
    },
    {
      "term": "Std. errors",
      "(1)": "HC1",
      "(2)": "Clustered (iso3)",
      "(3)": "Clustered (iso3)",
      "(4)": "Clustered (iso3)"
    },
    {
      "term": "Clusters",
      "(1)": "",
      "(2)": "22",
      "(3)": "22",
      "(4)": "22"
    },
    {
      "term": "Wild bootstrap p",
      "(1)": "No",
      "(2)": "No",
      "(3)": "B = 9999",
      "(4)": "No"
    }
  ],
  "notes": [
    "Standard errors in parentheses; wild cluster bootstrap p-values in braces.",
    "* p<0.1, ** p<0.05, *** p<0.01 (analytic p-values).",
    "Coefficients of aid multiplied by 1e9.",
    "poverty: Poverty headcount ratio at $3.00 a day (2021 PPP) (% of population; World Bank WDI [wb-wdi])."
  ],
  "coefficients": [
    {
      "column": 1,
      "term": "log_aid",
      "label": "Log of 1 + Chinese ODA-like finance per person",
      "estimate": -1.763525763150531,
      "std_error": 0.36703456869289691,
      "statistic": -4.8047947348144699,
      "p_value": 2.4271974621984786e-6,
      "conf_low": -2.4857474974565132,
      "conf_high": -1.041304028844549,
      "boot_p_value": null,
      "scale": 1.0
    },
    {
      "column": 3,
      "term": "log_aid",
      "label": "Log of 1 + Chinese ODA-like finance per person",
      "estimate": -0.0170754012321109,
      "std_error": 0.23537436660509053,
      "statistic": -0.072545712935512166,
      "p_value": 0.94285415124289995,
      "conf_low": -0.50656319271806582,
      "conf_high": 0.47241239025384402,
      "boot_p_value": 0.94089408940894093,
      "scale": 1.0
    },
    {
      "column": 4,
      "term": "log_aid",
      "label": "Log of 1 + Chinese ODA-like finance per person",
      "estimate": 29.233112186179032,
      "std_error": 247.30266858813093,
      "statistic": 0.11820783153320995,
      "p_value": 0.90702637497366578,
      "conf_low": -485.06094124779929,
      "conf_high": 543.52716562015735,
      "boot_p_value": null,
      "scale": 1.0
    },
    {
      "column": 1,
      "term": "log(gdp_pc)",
      "label": "log GDP per capita",
      "estimate": -8.4054217647470644,
      "std_error": 0.67180071318264734,
      "statistic": -12.511778567376753,
      "p_value": 2.6407098780532398e-29,
      "conf_low": -9.7273383294746001,
      "conf_high": -7.0835052000195287,
      "boot_p_value": null,
      "scale": 1.0
    },
    {
      "column": 2,
      "term": "log(gdp_pc)",
      "label": "log GDP per capita",
      "estimate": -2.762931753259124,
      "std_error": 2.1914965638315351,
      "statistic": -1.2607511227069925,
      "p_value": 0.22122666990143192,
      "conf_low": -7.3203983480763224,
      "conf_high": 1.7945348415580749,
      "boot_p_value": null,
      "scale": 1.0
    },
    {
      "column": 3,
      "term": "log(gdp_pc)",
      "label": "log GDP per capita",
      "estimate": -2.7630954665333856,
      "std_error": 2.1980301835997587,
      "statistic": -1.2570780361205995,
      "p_value": 0.22252750643743413,
      "conf_low": -7.3341494674767684,
      "conf_high": 1.8079585344099978,
      "boot_p_value": 0.21162116211621163,
      "scale": 1.0
    },
    {
      "column": 4,
      "term": "log(gdp_pc)",
      "label": "log GDP per capita",
      "estimate": -1.0242204299982647,
      "std_error": 6.9492752968178255,
      "statistic": -0.14738521446506375,
      "p_value": 0.88423385564833279,
      "conf_low": -15.476029548084675,
      "conf_high": 13.427588688088147,
      "boot_p_value": null,
      "scale": 1.0
    },
    {
      "column": 1,
      "term": "urban",
      "label": "Urban population",
      "estimate": -0.027742159584239656,
      "std_error": 0.035960228619217251,
      "statistic": -0.77146783125327978,
      "p_value": 0.44102306836102345,
      "conf_low": -0.098501866965211765,
      "conf_high": 0.043017547796732447,
      "boot_p_value": null,
      "scale": 1.0
    },
    {
      "column": 2,
      "term": "aid",
      "label": "Chinese ODA-like official finance, commitments (adjusted)",
      "estimate": -8.6330741511267308e-9,
      "std_error": 6.0023831009128205e-9,
      "statistic": -1.4382744330020929,
      "p_value": 0.16509328961516634,
      "conf_low": -2.1115713149144496e-8,
      "conf_high": 3.8495648468910359e-9,
      "boot_p_value": null,
      "scale": 1000000000.0
    },
    {
      "column": 1,
      "term": "const",
      "label": "Constant",
      "estimate": 83.857692223612204,
      "std_error": 6.0930874170781699,
      "statistic": 13.762758759798764,
      "p_value": 6.7411055719211605e-34,
      "conf_low": 71.868194402435137,
      "conf_high": 95.847190044789272,
      "boot_p_value": null,
      "scale": 1.0
    }
  ],
  "models": [
    {
      "column": 1,
      "title": "OLS",
      "model": "ols",
      "formula": "poverty ~ log_aid + log(gdp_pc) + urban",
      "outcome": "poverty",
      "estimator": "OLS",
      "se_type": "hc1",
      "se_label": "Heteroskedasticity-robust (HC1: HC0 * N/(N-K), as Stata robust)",
      "nobs": 311,
      "n_groups": 22,
      "n_clusters": null,
      "r2": 0.56903933384141236,
      "r2_within": null
    },
    {
      "column": 2,
      "title": "FE",
      "model": "fe",
      "formula": "poverty ~ aid + log(gdp_pc) | iso3 + year",
      "outcome": "poverty",
      "estimator": "Two-way fixed effects (within)",
      "se_type": "cluster",
      "se_label": "Clustered by iso3, 22 clusters (CR1: G/(G-1)*(N-1)/(N-K), as Stata)",
      "nobs": 311,
      "n_groups": 22,
      "n_clusters": 22,
      "r2": null,
      "r2_within": 0.029023555562441627
    },
    {
      "column": 3,
      "title": "FE + bootstrap",
      "model": "fe",
      "formula": "poverty ~ log_aid + log(gdp_pc) | iso3 + year",
      "outcome": "poverty",
      "estimator": "Two-way fixed effects (within)",
      "se_type": "cluster",
      "se_label": "Clustered by iso3, 22 clusters (CR1: G/(G-1)*(N-1)/(N-K), as Stata)",
      "nobs": 311,
      "n_groups": 22,
      "n_clusters": 22,
      "r2": null,
      "r2_within": 0.024915436473391783
    },
    {
      "column": 4,
      "title": "IV",
      "model": "iv",
      "formula": "poverty ~ log(gdp_pc) | iso3 + year | log_aid ~ L2.log_aid",
      "outcome": "poverty",
      "estimator": "2SLS with two-way fixed effects (within)",
      "se_type": "cluster",
      "se_label": "Clustered by iso3, 22 clusters (CR1: G/(G-1)*(N-1)/(N-K), as Stata)",
      "nobs": 284,
      "n_groups": 22,
      "n_clusters": 22,
      "r2": null,
      "r2_within": -55.778435784111686
    }
  ]
}
