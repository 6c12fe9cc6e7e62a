/* cpr-stats regress: formula (or "X... Y") -> design -> model -> inference
 * -> report. Every output names the formula, estimator, SE type and
 * clusters, so no reader has to guess the specification. */
#include "cli.h"
#include "regress_extra.h"
#include "regress_iv.h"
#include "cpr/bootstrap.h"
#include "cpr/catalogue.h"
#include "cpr/design_build.h"
#include "cpr/formula.h"
#include "cpr/formula_edit.h"
#include "cpr/infer.h"
#include "cpr/iv_diag.h"
#include "cpr/model.h"
#include "cpr/report.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *name;
    int value;
} name_value;

static const name_value model_names[] = {
    {"ols", CPR_MODEL_OLS}, {"pooled", CPR_MODEL_POOLED}, {"fe", CPR_MODEL_FE},
    {"re", CPR_MODEL_RE}, {"be", CPR_MODEL_BE}, {"fd", CPR_MODEL_FD}, {NULL, 0}};
static const name_value effect_names[] = {
    {"entity", CPR_EFFECTS_ENTITY}, {"time", CPR_EFFECTS_TIME}, {"twoway", CPR_EFFECTS_TWOWAY}, {NULL, 0}};
static const name_value se_names[] = {
    {"iid", CPR_SE_IID}, {"hc0", CPR_SE_HC0}, {"hc1", CPR_SE_HC1}, {"hc2", CPR_SE_HC2}, {"hc3", CPR_SE_HC3},
    {"cluster", CPR_SE_CLUSTER}, {"cluster2", CPR_SE_CLUSTER2}, {"dk", CPR_SE_DK},
    {"cr2", CPR_SE_CR2}, {"cr3", CPR_SE_CR3}, {"cr3j", CPR_SE_CR3J}, {NULL, 0}};
static const name_value ssc_names[] = {{"stata", CPR_SSC_STATA}, {"plm", CPR_SSC_PLM}, {"none", CPR_SSC_NONE}, {NULL, 0}};
static const name_value re_names[] = {{"stata", CPR_RE_STATA}, {"plm", CPR_RE_PLM}, {NULL, 0}};
#define WEIGHTS_AUTO 9   /* Webb below CPR_BOOT_WEBB_BELOW clusters, else Rademacher */
static const name_value weight_names[] = {{"rademacher", CPR_BOOT_RADEMACHER}, {"webb", CPR_BOOT_WEBB}, {"auto", WEIGHTS_AUTO}, {NULL, 0}};
static const name_value boot_type_names[] = {{"wcr", CPR_BOOT_WCR}, {"wcr31", CPR_BOOT_WCR31}, {"wcu33", CPR_BOOT_WCU33}, {NULL, 0}};
static const name_value hausman_names[] = {{"classical", CPR_HAUSMAN_CLASSICAL}, {"mundlak", CPR_HAUSMAN_MUNDLAK}, {NULL, 0}};
static const name_value ivm_names[] = {{"2sls", CPR_IV_2SLS}, {"liml", CPR_IV_LIML}, {"fuller", CPR_IV_FULLER}, {"gmm", CPR_IV_GMM}, {NULL, 0}};
static const name_value wtype_names[] = {{"aweight", CPR_WEIGHT_A}, {"pweight", CPR_WEIGHT_P}, {"fweight", CPR_WEIGHT_F}, {NULL, 0}};

/* Look an option's word up in its table; -1 (after a usage error) when
 * the word is unknown, def when the option is absent. */
static int lookup(const cli_args *a, const char *opt, const name_value *tab, int def)
{
    const char *s = cli_get(a, opt);
    if (!s) return def;
    for (const name_value *t = tab; t->name; t++)
        if (strcmp(t->name, s) == 0) return t->value;
    char list[256] = "";
    for (const name_value *t = tab; t->name; t++) {
        strncat(list, t->name, sizeof list - strlen(list) - 2);
        if (t[1].name) strncat(list, "|", sizeof list - strlen(list) - 1);
    }
    cli_usage_error(a->cmd, "--%s must be one of %s, not '%s'", opt, list, s);
    return -1;
}

/* "X1 X2 ... Y" -> "Y ~ X1 + X2", each name parsed as a piece of the
 * formula (cpr/formula_edit.h). */
static int formula_from_positionals(const cli_args *a, cpr_formula **fm)
{
    int rc = cpr_formula_alloc(a->pos[a->npos - 1], fm);
    for (int i = 0; i < a->npos - 1 && !rc; i++) rc = cpr_formula_add_terms(*fm, a->pos[i]);
    return rc;
}

/* Every variable in the specification, labelled from the catalogue, so
 * that the printed output explains the units and sources it used. */
static void add_variable_notes(cpr_result *r, const cpr_design *d)
{
    cpr_catalogue *cat = cli_catalogue_labels();
    if (!cat) return;
    const cpr_var_info *v = cpr_catalogue_find(cat, d->outcome);
    if (v) cpr_result_add_note(r, "%s: %s (%s; %s)", v->name, v->label, v->unit, v->source);
    for (size_t j = 0; j < d->k; j++) {
        const char *name = d->names[j];
        const char *dot = strrchr(name, '.');
        /* L.aid / D.x / log(x): look up the underlying name */
        char base[256];
        snprintf(base, sizeof base, "%s", dot && (name[0] == 'L' || name[0] == 'F' || name[0] == 'D') ? dot + 1 : name);
        if (strncmp(base, "log(", 4) == 0) { memmove(base, base + 4, strlen(base + 4) + 1); base[strcspn(base, ")")] = 0; }
        v = cpr_catalogue_find(cat, base);
        if (v && strcmp(v->name, d->outcome) != 0) cpr_result_add_note(r, "%s: %s (%s; %s)", name, v->label, v->unit, v->source);
    }
    cpr_catalogue_free(cat);
}

typedef struct {
    cpr_model_spec spec;
    int explicit_model, explicit_se;
    const char *cluster, *cluster2;   /* --cluster VAR[,VAR2], both in cluster_buf */
    char *cluster_buf;
    cpr_format fmt;
    const char *weight;       /* --weight VAR or NULL */
    cpr_weight_type weight_type;
    long boot_B;              /* -1: default (9999 when clusters < 50) */
    int weights_auto;         /* --boot-weights auto (the default) */
    cpr_boot_spec boot;
} regress_opts;

/* --weight VAR --weight-type KIND, with Stata's rules: pweights need robust
 * or clustered variances (the default switches to HC1 on a cross-section),
 * fweights count observations (no leverage-based HC2/HC3). */
static int read_weight_options(const cli_args *a, regress_opts *o)
{
    int wt = lookup(a, "weight-type", wtype_names, CPR_WEIGHT_A);
    if (wt < 0) return CPR_E_USAGE;
    o->weight = cli_get(a, "weight");
    o->weight_type = o->weight ? (cpr_weight_type)wt : CPR_WEIGHT_NONE;
    if (!o->weight) {
        if (cli_has(a, "weight-type")) return cli_usage_error(a->cmd, "--weight-type needs --weight VAR");
        return 0;
    }
    const char *tn = cpr_weight_type_name(o->weight_type);
    if (o->spec.kind == CPR_MODEL_RE || o->spec.kind == CPR_MODEL_FD)
        return cli_usage_error(a->cmd, "--weight is implemented for --model ols, pooled, fe and be, not %s", cli_get(a, "model"));
    if (o->weight_type == CPR_WEIGHT_P && o->spec.se == CPR_SE_IID) {
        if (o->explicit_se)
            return cli_usage_error(a->cmd, "pweights need robust or clustered standard errors (--se hc0|hc1|hc2|hc3|cluster|cluster2|dk), as in Stata");
        o->spec.se = CPR_SE_HC1;
    }
    if (o->weight_type == CPR_WEIGHT_F && (o->spec.se == CPR_SE_HC2 || o->spec.se == CPR_SE_HC3))
        return cli_usage_error(a->cmd, "--se %s is not available with fweights (leverage of replicated rows)", cli_get(a, "se"));
    if (o->spec.kind == CPR_MODEL_BE && o->weight_type != CPR_WEIGHT_A)
        return cli_usage_error(a->cmd, "--model be takes aweights only, not %ss", tn);
    if (cli_has(a, "hausman")) return cli_usage_error(a->cmd, "--hausman is not available with --weight");
    if (cli_has(a, "endog") || cli_has(a, "preset")) return cli_usage_error(a->cmd, "--weight is not implemented for IV");
    if (o->boot_B > 0) return cli_usage_error(a->cmd, "--bootstrap is not available with --weight (the wild bootstrap here is unweighted)");
    if (cli_has(a, "resid-plot") && o->spec.kind == CPR_MODEL_FE)
        return cli_usage_error(a->cmd, "--resid-plot is not available with --weight and fixed effects");
    return 0;
}

static int read_options(const cli_args *a, int is_panel, regress_opts *o)
{
    cpr_model_spec_default(&o->spec);
    o->explicit_model = cli_has(a, "model");
    o->explicit_se = cli_has(a, "se");
    int m = lookup(a, "model", model_names, is_panel ? CPR_MODEL_FE : CPR_MODEL_OLS);
    int e = lookup(a, "effects", effect_names, CPR_EFFECTS_TWOWAY);
    int se = lookup(a, "se", se_names, is_panel ? CPR_SE_CLUSTER : CPR_SE_IID);
    int ssc = lookup(a, "ssc", ssc_names, CPR_SSC_STATA);
    int re = lookup(a, "re-method", re_names, CPR_RE_STATA);
    int ht = lookup(a, "hausman-type", hausman_names, CPR_HAUSMAN_AUTO);
    if (ht < 0) return CPR_E_USAGE;
    o->spec.hausman = (cpr_hausman_type)ht;
    int ivm = lookup(a, "iv-method", ivm_names, CPR_IV_2SLS);
    if (ivm < 0) return CPR_E_USAGE;
    o->spec.iv_method = (cpr_iv_method)ivm;
    if (cli_get_double(a, "fuller", 1.0, &o->spec.fuller_a)) return CPR_E_USAGE;
    if (cli_has(a, "fuller") && ivm != CPR_IV_FULLER) return cli_usage_error(a->cmd, "--fuller A goes with --iv-method fuller");
    if (!(o->spec.fuller_a > 0)) return cli_usage_error(a->cmd, "--fuller must be positive, not '%s'", cli_get(a, "fuller"));
    o->spec.asymptotic = cli_has(a, "asymptotic");
    int f = cpr_format_parse(cli_get(a, "format") ? cli_get(a, "format") : "text");
    if (m < 0 || e < 0 || se < 0 || ssc < 0 || re < 0) return CPR_E_USAGE;
    if (f < 0 && !(cli_get(a, "format") && !cpr_strcasecmp(cli_get(a, "format"), "docx")))
        return cli_usage_error(a->cmd, "--format must be text|md|csv|json|latex|html, not '%s'", cli_get(a, "format"));
    o->spec.kind = (cpr_model_kind)m;
    o->spec.effects = (cpr_effects)e;
    o->spec.se = (cpr_se_kind)se;
    o->spec.ssc = (cpr_ssc)ssc;
    o->spec.re_method = (cpr_re_method)re;
    o->fmt = (cpr_format)f;
    long lag;
    double level;
    if (cli_get_long(a, "dk-lag", -1, -1, 1000, &lag)) return CPR_E_USAGE;
    if (cli_get_double(a, "level", 0.95, &level)) return CPR_E_USAGE;
    if (!(level > 0.5 && level < 1)) return cli_usage_error(a->cmd, "--level must lie between 0.5 and 1, not '%s'", cli_get(a, "level"));
    o->spec.dk_lag = (int)lag;
    long maxit;
    double tol;
    if (cli_get_long(a, "fe-maxiter", 10000, 1, 100000000, &maxit)) return CPR_E_USAGE;
    if (cli_get_double(a, "fe-tol", 1e-10, &tol)) return CPR_E_USAGE;
    if (!(tol > 0 && tol < 1)) return cli_usage_error(a->cmd, "--fe-tol must lie between 0 and 1, not '%s'", cli_get(a, "fe-tol"));
    if (cli_has(a, "fe-maxiter")) o->spec.fe_maxiter = (int)maxit;
    if (cli_has(a, "fe-tol")) o->spec.fe_tol = tol;
    o->spec.conf_level = level;
    long B, seed;
    int w = lookup(a, "boot-weights", weight_names, WEIGHTS_AUTO);
    int bt = lookup(a, "boot-type", boot_type_names, CPR_BOOT_WCR);
    if (bt < 0) return CPR_E_USAGE;
    o->weights_auto = w == WEIGHTS_AUTO;
    if (w == WEIGHTS_AUTO) w = CPR_BOOT_RADEMACHER;   /* fixed once G is known */
    if (w < 0) return CPR_E_USAGE;
    if (cli_get_long(a, "bootstrap", -1, 0, 10000000, &B)) return CPR_E_USAGE;
    if (cli_has(a, "bootstrap") && B < 0) return cli_usage_error(a->cmd, "--bootstrap must be 0 or more");
    if (cli_get_long(a, "seed", 42, 0, 4294967295L, &seed)) return CPR_E_USAGE;
    o->boot_B = cli_has(a, "bootstrap") ? B : -1;
    o->boot = (cpr_boot_spec){ .B = 9999, .seed = (unsigned long)seed, .weights = (cpr_boot_weights)w, .conf_level = level,
                               .type = (cpr_boot_type)bt };
    if (!is_panel && (o->spec.kind != CPR_MODEL_OLS && o->spec.kind != CPR_MODEL_POOLED))
        return cli_usage_error(a->cmd, "--model %s needs panel data (entity and time columns; see --entity/--time)", cli_get(a, "model"));
    if (!is_panel && (o->spec.se == CPR_SE_DK))
        return cli_usage_error(a->cmd, "--se dk needs panel data");
    const char *cl = cli_get(a, "cluster");
    free(o->cluster_buf);
    o->cluster_buf = NULL;
    o->cluster = o->cluster2 = NULL;
    if (cl) {
        /* VAR or VAR1,VAR2: one copy, cut at the comma */
        o->cluster = o->cluster_buf = cpr_strdup(cl);
        char *comma = strchr(o->cluster_buf, ',');
        if (comma) {
            *comma = 0;
            o->cluster2 = comma + 1;
        }
        if (!o->explicit_se) o->spec.se = comma ? CPR_SE_CLUSTER2 : CPR_SE_CLUSTER;
    }
    if (o->spec.se == CPR_SE_CLUSTER2 && !o->cluster2)
        return cli_usage_error(a->cmd, "--se cluster2 needs two variables: --cluster VAR1,VAR2");
    int cr = o->spec.se == CPR_SE_CR2 || o->spec.se == CPR_SE_CR3 || o->spec.se == CPR_SE_CR3J;
    if (!is_panel && (o->spec.se == CPR_SE_CLUSTER || cr) && !o->cluster)
        return cli_usage_error(a->cmd, "--se %s on a cross-section needs --cluster VAR", cli_get(a, "se"));
    if (cr && o->cluster2)
        return cli_usage_error(a->cmd, "--se %s clusters one way: give one --cluster variable", cli_get(a, "se"));
    if (cr && o->spec.kind != CPR_MODEL_OLS && o->spec.kind != CPR_MODEL_POOLED && o->spec.kind != CPR_MODEL_FE)
        return cli_usage_error(a->cmd, "--se %s is implemented for --model ols, pooled and fe (the leave-one-cluster-out "
                               "fit of %s is not a subsample least-squares fit)", cli_get(a, "se"), cli_get(a, "model"));
    o->spec.cluster_diag = cli_has(a, "cluster-diagnostics");
    if (o->spec.cluster_diag && o->spec.se == CPR_SE_CLUSTER2)
        return cli_usage_error(a->cmd, "--cluster-diagnostics needs one-way clustering");
    if (o->spec.cluster_diag && !is_panel && !o->cluster)
        return cli_usage_error(a->cmd, "--cluster-diagnostics on a cross-section needs --cluster VAR");
    if (o->spec.cluster_diag && o->spec.kind != CPR_MODEL_OLS && o->spec.kind != CPR_MODEL_POOLED && o->spec.kind != CPR_MODEL_FE)
        return cli_usage_error(a->cmd, "--cluster-diagnostics is implemented for --model ols, pooled and fe");
    return read_weight_options(a, o);
}

/* The formula: -f, the preset or the positional names, edited through
 * cpr/formula_edit.h (--controls, --endog/--instrument), with the fixed
 * effects the model implies made explicit (so the printed formula is what
 * was estimated). */
static int build_formula(const cli_args *a, const cpr_frame *f, const char *ftext, regress_opts *o, cpr_formula **fm)
{
    if (o->spec.kind == CPR_MODEL_FE && !f->entity)
        return cli_usage_error(a->cmd, "--model fe needs panel data (entity and time columns; see --entity/--time)");
    int rc;
    if (cli_has(a, "preset")) {
        rc = regress_preset_formula(a, f, fm);
    } else if (ftext) {
        if (a->npos > 0) return cli_usage_error(a->cmd, "give either -f FORMULA or variables 'X... Y', not both");
        rc = cpr_formula_parse(ftext, fm);
    } else {
        if (a->npos < 2)
            return cli_usage_error(a->cmd, a->npos == 0 ? "missing variables: give 'X... Y' (outcome last) or -f FORMULA"
                                                         : "missing outcome: give 'X... Y' with the outcome last, e.g. 'regress aid poverty'");
        rc = formula_from_positionals(a, fm);
    }
    /* controls join the exogenous terms (the preset has its own) */
    if (!rc && !cli_has(a, "preset") && cli_get(a, "controls")) rc = cpr_formula_add_terms(*fm, cli_get(a, "controls"));
    if (!rc) rc = regress_iv_flags(a, *fm);
    if (rc) return rc;
    cpr_formula *F = *fm;
    cpr_formula_drop_endog_terms(F);
    if (F->n_fe > 0 || F->fe_entity || F->fe_time) {
        if ((rc = cpr_formula_bind(F, f))) return rc;
        if (!o->explicit_model) o->spec.kind = CPR_MODEL_FE;
        else if (o->spec.kind != CPR_MODEL_FE)
            return cli_usage_error(a->cmd, "the formula absorbs fixed effects ('| ...'), which only --model fe does");
        o->spec.effects = F->fe_entity && F->fe_time ? CPR_EFFECTS_TWOWAY : F->fe_entity ? CPR_EFFECTS_ENTITY : CPR_EFFECTS_TIME;
        return CPR_OK;
    }
    if (ftext && !o->explicit_model && f->entity) o->spec.kind = CPR_MODEL_POOLED; /* a formula says what it means */
    if (o->spec.kind == CPR_MODEL_FE) {
        /* the absorbed effects, explicit in the formula */
        const char *fe[2];
        size_t nfe = 0;
        if (o->spec.effects != CPR_EFFECTS_TIME) fe[nfe++] = f->entity_name;
        if (o->spec.effects != CPR_EFFECTS_ENTITY) fe[nfe++] = f->time_name;
        cpr_formula_set_fe(F, fe, nfe);
        rc = cpr_formula_bind(F, f);
    } else if (!ftext && !f->entity) {
        o->spec.kind = o->explicit_model ? o->spec.kind : CPR_MODEL_OLS;
    }
    return rc;
}

/* The wild cluster bootstrap beside the cluster-robust columns: by default
 * when one-way clustered with fewer than 50 clusters (where CR p-values are
 * known to be too small), or whenever --bootstrap B > 0 asks for it. */
static int maybe_bootstrap(const cli_args *a, regress_opts *o, cpr_fit *fit)
{
    const cpr_design *d = fit->d;
    cpr_result *r = fit->r;
    size_t G = d->n_clusters;
    int clustered = o->spec.se == CPR_SE_CLUSTER || o->spec.se == CPR_SE_CR2 || o->spec.se == CPR_SE_CR3 ||
                    o->spec.se == CPR_SE_CR3J;
    if (o->weights_auto && G < CPR_BOOT_WEBB_BELOW) o->boot.weights = CPR_BOOT_WEBB;
    if (o->boot_B == 0) return CPR_OK;
    if (d->w) {
        if (clustered && G < CPR_BOOT_FEW_CLUSTERS)
            cpr_result_add_note(r, "G = %zu clusters (< %d): cluster-robust p-values can be too small; the wild cluster bootstrap "
                                "is not available with weights", G, CPR_BOOT_FEW_CLUSTERS);
        return CPR_OK;
    }
    if (o->boot_B > 0 && !clustered)
        return cli_usage_error(a->cmd, "--bootstrap needs one-way clustered standard errors (--se cluster, cr2, cr3 or cr3j)");
    if (o->boot_B < 0 && !(clustered && G < CPR_BOOT_FEW_CLUSTERS)) return CPR_OK;
    if (o->boot_B > 0) o->boot.B = (size_t)o->boot_B;
    if (G < CPR_BOOT_UNRELIABLE_BELOW)
        cpr_result_add_note(r, "warning: with G = %zu clusters no bootstrap p-value is reliable (fewer than %d clusters: "
                            "Webb 2023, MacKinnon & Webb 2018); neither are the analytic ones: treat every p-value here as "
                            "inconclusive", G, CPR_BOOT_UNRELIABLE_BELOW);
    if (o->weights_auto && G < CPR_BOOT_WEBB_BELOW)
        cpr_result_add_note(r, "Webb's six-point weights: with G = %zu < %d clusters Rademacher weights give at most 2^%zu "
                            "distinct bootstrap samples (Webb 2023); --boot-weights rademacher overrides", G, CPR_BOOT_WEBB_BELOW, G);
    size_t n0 = r->nnotes;
    cpr_error_scope es;   /* not asked for: a failed bootstrap is a note */
    cpr_error_scope_begin(&es);
    if (cpr_fit_bootstrap(fit, &o->boot) != CPR_OK) {
        if (o->boot_B > 0) { cpr_error_scope_keep(&es); return cpr_last_code(); }   /* asked for: an error */
        cpr_result_add_note(r, "G = %zu clusters (< %d): cluster-robust p-values can be too small, but %s", G,
                            CPR_BOOT_FEW_CLUSTERS, cpr_last_error());
        cpr_error_scope_end(&es);
        return CPR_OK;
    }
    cpr_error_scope_end(&es);
    if (G < CPR_BOOT_FEW_CLUSTERS) {
        const char *tn = cpr_boot_type_name(o->boot.type), *wn = cpr_boot_weights_name(o->boot.weights);
        char *how = cpr_wcr_enumerates(G, o->boot.B, o->boot.weights)
                        ? cpr_asprintf("%s, %s, all %s^%zu weight vectors", tn, wn, o->boot.weights == CPR_BOOT_WEBB ? "6" : "2", G)
                        : cpr_asprintf("%s, %s, B = %zu, seed %lu", tn, wn, o->boot.B, o->boot.seed);
        cpr_result_add_note(r, "G = %zu clusters (< %d): cluster-robust p-values can be too small; wild cluster bootstrap "
                            "(%s) reported beside them (--bootstrap 0 turns it off)", G, CPR_BOOT_FEW_CLUSTERS, how);
        free(how);
    }

    /* the reason first, then what the bootstrap did */
    if (r->nnotes > n0 + 1) {
        char *why = r->notes[r->nnotes - 1];
        memmove(r->notes + n0 + 1, r->notes + n0, (r->nnotes - 1 - n0) * sizeof *r->notes);
        r->notes[n0] = why;
    }
    return CPR_OK;
}

/* One model: options, formula (ftext, or the positional form when NULL),
 * design, fit, notes and the bootstrap. The caller frees *fm, *d and *r.
 * consume: f itself when nothing reads its numeric columns after this
 * model (one formula): the design then takes them over (see
 * cpr_design_opts.consume), so big data is not held twice. */
static int fit_one(const cli_args *a, const cpr_frame *f, cpr_frame *consume, const char *ftext, regress_opts *o,
                   cpr_formula **fm, cpr_design **d, cpr_result **r)
{
    o->cluster_buf = NULL;
    int rc = read_options(a, f->entity != NULL, o);
    if (!rc) rc = build_formula(a, f, ftext, o, fm);
    cpr_design_info info = {0};
    if (!rc) {
        if (o->weight && (*fm)->n_endog) rc = cli_usage_error(a->cmd, "--weight is not implemented for IV");
        if (!rc && !(*fm)->n_endog && (cli_has(a, "iv-method") || o->spec.asymptotic))
            rc = cli_usage_error(a->cmd, "--iv-method and --asymptotic apply to IV models ('y ~ x | FE | endog ~ instruments' or --endog/--instrument)");
        if (o->weight && o->spec.kind != CPR_MODEL_OLS && o->spec.kind != CPR_MODEL_POOLED && o->spec.kind != CPR_MODEL_FE &&
            o->spec.kind != CPR_MODEL_BE && !rc)
            rc = cli_usage_error(a->cmd, "--weight is implemented for --model ols, pooled, fe and be");
    }
    if (!rc) {
        cpr_design_opts dopts = {0};
        dopts.no_constant = cli_has(a, "no-constant");
        dopts.absorb_fe = o->spec.kind == CPR_MODEL_FE;
        dopts.cluster = o->cluster;
        dopts.cluster2 = o->cluster2;
        dopts.weight = o->weight;
        dopts.weight_type = (int)o->weight_type;
        /* --hausman re-reads the frame */
        if (!cli_has(a, "hausman") && !(o->spec.kind == CPR_MODEL_RE && cpr_hausman_is_mundlak(&o->spec)))
            dopts.consume = consume;
        if (o->spec.kind == CPR_MODEL_FE && !cli_has(a, "keep-singletons"))
            dopts.drop_singletons = (o->spec.effects != CPR_EFFECTS_TIME ? CPR_SINGLETONS_ENTITY : 0) |
                                    (o->spec.effects != CPR_EFFECTS_ENTITY ? CPR_SINGLETONS_TIME : 0);
        rc = cpr_design_build(f, *fm, &dopts, d, &info);
        /* one model whose design nothing reads after the fit but y, the
         * codes and the bootstrap's final regression: FE may demean X in place */
        if (!rc && dopts.consume) (*d)->x_scratch = 1;
    }
    /* the fit stays until the bootstrap has used its final regression */
    cpr_fit *fit = NULL;
    if (!rc) rc = cpr_model_estimate(*d, &o->spec, &fit);
    if (!rc) rc = cpr_infer_run(fit);
    if (rc) { cpr_fit_free(fit); return rc; }
    cpr_result *R = fit->r;
    free(R->formula);
    R->formula = cpr_formula_to_string(*fm);
    R->n_dropped = (*d)->n_dropped;
    /* the sample list is shown only by the machine formats (JSON); a big
     * unbalanced panel's list runs to tens of MB, so it is not built for
     * text, md, LaTeX or HTML output, which never print it */
    if (o->fmt != CPR_FMT_TEXT && o->fmt != CPR_FMT_MD && o->fmt != CPR_FMT_LATEX && o->fmt != CPR_FMT_HTML)
        R->sample = cpr_design_sample_text(*d);
    if ((*d)->n_dropped)
        cpr_result_add_note(R, "%zu observations dropped for missing values (listwise deletion)", (*d)->n_dropped);
    if ((*d)->w) {
        cpr_result_add_note(R, "weights: %s (%s)%s", (*d)->weight_name, cpr_weight_type_name((*d)->weight_type),
                            (*d)->weight_type == CPR_WEIGHT_F ? ", frequency weights: N is their sum"
                            : ", rescaled to sum to the number of observations, as Stata");
        if ((*d)->n_zero_weight) cpr_result_add_note(R, "%zu observations with weight 0 left out", (*d)->n_zero_weight);
    }
    if (info.n_singletons) {
        cpr_result_add_note(R, "dropped %zu singleton observations (alone in their %s under the fixed effects, found "
                            "iteratively as reghdfe does; they are fitted exactly and only inflate N and the clusters); "
                            "--keep-singletons keeps them", info.n_singletons,
                            o->spec.effects == CPR_EFFECTS_TWOWAY ? "entity or period"
                            : o->spec.effects == CPR_EFFECTS_TIME ? "period" : "entity");
        cpr_result_add_stat(R, "n_singletons", "Singleton observations dropped", (double)info.n_singletons, 1);
    }
    if (info.n_log_nonpositive)
        cpr_result_add_note(R, "%zu observations dropped because a log() argument was zero or negative", info.n_log_nonpositive);
    if (!cli_has(a, "data")) add_variable_notes(R, *d);
    regress_preset_notes(a, R);
    if ((*d)->kx_endog) rc = cpr_iv_diagnostics_add(*d, &o->spec, R);
    if (rc) return rc;
    if (cli_has(a, "hausman") || (o->spec.kind == CPR_MODEL_RE && cpr_hausman_is_mundlak(&o->spec))) {
        if (!f->entity) rc = cli_usage_error(a->cmd, "--hausman needs panel data");
        else rc = cli_regress_hausman(f, *fm, &o->spec, o->cluster, o->cluster2, R);
    }
    if (!rc) rc = maybe_bootstrap(a, o, fit);
    *r = cpr_fit_take_result(fit);
    cpr_fit_free(fit);
    return rc;
}

/* The columns regress will read, known before loading: those of each
 * formula (-f, or 'X... Y') with --controls, --endog and --instrument,
 * the --cluster and --weight variables (the panel key is always kept).
 * want->all (load every column) with --preset, which builds its formula
 * from the data, and when a formula or list does not parse: its message
 * then comes where it always did, after loading. */
static void regress_columns(const cli_args *a, const char *const *forms, size_t nf, cli_names *want)
{
    want->all = cli_has(a, "preset") || (nf == 0 && a->npos < 2);
    cpr_error_scope es; /* a formula that fails here fails again, reported, after loading */
    cpr_error_scope_begin(&es);
    for (size_t i = 0; i < (nf ? nf : 1) && !want->all; i++) {
        cpr_formula *fm = NULL;
        int rc = nf ? cpr_formula_parse(forms[i], &fm) : formula_from_positionals(a, &fm);
        static const char *const lists[] = {"controls", "endog", "instrument"};
        for (size_t k = 0; k < 3 && !rc; k++)
            if (cli_get(a, lists[k])) rc = cpr_formula_add_terms(fm, cli_get(a, lists[k]));
        if (rc) want->all = 1;
        else cli_names_add_formula(want, fm);
        cpr_formula_free(fm);
    }
    cpr_error_scope_end(&es);
    const char *cl = cli_get(a, "cluster");
    if (cl) {   /* VAR or VAR1,VAR2, cut at the first comma as read_options does */
        char *c = cpr_strdup(cl), *comma = strchr(c, ',');
        if (comma) *comma = '\0';
        cli_names_add(want, c);
        if (comma) cli_names_add(want, comma + 1);
        free(c);
    }
    if (cli_get(a, "weight")) cli_names_add(want, cli_get(a, "weight"));
}

/* Several -f: every formula with the same options, one table of all. */
static int run_many(const cli_args *a, const cpr_frame *f, const char *const *forms, size_t nf)
{
    static const char *const single_only[] = {"first-stage", "reduced-form", "resid-plot", "resid-script", "preset", NULL};
    for (const char *const *s = single_only; *s; s++)
        if (cli_has(a, *s)) return cli_usage_error(a->cmd, "--%s works with one -f formula, not %zu", *s, nf);
    if (a->npos > 0) return cli_usage_error(a->cmd, "give either -f FORMULA or variables 'X... Y', not both");
    cpr_result **m = cpr_calloc(nf, sizeof *m);
    int rc = CPR_OK;
    for (size_t i = 0; i < nf && !rc; i++) {
        regress_opts o;
        cpr_formula *fm = NULL;
        cpr_design *d = NULL;
        rc = fit_one(a, f, NULL, forms[i], &o, &fm, &d, &m[i]);
        free(o.cluster_buf);
        cpr_design_free(d);
        cpr_formula_free(fm);
    }
    if (!rc) rc = cli_table_write(a, (const cpr_result *const *)m, nf, !cli_has(a, "data"));
    for (size_t i = 0; i < nf; i++) cpr_result_free(m[i]);
    free(m);
    return rc;
}

static int run_regress(const cli_command *cmd, int argc, char **argv)
{
    cli_args a;
    int rc = cli_parse(cmd, argc, argv, &a);
    if (rc) return rc;
    cpr_frame *f = NULL;
    cpr_formula *fm = NULL;
    cpr_design *d = NULL;
    cpr_result *r = NULL;
    regress_opts o = {0};
    const char *forms[64];
    size_t nf = cli_get_all(&a, "formula", forms, 64);
    rc = cli_gnuplot_timeout(&a);
    cli_names want = {0};
    if (!rc) regress_columns(&a, forms, nf, &want);
    if (!rc) rc = cli_load_data_want(&a, 0, &want, &f);
    cli_names_free(&want);
    if (!rc) rc = cli_apply_sample(&a, f);
    if (!rc && nf > 1) rc = run_many(&a, f, forms, nf);
    else if (!rc) {
        /* the table options shape a table of several models: refuse them here, never ignore them */
        static const char *const table_only[] = {"titles", "title", "below", "rename", "keep", "drop",
                                                 "scale", "digits", "no-labels", "output", NULL};
        for (const char *const *t = table_only; *t && !rc; t++)
            if (cli_has(&a, *t))
                rc = cli_usage_error(cmd, "--%s is a table option: give several -f formulas, or save the models "
                                          "with --format json and use 'cpr-stats table'", *t);
        if (!rc && cli_get(&a, "format") && !cpr_strcasecmp(cli_get(&a, "format"), "docx"))
            rc = cli_usage_error(cmd, "--format docx writes a table of several models (several -f, with -o FILE.docx)");
        if (!rc) rc = fit_one(&a, f, f, nf ? forms[0] : NULL, &o, &fm, &d, &r);
        /* a Stata user types 'regress poverty aid': say at once which name was the outcome
         * (after the fit, so an error stays the first line of stderr) */
        if (!rc && !nf && !cli_has(&a, "preset") && !cli_has(&a, "quiet"))
            fprintf(stderr, "cpr-stats regress: outcome: %s (the last name); write -f '%s' to be explicit\n",
                    a.pos[a.npos - 1], r->formula);
        if (!rc) rc = cpr_report_result(stdout, r, o.fmt);
        if (!rc) rc = regress_print_aux(&a, d, &o.spec, fm, o.fmt);
        if (!rc) rc = cli_regress_resid_plot(&a, d, r);
    }
    free(o.cluster_buf);
    cpr_result_free(r);
    cpr_design_free(d);
    cpr_formula_free(fm);
    cpr_frame_free(f);
    cli_args_free(&a);
    return rc;
}

static const cli_opt regress_opts_table[] = {
    {"formula", 'f', "FORMULA", NULL, "model formula, e.g. 'poverty ~ L.aid + log(gdp_pc) | iso3 + year'; repeat for a table of several models"},
    {"controls", 'c', "LIST", "none", "comma-separated extra regressors"},
    {"model", 'm', "KIND", "fe on panel data, ols otherwise", "ols|pooled|fe|re|be|fd"},
    {"effects", 0, "WHICH", "twoway", "fixed effects of --model fe: entity|time|twoway"},
    {"keep-singletons", 0, NULL, NULL, "--model fe: keep observations alone in their entity or period (default: dropped iteratively, as reghdfe, with a note)"},
    {"se", 0, "TYPE", "cluster on panel data, iid otherwise", "iid|hc0|hc1|hc2|hc3|cluster|cluster2|dk|cr2|cr3|cr3j"},
    {"cluster", 0, "VAR[,VAR]", "the entity", "cluster variable(s); two give two-way clustering"},
    {"cluster-diagnostics", 0, NULL, NULL, "per-cluster table: size, leverage, partial leverage, leave-one-cluster-out estimates; G*"},
    {"ssc", 0, "RULE", "stata", "cluster small-sample factor: stata|plm|none"},
    {"re-method", 0, "RULE", "stata", "Swamy-Arora variance components: stata|plm"},
    {"dk-lag", 0, "N", "floor(4(T/100)^(2/9))", "Driscoll-Kraay lag"},
    {"no-constant", 0, NULL, NULL, "drop the intercept"},
    {"hausman", 0, NULL, NULL, "add the Hausman test FE vs RE to an FE model (RE models always carry it)"},
    {"hausman-type", 0, "KIND", "mundlak with --se hc*/cluster*/dk, classical with iid",
     "classical (V_FE - V_RE, generalised inverse when not positive definite, as Stata) | mundlak (regression-based, the model's variance)"},
    {"level", 0, "P", "0.95", "confidence level of the intervals"},
    {"fe-tol", 0, "TOL", "1e-10", "unbalanced two-way FE: convergence tolerance of the alternating projections"},
    {"fe-maxiter", 0, "N", "10000", "unbalanced two-way FE: maximum sweeps (exit 14 when not converged)"},
    {"bootstrap", 0, "B", "9999 when clustered with < 50 clusters, else 0", "wild cluster bootstrap draws (0 = off)"},
    {"seed", 0, "N", "42", "random seed of the bootstrap (results are reproducible)"},
    {"boot-weights", 0, "KIND", "auto", "wild bootstrap weights: rademacher|webb|auto (auto: Webb below 12 clusters, else Rademacher; was --weights)"},
    {"boot-type", 0, "KIND", "wcr", "wild bootstrap: wcr (restricted, CV1 t), wcr31 (restricted, CV3 t), wcu33 (unrestricted, CV3 t, jackknife residuals)"},
    {"weight", 0, "VAR", "none", "observation weights: missing or 0 leaves the row out, negative is an error"},
    {"weight-type", 0, "KIND", "aweight", "aweight (rescaled to sum to N) | pweight (robust/clustered SEs only; default hc1 or cluster) | fweight (integer counts, N = their sum)"},
    {"endog", 0, "LIST", "none", "endogenous regressor(s) for IV/2SLS (with --instrument)"},
    {"instrument", 0, "LIST", "none", "excluded instrument(s) for IV/2SLS"},
    {"iv-method", 0, "KIND", "2sls", "IV estimator: 2sls | liml | fuller (k-class, prints kappa) | gmm (two-step efficient; weight matrix follows --se: iid, hc0/hc1 or cluster)"},
    {"fuller", 0, "A", "1", "Fuller's constant of --iv-method fuller: kappa = kappa_LIML - A/(N - L)"},
    {"asymptotic", 0, NULL, NULL, "IV: Stata's large-sample conventions: z and chi2, s^2 = RSS/N, HC0, CR0 (default: small-sample t, F, N-K, HC1, CR1)"},
    {"first-stage", 0, NULL, NULL, "IV: also print the first-stage regression(s)"},
    {"reduced-form", 0, NULL, NULL, "IV: also print the reduced form (outcome on exogenous regressors and instruments)"},
    {"preset", 0, "NAME", "none", "a published design: dreher2021 (growth on Chinese finance, t-2; see --outcome, --instrument)"},
    {"outcome", 0, "VAR", "gdp_pc_growth", "outcome of --preset"},
    {"format", 0, "FMT", "text", "output format: text|md|csv|json|latex|html (several -f: also docx, with -o)"},
    {"resid-plot", 0, "FILE", "none", "also draw residuals against fitted values to FILE (.png, .svg, .pdf); be, re: x'b and y - x'b on the rows; fd: the differenced rows"},
    {"resid-script", 0, "FILE.gp", "none", "save that figure's gnuplot script, fitted values and residuals inline"},
    CLI_GNUPLOT_TIMEOUT_OPT,
    CLI_DATA_OPTS,
    CLI_SAMPLE_OPTS,
    CLI_TABLE_OPTS, /* used with several -f */
    {0}};

const cli_command cli_cmd_regress = {
    "regress", "estimate a linear (panel) regression", "[OPTIONS] X... Y | -f FORMULA",
    "'regress aid poverty' is the effect of aid on poverty (outcome last); on panel data the\n"
    "default is two-way fixed effects (entity and year) with standard errors clustered by entity.\n"
    "A formula gives full control: operators L. L2. F. D. (panel lags, leads, differences), log(),\n"
    "a:b and a*b interactions, '-1' for no intercept, fixed effects after '|'. A formula without\n"
    "'|' is estimated as written (pooled OLS) unless --model says otherwise. A third part makes it\n"
    "IV/2SLS: 'y ~ x | FE | endog ~ instruments' (FE may be 0). With clustered SEs and fewer than 50\n"
    "clusters, a wild cluster bootstrap p-value and interval are printed beside the analytic ones.\n"
    "Several -f formulas, with the same other options, print one table with a column per model\n"
    "(as 'cpr-stats table'; the table options below apply). FE models print the F test of the\n"
    "effects, Wooldridge's AR(1) test and Pesaran's CD; above 20,000 rows the first two come from\n"
    "streaming passes over the data (no copies), and the CD test is left out on unbalanced panels\n"
    "with more than 2,000 entities (it is quadratic in them; there is no option to force it).",
    regress_opts_table, run_regress};
