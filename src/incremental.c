/*
 * incremental.c - runs against the persistent index (--db).
 *
 * A run reads only new or changed files: a file whose path is stored with the same size
 * and mtime is not opened; a file whose bytes hash to a stored article is the same article
 * touched or renamed (its row is updated, it is not counted again).  The new articles are
 * matched against each other and against the stored articles that share an LSH band key
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

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#define BAND_MAX 64 /* stored articles read per band key */

/* The size and mtime of each input path, taken on worker threads (a stat is a system
 * call: with 100,000 paths they are most of a run that finds nothing new). */
typedef struct stat_job {
    const char *const *paths;
    uint64_t *size;
    int64_t *mtime; /* INT64_MIN: not a regular file, or stat failed */
} stat_job;

static void work_stat(void *ctx, size_t i)
{
    stat_job *j = ctx;
    struct stat sb;
    if (stat(j->paths[i], &sb) == 0 && S_ISREG(sb.st_mode)) {
        j->size[i] = (uint64_t)sb.st_size;
        j->mtime[i] = (int64_t)sb.st_mtime;
    } else {
        j->mtime[i] = INT64_MIN; /* the reader reports it */
    }
}

/* The input paths by their hash, in an open-addressing table of indices (a path given
 * twice is there twice), for the scan of the stored articles below. */
typedef struct path_set {
    const char *const *paths;
    uint64_t *hash;
    uint32_t *slot; /* index + 1; 0 is empty */
    size_t mask;
    const stat_job *sj;
    uint8_t *same;
} path_set;

static bool on_stored(void *ctx, const void *path, size_t len, uint64_t size, int64_t mtime)
{
    path_set *ps = ctx;
    uint64_t h = XXH3_64bits(path, len);
    for (size_t k = (size_t)h & ps->mask; ps->slot[k]; k = (k + 1) & ps->mask) {
        size_t i = ps->slot[k] - 1;
        if (ps->hash[i] == h && strlen(ps->paths[i]) == len &&
            memcmp(ps->paths[i], path, len) == 0)
            ps->same[i] = ps->sj->mtime[i] == mtime && ps->sj->size[i] == size;
    }
    return true;
}

bool nd_inc_unchanged(ndupes_corpus *c, const char *const *paths, size_t n, uint8_t *same)
{
    memset(same, 0, n);
    if (!n)
        return true;
    stat_job sj = {paths, nd_malloc(n * sizeof *sj.size), nd_malloc(n * sizeof *sj.mtime)};
    bool ok = sj.size && sj.mtime;
    if (ok)
        nd_parallel_for(n, c->cfg.jobs, work_stat, &sj);
    /* Many paths against the index: one scan of the stored paths; a few: one lookup each. */
    int64_t stored = ok ? nd_store_max_id(c->db) : 0;
    if (ok && (int64_t)n * 8 >= stored) {
        size_t slots = 16;
        while (slots < 2 * n)
            slots *= 2;
        path_set ps = {paths, nd_malloc(n * sizeof *ps.hash), nd_calloc(slots, sizeof *ps.slot),
                       slots - 1, &sj, same};
        ok = ps.hash && ps.slot;
        for (size_t i = 0; ok && i < n; i++) {
            if (sj.mtime[i] == INT64_MIN)
                continue;
            ps.hash[i] = XXH3_64bits(paths[i], strlen(paths[i]));
            size_t k = (size_t)ps.hash[i] & ps.mask;
            while (ps.slot[k])
                k = (k + 1) & ps.mask;
            ps.slot[k] = (uint32_t)i + 1;
        }
        /* A failed scan leaves files marked changed: they are read, and the by-path
         * lookup before storing them tells again. */
        if (ok && nd_store_scan(c->db, on_stored, &ps) != NDUPES_OK)
            memset(same, 0, n);
        nd_free(ps.hash);
        nd_free(ps.slot);
    } else {
        for (size_t i = 0; ok && i < n; i++) {
            nd_srec r;
            same[i] = sj.mtime[i] != INT64_MIN && nd_store_by_path(c->db, paths[i], &r) == 1 &&
                      r.size == sj.size[i] && r.mtime == sj.mtime[i];
        }
    }
    nd_free(sj.size);
    nd_free(sj.mtime);
    return ok;
}

int nd_inc_known(ndupes_corpus *c, const char *path, uint64_t size, int64_t mtime,
                 uint64_t chash)
{
    nd_srec r;
    int f = nd_store_by_path(c->db, path, &r);
    if (f < 0)
        return -1;
    if (f == 1) {
        if (r.chash == chash) /* touched: same bytes */
            return nd_store_touch(c->db, r.id, path, size, mtime) == NDUPES_OK ? 1 : -1;
        /* Changed in place: the old article leaves the index, the new one is added. */
        return nd_store_delete(c->db, r.id) == NDUPES_OK ? 0 : -1;
    }
    char *old = NULL;
    f = nd_store_by_hash(c->db, chash, &r, &old);
    if (f < 0)
        return -1;
    if (f == 1) {
        struct stat sb;
        bool gone = stat(old, &sb) != 0 && errno == ENOENT;
        nd_free(old);
        if (gone) /* renamed: the article moves to its new path */
            return nd_store_touch(c->db, r.id, path, size, mtime) == NDUPES_OK ? 1 : -1;
        /* Both paths exist: a copy, which is a new article (and an exact duplicate). */
    }
    return 0;
}

bool nd_inc_template_counts(ndupes_corpus *c, const nd_fp *fp)
{
    for (size_t p = 0; p < fp->npend; p++) {
        uint64_t h = fp->pend[p].hash;
        if (nd_tmap_get(&c->dbseen, h))
            continue;
        if (!nd_tmap_add(&c->dbseen, h, 1))
            return false;
        uint32_t n = nd_store_template(c->db, h);
        if (n && !nd_tmap_add(&c->tmap, h, n))
            return false;
    }
    return true;
}

/* Index of stored article id among the loaded items, or SIZE_MAX (a linear probe of a
 * map keyed by id). */
static size_t loaded(const nd_tmap *ids, int64_t id)
{
    uint32_t v = nd_tmap_get(ids, (uint64_t)id);
    return v ? v - 1 : SIZE_MAX;
}

/* Loads stored article id as an item; records it in ids. */
static ndupes_status load_one(ndupes_corpus *c, nd_tmap *ids, int64_t id)
{
    if (loaded(ids, id) != SIZE_MAX)
        return NDUPES_OK;
    if (!nd_corpus_reserve(c, 1))
        return NDUPES_ERR_NOMEM;
    nd_fp fp;
    char *path;
    nd_srec r;
    ndupes_status st = nd_store_load(c->db, id, &fp, &path, &r);
    if (st != NDUPES_OK) {
        snprintf(c->errmsg, sizeof c->errmsg, "stored article %lld: %s", (long long)id,
                 st == NDUPES_ERR_DB_SCHEMA ? "damaged fingerprint (run 'ndupes db forget' on "
                                              "it, or rebuild the index)"
                 : st == NDUPES_ERR_NOMEM ? "out of memory"
                                          : nd_store_errmsg(c->db));
        return st;
    }
    if (!nd_inc_template_counts(c, &fp) ||
        !nd_fp_finalize(&fp, nd_corpus_is_template, c, NULL)) {
        nd_fp_free(&fp);
        nd_free(path);
        return NDUPES_ERR_NOMEM;
    }
    c->items[c->n] = (item){.name = path, .mtime = r.mtime, .db_id = id, .grp = r.grp,
                            .first_seen = r.first_seen, .size = r.size, .chash = r.chash,
                            .stored_score = (float)r.score};
    c->fps[c->n] = fp;
    if (!nd_tmap_add(ids, (uint64_t)id, (uint32_t)c->n + 1)) {
        c->n++; /* owned by the corpus now; freed with it */
        return NDUPES_ERR_NOMEM;
    }
    c->n++;
    return NDUPES_OK;
}

static int cmp_i64(const void *x, const void *y)
{
    int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
    return (a > b) - (a < b);
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
        if ((k & 1023) == 0 && atomic_load(&nd_interrupted))
            st = NDUPES_ERR_INTERRUPTED;
    }
    nd_free(keys);
    if (st != NDUPES_OK) {
        nd_free(ids);
        return st;
    }
    if (n)
        qsort(ids, n, sizeof *ids, cmp_i64);
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
        st = load_one(c, &ids, cand[x]);
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
            st = load_one(c, &ids, mem[k]);
        nd_free(mem);
    }
    if (st == NDUPES_ERR_DB)
        snprintf(c->errmsg, sizeof c->errmsg, "%s", nd_store_errmsg(c->db));
    nd_tmap_free(&ids);
    nd_tmap_free(&groups);
    return st;
}

static uint32_t find(uint32_t *p, uint32_t x)
{
    while (p[x] != x) {
        p[x] = p[p[x]];
        x = p[x];
    }
    return x;
}

void nd_inc_prelabel(ndupes_corpus *c, uint32_t *pre)
{
    /* pre[] holds the exact-duplicate classes; stored groups are merged into them. */
    size_t n = c->n;
    for (size_t i = 0; i < n; i++) {
        uint32_t a = find(pre, (uint32_t)i), b = find(pre, pre[i]);
        pre[i] = a < b ? a : b;
    }
    for (size_t i = 0; i < n; i++) {
        if (!c->items[i].grp)
            continue;
        for (size_t j = 0; j < i; j++) { /* groups are small; the first member wins */
            if (c->items[j].grp == c->items[i].grp) {
                uint32_t a = find(pre, (uint32_t)i), b = find(pre, (uint32_t)j);
                if (a != b)
                    pre[a > b ? a : b] = a < b ? a : b;
                break;
            }
        }
    }
    for (size_t i = 0; i < n; i++)
        pre[i] = find(pre, (uint32_t)i);
}

ndupes_status nd_inc_persist(ndupes_corpus *c)
{
    ndupes_status st = NDUPES_OK;
    nd_band *bands = NULL;
    size_t nb = 0, bcap = 0;
    size_t nnew = 0;
    for (size_t i = 0; i < c->n; i++)
        nnew += c->items[i].is_new && !c->items[i].db_id;
    nd_store_reserve(c->db, nnew);
    /* New articles into the index; their band keys are gathered and stored at the end,
     * in key order. */
    for (size_t i = 0; i < c->n && st == NDUPES_OK; i++) {
        item *it = &c->items[i];
        if (!it->is_new || it->db_id)
            continue;
        nd_srec r = {.size = it->size, .mtime = it->mtime, .chash = it->chash,
                     .first_seen = it->first_seen};
        /* Stored before templates are applied: every later load re-applies them with
         * the counts of that day. */
        const nd_fp *f = it->raw ? it->raw : &c->fps[i];
        st = nd_store_insert(c->db, it->name, &r, f, &it->db_id);
        size_t need = f->nkeys + (size_t)f->npend * ND_PEND_KEYS;
        if (st == NDUPES_OK && nb + need > bcap) {
            size_t nc = bcap ? bcap * 2 : 4096;
            while (nc < nb + need)
                nc *= 2;
            nd_band *t = nd_reallocarray(bands, nc, sizeof *t);
            if (!t)
                st = NDUPES_ERR_NOMEM;
            else {
                bands = t;
                bcap = nc;
            }
        }
        for (size_t k = 0; st == NDUPES_OK && k < f->nkeys; k++)
            bands[nb++] = (nd_band){f->keys[k], it->db_id};
        for (size_t p = 0; st == NDUPES_OK && p < f->npend; p++)
            for (size_t b = 0; b < f->pend[p].nkeys; b++)
                bands[nb++] = (nd_band){f->pend[p].keys[b], it->db_id};
    }
    if (st == NDUPES_OK)
        st = nd_store_bands(c->db, bands, nb);
    nd_free(bands);
    c->gids = nd_malloc((c->ngroups ? c->ngroups : 1) * sizeof *c->gids);
    if (!c->gids)
        return NDUPES_ERR_NOMEM;
    for (size_t g = 0; g < c->ngroups && st == NDUPES_OK; g++) {
        int64_t gid = 0;
        for (size_t k = c->goff[g]; k < c->goff[g + 1]; k++) {
            int64_t og = c->items[c->members[k]].grp;
            if (og && (!gid || og < gid))
                gid = og;
        }
        if (!gid)
            st = nd_store_new_group(c->db, c->now, &gid);
        c->gids[g] = gid;
        for (size_t k = c->goff[g]; k < c->goff[g + 1] && st == NDUPES_OK; k++) {
            item *it = &c->items[c->members[k]];
            st = nd_store_set_group(c->db, it->db_id, gid, c->scores[k]);
            it->grp = gid;
            it->stored_score = c->scores[k];
        }
    }
    if (st != NDUPES_OK) {
        snprintf(c->errmsg, sizeof c->errmsg, "%s", nd_store_errmsg(c->db));
        return st;
    }
    if (c->report_all)
        return NDUPES_OK;
    /* Report only the groups that gained a member in this run. */
    size_t out = 0, o = 0;
    for (size_t g = 0; g < c->ngroups; g++) {
        bool fresh = false;
        for (size_t k = c->goff[g]; k < c->goff[g + 1]; k++)
            fresh |= c->items[c->members[k]].is_new;
        size_t len = c->goff[g + 1] - c->goff[g];
        if (!fresh) {
            for (size_t k = c->goff[g]; k < c->goff[g + 1]; k++)
                c->group_of[c->members[k]] = SIZE_MAX;
            continue;
        }
        memmove(c->members + o, c->members + c->goff[g], len * sizeof *c->members);
        memmove(c->scores + o, c->scores + c->goff[g], len * sizeof *c->scores);
        for (size_t k = o; k < o + len; k++)
            c->group_of[c->members[k]] = out;
        c->gids[out] = c->gids[g];
        c->goff[out] = o;
        o += len;
        out++;
    }
    c->goff[out] = o;
    c->ngroups = out;
    return NDUPES_OK;
}

/* Orders the members of one stored group: the representative first (oldest, then most
 * content), then by stored score. */
typedef struct amem {
    uint32_t idx;
    float score;
} amem;

static int cmp_amem(const void *x, const void *y, void *ctx)
{
    const ndupes_corpus *sort_ctx = ctx;
    const amem *a = x, *b = y;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    return strcmp(sort_ctx->items[a->idx].name, sort_ctx->items[b->idx].name);
}

ndupes_status nd_inc_all_groups(ndupes_corpus *c)
{
    int64_t *gids = NULL;
    size_t ng = 0;
    nd_tmap ids = {0};
    ndupes_status st = nd_store_groups(c->db, &gids, &ng);
    if (st != NDUPES_OK) {
        snprintf(c->errmsg, sizeof c->errmsg, "reading the groups: %s", nd_store_errmsg(c->db));
        return st;
    }
    for (size_t i = 0; i < c->n && st == NDUPES_OK; i++)
        if (c->items[i].db_id && !nd_tmap_add(&ids, (uint64_t)c->items[i].db_id, (uint32_t)i + 1))
            st = NDUPES_ERR_NOMEM;
    /* Load every grouped article (its fingerprint too: the corpus keeps one per item). */
    int64_t **mem = nd_calloc(ng ? ng : 1, sizeof *mem);
    size_t *nm = nd_calloc(ng ? ng : 1, sizeof *nm), total = 0;
    if (!mem || !nm)
        st = NDUPES_ERR_NOMEM;
    for (size_t g = 0; g < ng && st == NDUPES_OK; g++) {
        st = nd_store_members(c->db, gids[g], &mem[g], &nm[g]);
        for (size_t k = 0; k < nm[g] && st == NDUPES_OK; k++)
            st = load_one(c, &ids, mem[g][k]);
        total += nm[g];
    }
    size_t *goff = NULL;
    uint32_t *members = NULL;
    float *scores = NULL;
    int64_t *out_gids = NULL;
    size_t *group_of = NULL;
    amem *tmp = NULL;
    if (st == NDUPES_OK) {
        goff = nd_malloc((ng + 1) * sizeof *goff);
        members = nd_malloc((total ? total : 1) * sizeof *members);
        scores = nd_malloc((total ? total : 1) * sizeof *scores);
        out_gids = nd_malloc((ng ? ng : 1) * sizeof *out_gids);
        group_of = nd_malloc((c->n ? c->n : 1) * sizeof *group_of);
        tmp = nd_malloc((total ? total : 1) * sizeof *tmp);
        if (!goff || !members || !scores || !out_gids || !group_of || !tmp)
            st = NDUPES_ERR_NOMEM;
    }
    if (st == NDUPES_OK) {
        for (size_t i = 0; i < c->n; i++)
            group_of[i] = SIZE_MAX;
        size_t o = 0;
        for (size_t g = 0; g < ng; g++) {
            goff[g] = o;
            out_gids[g] = gids[g];
            size_t k = nm[g], rep = 0;
            for (size_t x = 0; x < k; x++) {
                tmp[x].idx = (uint32_t)loaded(&ids, mem[g][x]);
                tmp[x].score = c->items[tmp[x].idx].stored_score;
            }
            for (size_t x = 1; x < k; x++) {
                const item *a = &c->items[tmp[x].idx], *b = &c->items[tmp[rep].idx];
                if (a->mtime < b->mtime ||
                    (a->mtime == b->mtime && c->fps[tmp[x].idx].words > c->fps[tmp[rep].idx].words))
                    rep = x;
            }
            amem r = tmp[rep];
            tmp[rep] = tmp[0];
            tmp[0] = r;
            tmp[0].score = 1.0f;
            qsort_r(tmp + 1, k - 1, sizeof *tmp, cmp_amem, c);
            for (size_t x = 0; x < k; x++) {
                members[o] = tmp[x].idx;
                scores[o] = tmp[x].score;
                group_of[tmp[x].idx] = g;
                o++;
            }
        }
        goff[ng] = o;
        nd_free(c->goff);
        nd_free(c->members);
        nd_free(c->scores);
        nd_free(c->gids);
        nd_free(c->group_of);
        c->goff = goff;
        c->members = members;
        c->scores = scores;
        c->gids = out_gids;
        c->group_of = group_of;
        c->ngroups = ng;
        goff = NULL;
        members = NULL;
        scores = NULL;
        out_gids = NULL;
        group_of = NULL;
    }
    for (size_t g = 0; mem && g < ng; g++)
        nd_free(mem[g]);
    nd_free(mem);
    nd_free(nm);
    nd_free(gids);
    nd_free(goff);
    nd_free(members);
    nd_free(scores);
    nd_free(out_gids);
    nd_free(group_of);
    nd_free(tmp);
    nd_tmap_free(&ids);
    return st;
}

/* ---- the public face of the index ---- */

ndupes_status ndupes_corpus_open_db(ndupes_corpus *c, const char *path, double wait_seconds,
                                    int64_t now)
{
    if (!c || !path || c->db || wait_seconds < 0)
        return NDUPES_ERR_ARG;
    c->now = now;
    c->errmsg[0] = '\0';
    return nd_store_open(path, c->cfg.shingle, wait_seconds, false, &c->db, c->errmsg,
                         sizeof c->errmsg);
}

ndupes_status ndupes_corpus_open_db_readonly(ndupes_corpus *c, const char *path)
{
    if (!c || !path || c->db)
        return NDUPES_ERR_ARG;
    c->errmsg[0] = '\0';
    return nd_store_open(path, c->cfg.shingle, 0, true, &c->db, c->errmsg, sizeof c->errmsg);
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

ndupes_status ndupes_corpus_prune(ndupes_corpus *c, int64_t before, size_t *removed)
{
    if (!c || !c->db)
        return NDUPES_ERR_ARG;
    int64_t *ids;
    size_t n;
    ndupes_status st = nd_store_older(c->db, before, &ids, &n);
    for (size_t i = 0; i < n && st == NDUPES_OK; i++)
        st = nd_store_delete(c->db, ids[i]);
    if (st == NDUPES_OK) {
        nd_free(ids);
        if (removed)
            *removed = n;
    } else if (st != NDUPES_ERR_NOMEM) {
        snprintf(c->errmsg, sizeof c->errmsg, "%s", nd_store_errmsg(c->db));
        nd_free(ids);
    }
    return st;
}

ndupes_status ndupes_corpus_forget(ndupes_corpus *c, const char *path, int *found)
{
    if (!c || !c->db || !path)
        return NDUPES_ERR_ARG;
    nd_srec r;
    int f = nd_store_by_path(c->db, path, &r);
    if (found)
        *found = f == 1;
    if (f < 0)
        return NDUPES_ERR_DB;
    return f == 1 ? nd_store_delete(c->db, r.id) : NDUPES_OK;
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
