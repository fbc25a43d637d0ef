/*
 * dist.c - the distributed steps' frame: ndupes_step_run checks what a step is given and
 * hands it to its module (dist_templates.c, dist_index.c, dist_score.c), and the helpers
 * every step uses to read its inputs.
 *
 * A run over a cluster is the run of corpus.c cut where it needs the whole collection:
 * the site templates (the paragraph counts and the votes), the exact classes, the
 * buckets of LSH keys, the scores and the clustering.  Each cut is a step here whose
 * inputs are the records of a key's part, shuffled by an engine (docs/SKETCH.md), and each
 * step reuses the code of the run (nd_fp_finalize, nd_lsh_bucket, nd_lsh_choose, nd_score,
 * nd_cluster, the groups of corpus.c), so that the groups are those of one run.
 */
#include "nd_dist.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>

static const char *const step_names[NDUPES_STEP_COUNT] = {
    [NDUPES_STEP_PARAS] = "paras",       [NDUPES_STEP_OWN] = "own",
    [NDUPES_STEP_VOTES] = "votes",       [NDUPES_STEP_TEMPLATES] = "templates",
    [NDUPES_STEP_FINALIZE] = "finalize", [NDUPES_STEP_EXACT] = "exact",
    [NDUPES_STEP_EXACT_EDGES] = "exact-edges", [NDUPES_STEP_CLASSES] = "classes",
    [NDUPES_STEP_KEYS] = "keys",         [NDUPES_STEP_BUCKETS] = "buckets",
    [NDUPES_STEP_CANDIDATES] = "candidates", [NDUPES_STEP_NEED] = "need",
    [NDUPES_STEP_SELECT] = "select",     [NDUPES_STEP_SCORE] = "score",
    [NDUPES_STEP_CLUSTER] = "cluster",
};

const char *ndupes_step_name(ndupes_step step)
{
    return (unsigned)step < NDUPES_STEP_COUNT ? step_names[step] : NULL;
}

/* What each step takes: S one sketch, SS any number (one at least), P parts, O the
 * single output, PO parts or the single output, B bounds, C a corpus.  Record streams may
 * always be none (an empty input). */
enum { S = 1, SS = 2, P = 4, O = 8, B = 16, C = 32, PO = 64 };
static const unsigned char takes[NDUPES_STEP_COUNT] = {
    [NDUPES_STEP_PARAS] = S | P,      [NDUPES_STEP_OWN] = P,
    [NDUPES_STEP_VOTES] = P,          [NDUPES_STEP_TEMPLATES] = O,
    [NDUPES_STEP_FINALIZE] = S | O,   [NDUPES_STEP_EXACT] = S | P,
    [NDUPES_STEP_EXACT_EDGES] = O,    [NDUPES_STEP_CLASSES] = P | B,
    [NDUPES_STEP_KEYS] = S | P,       [NDUPES_STEP_BUCKETS] = P,
    [NDUPES_STEP_CANDIDATES] = O,     [NDUPES_STEP_NEED] = P | B,
    [NDUPES_STEP_SELECT] = S | PO,    [NDUPES_STEP_SCORE] = SS | O,
    [NDUPES_STEP_CLUSTER] = SS | C,
};

ndupes_status ndupes_step_run(ndupes_step step, const ndupes_step_io *io, char *err,
                              size_t errlen)
{
    char dummy[8];
    nd_step_ctx x = {.io = io, .err = err ? err : dummy, .errlen = err ? errlen : sizeof dummy};
    x.err[0] = '\0';
    if ((unsigned)step >= NDUPES_STEP_COUNT || !io)
        return nd_step_fail(&x, NDUPES_ERR_ARG, "no such step");
    unsigned t = takes[step];
    const char *name = step_names[step];
    if ((io->nrecords && !io->records) || (io->nsketches && !io->sketches))
        return nd_step_fail(&x, NDUPES_ERR_ARG, "%s: an input is missing", name);
    if ((t & S) && io->nsketches != 1)
        return nd_step_fail(&x, NDUPES_ERR_ARG, "%s takes one sketch", name);
    if ((t & SS) && io->nsketches == 0)
        return nd_step_fail(&x, NDUPES_ERR_ARG, "%s takes one sketch or more", name);
    if (!(t & (S | SS)) && io->nsketches)
        return nd_step_fail(&x, NDUPES_ERR_ARG, "%s takes no sketch", name);
    for (size_t k = 0; k < io->nsketches; k++)
        if (!io->sketches[k])
            return nd_step_fail(&x, NDUPES_ERR_ARG, "%s: a sketch is missing", name);
    for (size_t k = 0; k < io->nrecords; k++)
        if (!io->records[k])
            return nd_step_fail(&x, NDUPES_ERR_ARG, "%s: a record stream is missing", name);
    if ((t & PO) && io->nparts)
        t |= P;
    else if (t & PO)
        t |= O;
    if ((t & P) && (io->nparts == 0 || !io->parts))
        return nd_step_fail(&x, NDUPES_ERR_ARG, "%s writes parts: none given", name);
    for (size_t k = 0; (t & P) && k < io->nparts; k++)
        if (!io->parts[k])
            return nd_step_fail(&x, NDUPES_ERR_ARG, "%s: part %zu is missing", name, k);
    if ((t & O) && !io->out)
        return nd_step_fail(&x, NDUPES_ERR_ARG, "%s writes one output: none given", name);
    if ((t & B) && (!io->bounds || io->nbounds != io->nparts || io->bounds[0] != 0))
        return nd_step_fail(&x, NDUPES_ERR_ARG, "%s needs the shards' first articles, one a "
                            "part, the first 0", name);
    for (size_t k = 1; (t & B) && k < io->nbounds; k++)
        if (io->bounds[k] < io->bounds[k - 1] || io->bounds[k] > (uint64_t)INT32_MAX)
            return nd_step_fail(&x, NDUPES_ERR_ARG, "%s: the shards' first articles must "
                                "ascend (and stay below 2^31)", name);
    if ((t & C) && (!io->corpus || ndupes_corpus_size(io->corpus) != 0))
        return nd_step_fail(&x, NDUPES_ERR_ARG, "%s needs an empty corpus", name);
    if (io->base > (uint64_t)INT32_MAX)
        return nd_step_fail(&x, NDUPES_ERR_ARG, "%s: base past 2^31 articles", name);
    ndupes_status st = step <= NDUPES_STEP_FINALIZE    ? nd_step_templates(step, &x)
                       : step <= NDUPES_STEP_CANDIDATES ? nd_step_index(step, &x)
                                                        : nd_step_score(step, &x);
    if (io->counts) {
        io->counts[0] = x.read;
        io->counts[1] = x.written;
    }
    return st;
}

/* ---- what every step does with its inputs ---- */

ndupes_status nd_step_fail(nd_step_ctx *x, ndupes_status st, const char *fmt, ...)
{
    if (x->err && x->errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(x->err, x->errlen, fmt, ap);
        va_end(ap);
    }
    return st;
}

ndupes_status nd_step_records(nd_step_ctx *x, unsigned want, nd_recv *out)
{
    for (unsigned t = 1; t < ND_REC_TYPES; t++)
        out[t] = (nd_recv){.cap = want >> t & 1 ? 0 : SIZE_MAX};
    for (size_t k = 0; k < x->io->nrecords; k++) {
        char msg[200] = "";
        errno = 0;
        ndupes_status st = nd_rec_read(x->io->records[k], out, msg, sizeof msg);
        const char *name = x->io->record_names ? x->io->record_names[k] : "records";
        if (st == NDUPES_ERR_IO)
            return nd_step_fail(x, st, "%s: %s", name, strerror(errno ? errno : EIO));
        if (st != NDUPES_OK)
            return nd_step_fail(x, st, "%s: %s", name, *msg ? msg : ndupes_strerror(st));
    }
    for (unsigned t = 1; t < ND_REC_TYPES; t++) {
        if (out[t].cap == SIZE_MAX)
            out[t].cap = 0;
        x->read += out[t].n;
    }
    return NDUPES_OK;
}

ndupes_status nd_step_sketch(nd_step_ctx *x, size_t k, bool final, nd_sketch *out)
{
    const char *name = x->io->sketch_names ? x->io->sketch_names[k] : "sketch";
    char msg[300] = "";
    errno = 0;
    ndupes_status st = nd_sketch_read(x->io->sketches[k], out, msg, sizeof msg);
    if (st == NDUPES_ERR_IO)
        return nd_step_fail(x, st, "%s: %s", name, strerror(errno ? errno : EIO));
    if (st != NDUPES_OK)
        return nd_step_fail(x, st, "%s: %s", name, *msg ? msg : ndupes_strerror(st));
    if (out->info.final != final) {
        nd_sketch_free(out);
        return nd_step_fail(x, NDUPES_ERR_ARG, "%s: %s", name,
                            final ? "a sketch as read (ndupes sketch); this step needs one of "
                                    "'ndupes dist finalize'"
                                  : "a finalised sketch; this step needs one of 'ndupes sketch'");
    }
    /* Several sketches of one step (score, cluster) must agree with the first. */
    if (k > 0 && strcmp(x->settings, out->info.settings) != 0) {
        ndupes_status r = nd_step_fail(x, NDUPES_ERR_ARG, "%s: made with other settings (%s) "
                                       "than %s (%s)", name, out->info.settings,
                                       x->io->sketch_names ? x->io->sketch_names[0] : "the first",
                                       x->settings);
        nd_sketch_free(out);
        return r;
    }
    if (k == 0)
        snprintf(x->settings, sizeof x->settings, "%s", out->info.settings);
    x->read += out->n;
    return NDUPES_OK;
}
