/*
 * inc_load.c - with an index, the stored articles a run matches against: those that share a
 * stored key with a new article, looked up key by key, with every member of their stored
 * groups; and the stored groups as pre-merged groups of the clusterer.
 */
#define _GNU_SOURCE
#include "corpus.h"

#include <stdlib.h>
#include <string.h>

#define BAND_MAX 64 /* stored articles read per band key */
#define GONE UINT32_MAX /* in the map of loaded ids: the article's file is gone */

/* Index of stored article id among the loaded items, or SIZE_MAX (not loaded, or gone). */
size_t nd_inc_loaded(const nd_tmap *ids, int64_t id)
{
    uint32_t v = nd_tmap_get(ids, (uint64_t)id);
    return v && v != GONE ? v - 1 : SIZE_MAX;
}

/* Loads stored article id as an item and records it in ids; an article whose file is gone
 * leaves the index instead (the index follows the disk). */
ndupes_status nd_inc_load_one(ndupes_corpus *c, nd_tmap *ids, int64_t id)
{
    if (nd_tmap_get(ids, (uint64_t)id))
        return NDUPES_OK;
    if (!nd_corpus_reserve(c, 1))
        return NDUPES_ERR_NOMEM;
    nd_fp fp;
    char *path;
    nd_srec r;
    ndupes_status st = nd_store_load(c->db, id, &fp, &path, &r);
    if (st != NDUPES_OK) {
        snprintf(c->errmsg, sizeof c->errmsg, "%s",
                 st == NDUPES_ERR_NOMEM ? "out of memory" : nd_store_errmsg(c->db));
        return st;
    }
    if (nd_inc_file_gone(c, path)) {
        nd_fp_free(&fp);
        nd_free(path);
        if (!nd_tmap_add(ids, (uint64_t)id, GONE))
            return NDUPES_ERR_NOMEM;
        return nd_store_delete(c->db, id);
    }
    if (!nd_inc_template_counts(c, &fp) ||
        !nd_fp_finalize(&fp, nd_corpus_is_template, c, NULL)) {
        nd_fp_free(&fp);
        nd_free(path);
        return NDUPES_ERR_NOMEM;
    }
    c->items[c->n] = (item){.name = path, .mtime = r.mtime, .db_id = id, .grp = r.grp,
                            .first_seen = r.first_seen, .size = r.size, .chash = r.chash};
    c->fps[c->n] = fp;
    if (!nd_tmap_add(ids, (uint64_t)id, (uint32_t)c->n + 1)) {
        c->n++; /* owned by the corpus now; freed with it */
        return NDUPES_ERR_NOMEM;
    }
    c->n++;
    return NDUPES_OK;
}

/* Stored articles that share a band key with a new one: every distinct key looked up
 * once, in key order (neighbouring keys share B-tree pages); ids sorted, without repeats,
 * in *out. */
static ndupes_status band_candidates(ndupes_corpus *c, size_t nnew, int64_t **out, size_t *nout)
{
    size_t nk = 0;
    for (size_t i = 0; i < nnew; i++)
        nk += c->fps[i].nkeys;
    uint32_t *keys = nd_malloc((nk ? nk : 1) * sizeof *keys);
    size_t cap = 1024, n = 0;
    int64_t *ids = nd_malloc(cap * sizeof *ids);
    if (!keys || !ids) {
        nd_free(keys);
        nd_free(ids);
        return NDUPES_ERR_NOMEM;
    }
    nk = 0;
    for (size_t i = 0; i < nnew; i++) {
        if (c->fps[i].nkeys) /* keys is NULL for an article without text */
            memcpy(keys + nk, c->fps[i].keys, c->fps[i].nkeys * sizeof *keys);
        nk += c->fps[i].nkeys;
    }
    nk = nd_sort_unique_u32(keys, nk);
    ndupes_status st = NDUPES_OK;
    for (size_t k = 0; k < nk && st == NDUPES_OK; k++) {
        if (n + BAND_MAX > cap) {
            int64_t *t = nd_reallocarray(ids, cap * 2, sizeof *ids);
            if (!t) {
                st = NDUPES_ERR_NOMEM;
                break;
            }
            ids = t;
            cap *= 2;
        }
        long m = nd_store_band(c->db, keys[k], ids + n, BAND_MAX);
        if (m < 0)
            st = NDUPES_ERR_DB;
        else
            n += (size_t)m;
        if ((k & 1023) == 0 && nd_run_stopped(&c->run))
            st = NDUPES_ERR_INTERRUPTED;
    }
    nd_free(keys);
    if (st != NDUPES_OK) {
        nd_free(ids);
        return st;
    }
    if (n)
        qsort(ids, n, sizeof *ids, nd_cmp_i64);
    size_t u = 0;
    for (size_t i = 0; i < n; i++)
        if (!u || ids[i] != ids[u - 1])
            ids[u++] = ids[i];
    *out = ids;
    *nout = u;
    return NDUPES_OK;
}

ndupes_status nd_inc_load(ndupes_corpus *c)
{
    nd_tmap ids = {0}, groups = {0};
    size_t nnew = c->n, ncand = 0;
    int64_t *cand = NULL;
    /* Stored articles sharing a band key with a new one, loaded in id order (the order
     * they were stored in, so their fingerprints are read front to back). */
    ndupes_status st = band_candidates(c, nnew, &cand, &ncand);
    for (size_t x = 0; x < ncand && st == NDUPES_OK; x++)
        st = nd_run_stopped(&c->run) ? NDUPES_ERR_INTERRUPTED : nd_inc_load_one(c, &ids, cand[x]);
    nd_free(cand);
    /* Whole stored groups of the loaded articles. */
    size_t nloaded = c->n;
    for (size_t i = nnew; i < nloaded && st == NDUPES_OK; i++) {
        int64_t g = c->items[i].grp;
        if (!g || nd_tmap_get(&groups, (uint64_t)g))
            continue;
        if (!nd_tmap_add(&groups, (uint64_t)g, 1)) {
            st = NDUPES_ERR_NOMEM;
            break;
        }
        int64_t *mem;
        size_t nm;
        st = nd_store_members(c->db, g, &mem, &nm);
        for (size_t k = 0; k < nm && st == NDUPES_OK; k++)
            st = nd_inc_load_one(c, &ids, mem[k]);
        nd_free(mem);
    }
    if (st == NDUPES_ERR_DB)
        snprintf(c->errmsg, sizeof c->errmsg, "%s", nd_store_errmsg(c->db));
    nd_tmap_free(&ids);
    nd_tmap_free(&groups);
    return st;
}

bool nd_inc_prelabel(ndupes_corpus *c, uint32_t *pre)
{
    /* pre[] holds the exact-duplicate classes; stored groups are merged into them, each
     * class named by its first article again. */
    size_t n = c->n;
    nd_uf u;
    if (!nd_uf_init(&u, n))
        return false;
    for (size_t i = 0; i < n; i++)
        nd_uf_join(&u, (uint32_t)i, pre[i]);
    for (size_t i = 0; i < n; i++) {
        if (!c->items[i].grp)
            continue;
        for (size_t j = 0; j < i; j++) { /* groups are small; the first member wins */
            if (c->items[j].grp == c->items[i].grp) {
                nd_uf_join(&u, (uint32_t)i, (uint32_t)j);
                break;
            }
        }
    }
    nd_uf_labels(&u, n, pre);
    nd_uf_free(&u);
    return true;
}
