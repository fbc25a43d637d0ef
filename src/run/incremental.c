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

/* The input paths by the hash of their canonical name, in an open-addressing table of
 * indices, for the scan of the stored articles below. */
typedef struct path_set {
    const nd_canon_file *f;
    const uint8_t *skip; /* not looked up: duplicates and unreadable names */
    uint64_t *hash;
    uint32_t *slot; /* index + 1; 0 is empty */
    size_t mask;
    uint8_t *same;
} path_set;

static bool on_stored(void *ctx, int64_t id, const char *path, size_t len, uint64_t size,
                      int64_t mtime)
{
    (void)id;
    path_set *ps = ctx;
    uint64_t h = XXH3_64bits(path, len);
    for (size_t k = (size_t)h & ps->mask; ps->slot[k]; k = (k + 1) & ps->mask) {
        size_t i = ps->slot[k] - 1;
        if (ps->hash[i] == h && strlen(ps->f[i].path) == len &&
            memcmp(ps->f[i].path, path, len) == 0)
            ps->same[i] = ps->f[i].mtime == mtime && ps->f[i].size == size;
    }
    return true;
}

/* Marks same[i] = 1 for the inputs stored with their current size and mtime. */
static bool find_unchanged(ndupes_corpus *c, const nd_canon_file *f, const uint8_t *skip,
                           size_t n, uint8_t *same)
{
    /* Many paths against the index: one scan of the stored paths; a few: one lookup each. */
    int64_t stored = nd_store_max_id(c->db);
    if ((int64_t)n * 8 < stored) {
        for (size_t i = 0; i < n; i++) {
            nd_srec r;
            same[i] = !skip[i] && nd_store_by_path(c->db, f[i].path, &r) == 1 &&
                      r.size == f[i].size && r.mtime == f[i].mtime;
        }
        return true;
    }
    size_t slots = 16;
    while (slots < 2 * n)
        slots *= 2;
    path_set ps = {f, skip, nd_malloc(n * sizeof *ps.hash), nd_calloc(slots, sizeof *ps.slot),
                   slots - 1, same};
    bool ok = ps.hash && ps.slot;
    for (size_t i = 0; ok && i < n; i++) {
        if (skip[i])
            continue;
        ps.hash[i] = XXH3_64bits(f[i].path, strlen(f[i].path));
        size_t k = (size_t)ps.hash[i] & ps.mask;
        while (ps.slot[k])
            k = (k + 1) & ps.mask;
        ps.slot[k] = (uint32_t)i + 1;
    }
    /* A failed scan leaves files marked changed: they are read, and the by-path lookup
     * before storing them tells again. */
    if (ok && nd_store_scan(c->db, on_stored, &ps) != NDUPES_OK)
        memset(same, 0, n);
    nd_free(ps.hash);
    nd_free(ps.slot);
    return ok;
}

/* Is path one of the index's own files (the database, its -wal, -shm, -journal)? */
static bool index_file(const ndupes_corpus *c, const char *path)
{
    const char *db = nd_store_path(c->db);
    size_t n = strlen(db);
    if (strncmp(path, db, n) != 0)
        return false;
    return !path[n] || !strcmp(path + n, "-wal") || !strcmp(path + n, "-shm") ||
           !strcmp(path + n, "-journal");
}

static uint64_t path_key(const char *path)
{
    uint64_t h = XXH3_64bits(path, strlen(path));
    return h ? h : 1;
}

char **nd_inc_prepare(ndupes_corpus *c, const char *const *paths, size_t n, uint8_t *same)
{
    memset(same, 0, n);
    nd_canon_file *f = nd_malloc((n ? n : 1) * sizeof *f);
    uint8_t *skip = nd_calloc(n ? n : 1, 1), *found = nd_calloc(n ? n : 1, 1);
    char **names = nd_calloc(n ? n : 1, sizeof *names);
    bool ok = f && skip && found && names && nd_tmap_reserve(&c->inputs, n);
    if (f)
        memset(f, 0, (n ? n : 1) * sizeof *f);
    if (ok)
        nd_canon_files(&c->run, paths, n, c->cfg.jobs, f);
    for (size_t i = 0; ok && i < n; i++) {
        if (!f[i].ok) { /* read as given: the reader says why it cannot be */
            skip[i] = 1;
            ok = (names[i] = nd_strdup(paths[i])) != NULL;
            continue;
        }
        uint64_t key = path_key(f[i].path);
        if (nd_tmap_get(&c->inputs, key) || index_file(c, f[i].path)) {
            same[i] = 2; /* a second name of a file given already, or the index itself */
            skip[i] = 1;
        } else {
            ok = nd_tmap_add(&c->inputs, key, 1);
        }
    }
    if (ok && !nd_run_stopped(&c->run))
        ok = find_unchanged(c, f, skip, n, found);
    for (size_t i = 0; i < n && f; i++) {
        if (ok && f[i].ok) {
            names[i] = f[i].path;
            same[i] = same[i] ? same[i] : found[i];
        } else {
            nd_free(f[i].path);
        }
    }
    nd_free(f);
    nd_free(skip);
    nd_free(found);
    if (!ok) {
        nd_inc_free_names(names, n);
        return NULL;
    }
    return names;
}

void nd_inc_free_names(char **names, size_t n)
{
    for (size_t i = 0; names && i < n; i++)
        nd_free(names[i]);
    nd_free(names);
}

int nd_inc_known(ndupes_corpus *c, const char *path, uint64_t size, int64_t mtime,
                 uint64_t chash, uint64_t dev, uint64_t ino)
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
        /* Renamed (the stored path is gone), or the same file under another name (a hard
         * link, or a path stored by an older ndupes): the article moves to this path.  A
         * copy (another file with the same bytes) is a new article, an exact duplicate. */
        struct stat sb;
        bool gone = stat(old, &sb) != 0 && (errno == ENOENT || errno == ENOTDIR);
        bool same = !gone && (uint64_t)sb.st_dev == dev && (uint64_t)sb.st_ino == ino;
        nd_free(old);
        if (gone || same)
            return nd_store_touch(c->db, r.id, path, size, mtime) == NDUPES_OK ? 1 : -1;
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

#define GONE UINT32_MAX /* in the map of loaded ids: the article's file is gone */

/* Index of stored article id among the loaded items, or SIZE_MAX (not loaded, or gone). */
static size_t loaded(const nd_tmap *ids, int64_t id)
{
    uint32_t v = nd_tmap_get(ids, (uint64_t)id);
    return v && v != GONE ? v - 1 : SIZE_MAX;
}

/* Is the file of a stored article gone from the disk?  A path given in this run was just
 * found; another one is looked at.  A path that cannot be looked at (no permission) is not
 * taken for gone. */
static bool file_gone(const ndupes_corpus *c, const char *path)
{
    if (nd_tmap_get(&c->inputs, path_key(path)))
        return false;
    struct stat sb;
    if (stat(path, &sb) == 0)
        return !S_ISREG(sb.st_mode);
    return errno == ENOENT || errno == ENOTDIR;
}

/* Loads stored article id as an item and records it in ids; an article whose file is gone
 * leaves the index instead (the index follows the disk). */
static ndupes_status load_one(ndupes_corpus *c, nd_tmap *ids, int64_t id)
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
    if (file_gone(c, path)) {
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
        if ((k & 1023) == 0 && nd_run_stopped(&c->run))
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
        st = nd_run_stopped(&c->run) ? NDUPES_ERR_INTERRUPTED : load_one(c, &ids, cand[x]);
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
        /* Short statements may never reach SQLite's progress handler: look here too. */
        if (nd_run_stopped(&c->run)) {
            st = NDUPES_ERR_INTERRUPTED;
            break;
        }
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
            if (nd_key_indexed(f->keys[k]))
                bands[nb++] = (nd_band){f->keys[k], it->db_id};
        for (size_t p = 0; st == NDUPES_OK && p < f->npend; p++)
            for (size_t b = 0; b < f->pend[p].nkeys; b++)
                if (nd_key_indexed(f->pend[p].keys[b]))
                    bands[nb++] = (nd_band){f->pend[p].keys[b], it->db_id};
    }
    if (st == NDUPES_OK)
        st = nd_store_bands(c->db, bands, nb);
    nd_free(bands);
    c->gids = nd_malloc((c->ngroups ? c->ngroups : 1) * sizeof *c->gids);
    if (!c->gids)
        return NDUPES_ERR_NOMEM;
    for (size_t g = 0; g < c->ngroups && st == NDUPES_OK; g++) {
        if (nd_run_stopped(&c->run)) {
            st = NDUPES_ERR_INTERRUPTED;
            break;
        }
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

/* Replaces the groups by every stored group of two or more members whose files exist,
 * each arranged as a run arranges its groups (groups.c): a group whose representative was
 * deleted gets another, and a group with one member left is no group. */
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
    /* Every grouped article is loaded (its fingerprint too: it is scored against the rest
     * of its group), each group's members kept as article indices, groups one after
     * another in members[goff[g] .. goff[g + 1]). */
    size_t cap = 1024, total = 0, out = 0;
    uint32_t *members = nd_malloc(cap * sizeof *members);
    size_t *goff = nd_malloc((ng + 1) * sizeof *goff);
    int64_t *out_gids = nd_malloc((ng ? ng : 1) * sizeof *out_gids);
    if (!members || !goff || !out_gids)
        st = NDUPES_ERR_NOMEM;
    for (size_t g = 0; g < ng && st == NDUPES_OK; g++) {
        int64_t *mem = NULL;
        size_t nm = 0;
        st = nd_store_members(c->db, gids[g], &mem, &nm);
        for (size_t k = 0; k < nm && st == NDUPES_OK; k++)
            st = nd_run_stopped(&c->run) ? NDUPES_ERR_INTERRUPTED : load_one(c, &ids, mem[k]);
        size_t first = total;
        for (size_t k = 0; k < nm && st == NDUPES_OK; k++) {
            size_t idx = loaded(&ids, mem[k]);
            if (idx == SIZE_MAX)
                continue; /* its file is gone */
            if (total == cap) {
                uint32_t *t = nd_reallocarray(members, cap * 2, sizeof *t);
                if (!t) {
                    st = NDUPES_ERR_NOMEM;
                    break;
                }
                members = t;
                cap *= 2;
            }
            members[total++] = (uint32_t)idx;
        }
        nd_free(mem);
        if (total - first < 2) {
            total = first;
            continue;
        }
        goff[out] = first;
        out_gids[out++] = gids[g];
    }
    float *scores = NULL;
    size_t *group_of = NULL;
    if (st == NDUPES_OK) {
        goff[out] = total;
        scores = nd_malloc((total ? total : 1) * sizeof *scores);
        group_of = nd_malloc((c->n ? c->n : 1) * sizeof *group_of);
        if (!scores || !group_of)
            st = NDUPES_ERR_NOMEM;
    }
    for (size_t g = 0; g < out && st == NDUPES_OK; g++)
        if (!nd_group_arrange(c, members + goff[g], scores + goff[g], goff[g + 1] - goff[g]))
            st = NDUPES_ERR_NOMEM;
    if (st == NDUPES_OK) {
        for (size_t i = 0; i < c->n; i++)
            group_of[i] = SIZE_MAX;
        for (size_t g = 0; g < out; g++)
            for (size_t k = goff[g]; k < goff[g + 1]; k++)
                group_of[members[k]] = g;
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
        c->ngroups = out;
        goff = NULL;
        members = NULL;
        scores = NULL;
        out_gids = NULL;
        group_of = NULL;
    } else if (st == NDUPES_ERR_DB || st == NDUPES_ERR_DB_SCHEMA) {
        snprintf(c->errmsg, sizeof c->errmsg, "%s", nd_store_errmsg(c->db));
    }
    nd_free(gids);
    nd_free(goff);
    nd_free(members);
    nd_free(scores);
    nd_free(out_gids);
    nd_free(group_of);
    nd_tmap_free(&ids);
    return st;
}

/* ---- the public face of the index ---- */

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
    if (!file_gone(j->c, buf))
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
            qsort(j.ids, j.n, sizeof *j.ids, cmp_i64);
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
