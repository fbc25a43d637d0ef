/*
 * corpus.c - a corpus: its articles, its settings and callbacks, and what a caller reads
 * of its groups.  The work is elsewhere in this folder: read.c reads and fingerprints files,
 * group.c groups them, incremental.c and inc_*.c keep them in the index, groups.c chooses
 * each group's representative.
 *
 * Articles are kept in input order, each as its fingerprint plus name, time and size; the
 * text itself is dropped as soon as it is fingerprinted.  Every stage that runs on threads
 * writes only to slots of its own items, and every order-dependent step sorts by index, so
 * the groups are the same for any number of jobs.
 */
#include "corpus.h"

#include <stdlib.h>

void nd_corpus_say(ndupes_corpus *c, ndupes_level lv, const char *path, const char *msg)
{
    if (c->log)
        c->log(c->log_ctx, lv, path, msg);
}

ndupes_corpus *ndupes_corpus_create(const ndupes_config *cfg, ndupes_status *st)
{
    ndupes_config def;
    if (!cfg) {
        ndupes_config_init(&def);
        cfg = &def;
    }
    if (!(cfg->threshold > 0 && cfg->threshold <= 1) || cfg->shingle < 2 || cfg->shingle > 8 ||
        cfg->jobs > 256) {
        if (st)
            *st = NDUPES_ERR_ARG;
        return NULL;
    }
    ndupes_corpus *c = nd_calloc(1, sizeof *c);
    if (!c) {
        if (st)
            *st = NDUPES_ERR_NOMEM;
        return NULL;
    }
    c->cfg = *cfg;
    nd_run_arm(&c->run);
    if (st)
        *st = NDUPES_OK;
    return c;
}

void nd_corpus_clear_groups(ndupes_corpus *c)
{
    nd_free(c->goff);
    nd_free(c->members);
    nd_free(c->scores);
    nd_free(c->group_of);
    nd_free(c->gids);
    c->gids = NULL;
    c->group_of = NULL;
    c->goff = NULL;
    c->members = NULL;
    c->scores = NULL;
    c->ngroups = 0;
}

void ndupes_corpus_free(ndupes_corpus *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++) {
        nd_free(c->items[i].name);
        nd_fp_free(&c->fps[i]);
        nd_fp_free(c->items[i].raw);
        nd_free(c->items[i].raw);
    }
    nd_free(c->items);
    nd_free(c->fps);
    nd_tmap_free(&c->tmap);
    nd_tmap_free(&c->files);
    nd_tmap_free(&c->dbseen);
    nd_tmap_free(&c->inputs);
    nd_tmap_free(&c->names);
    nd_corpus_clear_groups(c);
    nd_store_close(c->db);
    nd_free(c);
}

void ndupes_corpus_set_progress(ndupes_corpus *c, ndupes_progress_fn fn, void *ctx)
{
    if (!c)
        return;
    c->progress = fn;
    c->progress_ctx = ctx;
}

void ndupes_corpus_set_log(ndupes_corpus *c, ndupes_log_fn fn, void *ctx)
{
    if (!c)
        return;
    c->log = fn;
    c->log_ctx = ctx;
}

bool nd_corpus_reserve(ndupes_corpus *c, size_t extra)
{
    if (c->n + extra <= c->cap)
        return true;
    size_t nc = c->cap ? c->cap : 64;
    while (nc < c->n + extra)
        nc *= 2;
    item *it = nd_reallocarray(c->items, nc, sizeof *it);
    if (!it)
        return false;
    c->items = it;
    nd_fp *f = nd_reallocarray(c->fps, nc, sizeof *f);
    if (!f)
        return false;
    c->fps = f;
    c->cap = nc;
    return true;
}

size_t ndupes_corpus_failed(const ndupes_corpus *c)
{
    return c ? c->failed : 0;
}

size_t ndupes_corpus_size(const ndupes_corpus *c)
{
    return c ? c->n : 0;
}

size_t ndupes_corpus_ngroups(const ndupes_corpus *c)
{
    return c ? c->ngroups : 0;
}

size_t ndupes_group_size(const ndupes_corpus *c, size_t g)
{
    if (!c || g >= c->ngroups)
        return 0;
    return c->goff[g + 1] - c->goff[g];
}

const char *ndupes_group_member(const ndupes_corpus *c, size_t g, size_t i, double *score)
{
    if (!c || g >= c->ngroups || i >= c->goff[g + 1] - c->goff[g])
        return NULL;
    size_t k = c->goff[g] + i;
    if (score)
        *score = c->scores[k];
    return c->items[c->members[k]].name;
}

void ndupes_corpus_stats(const ndupes_corpus *c, ndupes_stats *out)
{
    if (!c || !out)
        return;
    *out = c->stats;
}

const char *ndupes_corpus_name(const ndupes_corpus *c, size_t i)
{
    return c && i < c->n ? c->items[i].name : NULL;
}

ndupes_status ndupes_corpus_compare(const ndupes_corpus *c, size_t i, size_t j,
                                    ndupes_score *out)
{
    if (!c || !out || i >= c->n || j >= c->n)
        return NDUPES_ERR_ARG;
    nd_score(&c->fps[i], &c->fps[j], &c->cfg, out);
    if (nd_fp_same(&c->fps[i], &c->fps[j]))
        out->score = 1.0;
    return NDUPES_OK;
}

size_t ndupes_corpus_group_of(const ndupes_corpus *c, size_t i)
{
    return c && c->group_of && i < c->n ? c->group_of[i] : SIZE_MAX;
}

int64_t ndupes_group_id(const ndupes_corpus *c, size_t g)
{
    if (!c || g >= c->ngroups)
        return 0;
    return c->gids ? c->gids[g] : (int64_t)g + 1;
}

int ndupes_group_member_is_new(const ndupes_corpus *c, size_t g, size_t i)
{
    if (!c || g >= c->ngroups || i >= c->goff[g + 1] - c->goff[g])
        return 0;
    return c->items[c->members[c->goff[g] + i]].is_new;
}

int ndupes_corpus_has_db(const ndupes_corpus *c)
{
    return c && c->db;
}

void ndupes_corpus_interrupt(ndupes_corpus *c)
{
    if (c)
        atomic_store(&c->run.stop, 1);
}

int ndupes_corpus_interrupted(const ndupes_corpus *c)
{
    return c && nd_run_stopped(&c->run);
}

void ndupes_corpus_resume(ndupes_corpus *c)
{
    if (c)
        nd_run_arm(&c->run);
}
