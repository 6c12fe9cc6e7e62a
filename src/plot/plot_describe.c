/* What a figure shows, for reports: a small JSON file beside the image
 * ({"title", "caption", "sample"}) that `reproduce --out` puts under the
 * figure. Written atomically; no path of this machine goes into it (the
 * caller passes text only). */
#include "cpr/plot.h"

#include "cpr/outfile.h"
#include "cpr/status.h"
#include "cpr/util.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

int cpr_plot_describe_write(const char *path, const char *title, const char *caption,
                            const char *const *sample, size_t nsample)
{
    json_t *o = json_pack("{s:s,s:s}", "title", title ? title : "", "caption", caption ? caption : "");
    if (sample) {
        json_t *a = json_array();
        for (size_t i = 0; i < nsample; i++) json_array_append_new(a, json_string(sample[i] ? sample[i] : ""));
        json_object_set_new(o, "sample", a);
    }
    char *s = json_dumps(o, JSON_INDENT(2) | JSON_SORT_KEYS);
    json_decref(o);
    if (!s) return cpr_fail(CPR_E_INTERNAL, "%s: cannot encode the figure description", path);
    char *t = cpr_asprintf("%s\n", s); /* a text file ends with a newline */
    free(s);
    int rc = cpr_outfile_write(path, t, strlen(t));
    free(t);
    return rc;
}
