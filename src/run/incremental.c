/*
 * incremental.c - runs against the persistent index (--db): the public face of it (open,
 * commit, prune, forget, counts); what a run reads (inc_files.c), matches against
 * (inc_load.c) and stores (inc_store.c) are beside it.
 *
 * A run reads only new or changed files: a file whose path is stored with the same size
 * and mtime is not opened; a file whose bytes hash to a stored article is the same article
 * touched or renamed (its row is updated, it is not counted again).  The new articles are
 * matched against each other and against the stored articles that share a stored key
 * with them (looked up in the band table, never a scan), loaded with every member of their
 * stored groups so that representatives and the chaining guard see whole groups.  Pairs of
 * two stored articles are not re-scored: earlier runs decided them.  Stored groups start as
 * pre-merged groups, so they keep their members and their id; a group that gains members
 * keeps the smallest id among the groups it absorbs; a new group gets a new id from an
 * AUTOINCREMENT key, so ids are never reused.
 *
 * Short paragraphs wait in the stored fingerprint until the template count is known, and
 * every load finalises them with the counts of the whole index plus this run, so a site's
 * template learned later is removed from older articles too.
 */
#define _GNU_SOURCE
#include "corpus.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Opens the index for c (mode, and shingle 0 to take the index's size). */
static ndupes_status open_db(ndupes_corpus *c, const char *path, nd_open_mode mode,
                             unsigned shingle, double wait)
{
    c->errmsg[0] = '\0';
    nd_store_opts o = {.mode = mode, .shingle = shingle, .wait = wait, .run = &c->run};
    ndupes_status st = nd_store_open(path, &o, &c->db, c->errmsg, sizeof c->errmsg);
    if (st == NDUPES_OK)
        c->cfg.shingle = nd_store_shingle(c->db);
    const char *old = st == NDUPES_OK ? nd_store_rebuilt(c->db) : NULL;
    if (old && c->log) {
        char msg[256];
        snprintf(msg, sizeof msg,
                 "built by an ndupes with other fingerprints (%s); rebuilt: its articles are "
                 "forgotten and this run's files read anew (new group ids)", old);
        c->log(c->log_ctx, NDUPES_LOG_WARN, path, msg);
    }
    return st;
}

ndupes_status ndupes_corpus_open_db(ndupes_corpus *c, const char *path, double wait_seconds,
                                    int64_t now)
{
    if (!c || !path || c->db || !(wait_seconds >= 0))
        return NDUPES_ERR_ARG;
    c->now = now;
    return open_db(c, path, ND_OPEN_RUN, c->cfg.shingle, wait_seconds);
}

ndupes_status ndupes_corpus_open_db_existing(ndupes_corpus *c, const char *path,
                                             double wait_seconds, int64_t now)
{
    if (!c || !path || c->db || !(wait_seconds >= 0) || c->n)
        return NDUPES_ERR_ARG;
    c->now = now;
    return open_db(c, path, ND_OPEN_EXISTING, 0, wait_seconds);
}

ndupes_status ndupes_corpus_open_db_readonly(ndupes_corpus *c, const char *path)
{
    if (!c || !path || c->db || c->n)
        return NDUPES_ERR_ARG;
    return open_db(c, path, ND_OPEN_READONLY, 0, 0);
}

const char *ndupes_corpus_errmsg(const ndupes_corpus *c)
{
    return c && c->errmsg[0] ? c->errmsg : "";
}

void ndupes_corpus_report_all(ndupes_corpus *c, int all)
{
    if (c)
        c->report_all = all;
}

ndupes_status ndupes_corpus_commit(ndupes_corpus *c)
{
    if (!c || !c->db)
        return NDUPES_ERR_ARG;
    ndupes_status st = nd_store_commit(c->db);
    if (st != NDUPES_OK)
        snprintf(c->errmsg, sizeof c->errmsg, "%s", nd_store_errmsg(c->db));
    return st;
}

/* Deletes the stored articles ids[0..n); *removed (may be NULL) receives the count. */
static ndupes_status delete_all(ndupes_corpus *c, const int64_t *ids, size_t n, size_t *removed)
{
    ndupes_status st = NDUPES_OK;
    size_t i = 0;
    for (; i < n && st == NDUPES_OK; i++)
        st = nd_run_stopped(&c->run) ? NDUPES_ERR_INTERRUPTED : nd_store_delete(c->db, ids[i]);
    if (removed)
        *removed = st == NDUPES_OK ? n : 0;
    if (st != NDUPES_OK && st != NDUPES_ERR_NOMEM)
        snprintf(c->errmsg, sizeof c->errmsg, "%s", nd_store_errmsg(c->db));
    return st;
}

ndupes_status ndupes_corpus_prune(ndupes_corpus *c, int64_t before, size_t *removed)
{
    if (removed)
        *removed = 0;
    if (!c || !c->db)
        return NDUPES_ERR_ARG;
    int64_t *ids = NULL;
    size_t n = 0;
    ndupes_status st = nd_store_older(c->db, before, &ids, &n);
    if (st == NDUPES_OK)
        st = delete_all(c, ids, n, removed);
    else if (st != NDUPES_ERR_NOMEM)
        snprintf(c->errmsg, sizeof c->errmsg, "%s", nd_store_errmsg(c->db));
    nd_free(ids);
    return st;
}

ndupes_status ndupes_corpus_forget(ndupes_corpus *c, const char *path, int *found)
{
    if (found)
        *found = 0;
    if (!c || !c->db || !path || !*path)
        return NDUPES_ERR_ARG;
    /* Any spelling of the path: the article is stored under the canonical one. */
    char *canon = nd_canon_path(path);
    if (!canon)
        return NDUPES_ERR_NOMEM;
    nd_srec r;
    int f = nd_store_by_path(c->db, canon, &r);
    nd_free(canon);
    if (found)
        *found = f == 1;
    if (f < 0) {
        snprintf(c->errmsg, sizeof c->errmsg, "%s", nd_store_errmsg(c->db));
        return NDUPES_ERR_DB;
    }
    return f == 1 ? delete_all(c, &r.id, 1, NULL) : NDUPES_OK;
}

/* The stored articles under one root, gone from the disk, gathered for deletion. */
typedef struct gone_job {
    const ndupes_corpus *c;
    int64_t *ids;
    size_t n, cap;
    bool nomem;
} gone_job;

static bool on_under(void *ctx, int64_t id, const char *path, size_t len)
{
    gone_job *j = ctx;
    char buf[4097];
    memcpy(buf, path, len); /* store.c checked len <= 4096 */
    buf[len] = '\0';
    if (!nd_inc_file_gone(j->c, buf))
        return !nd_run_stopped(&j->c->run);
    if (j->n == j->cap) {
        size_t nc = j->cap ? j->cap * 2 : 64;
        int64_t *t = nd_reallocarray(j->ids, nc, sizeof *t);
        if (!t) {
            j->nomem = true;
            return false;
        }
        j->ids = t;
        j->cap = nc;
    }
    j->ids[j->n++] = id;
    return !nd_run_stopped(&j->c->run);
}

ndupes_status ndupes_corpus_forget_gone(ndupes_corpus *c, const char *const *roots, size_t n,
                                        size_t *removed)
{
    if (removed)
        *removed = 0;
    if (!c || !c->db || (!roots && n))
        return NDUPES_ERR_ARG;
    gone_job j = {.c = c};
    ndupes_status st = NDUPES_OK;
    for (size_t i = 0; i < n && st == NDUPES_OK && !j.nomem; i++) {
        char *root = nd_canon_path(roots[i]);
        if (!root) {
            st = roots[i][0] ? NDUPES_ERR_NOMEM : NDUPES_OK;
            continue;
        }
        st = nd_store_under(c->db, root, on_under, &j);
        nd_free(root);
    }
    if (st == NDUPES_OK && j.nomem)
        st = NDUPES_ERR_NOMEM;
    if (st == NDUPES_OK && nd_run_stopped(&c->run))
        st = NDUPES_ERR_INTERRUPTED;
    if (st == NDUPES_OK) {
        /* Two roots may hold one article (a folder and a file in it). */
        if (j.n)
            qsort(j.ids, j.n, sizeof *j.ids, nd_cmp_i64);
        size_t u = 0;
        for (size_t i = 0; i < j.n; i++)
            if (!u || j.ids[i] != j.ids[u - 1])
                j.ids[u++] = j.ids[i];
        st = delete_all(c, j.ids, u, removed);
    } else if (st == NDUPES_ERR_DB || st == NDUPES_ERR_DB_SCHEMA) {
        snprintf(c->errmsg, sizeof c->errmsg, "%s", nd_store_errmsg(c->db));
    }
    nd_free(j.ids);
    return st;
}

ndupes_status ndupes_corpus_db_counts(const ndupes_corpus *c, ndupes_db_counts *out)
{
    if (!c || !c->db || !out)
        return NDUPES_ERR_ARG;
    *out = (ndupes_db_counts){0};
    return nd_store_counts(c->db, &out->articles, &out->groups, &out->grouped,
                           &out->oldest, &out->newest);
}

size_t ndupes_corpus_unchanged(const ndupes_corpus *c)
{
    return c ? c->unchanged : 0;
}
