/*
 * inc_files.c - with an index, which files a run reads: a file stored with its size and mtime
 * is not opened, one whose bytes a stored article has is that article touched or renamed;
 * every file is known by its canonical path, and the index and its journal are never
 * inputs.
 */
#define _GNU_SOURCE
#include "corpus.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <xxhash.h>

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

ndupes_status nd_inc_text_name(ndupes_corpus *c, const char *name, uint64_t size,
                               int64_t mtime, uint64_t chash, int *known)
{
    *known = 0;
    uint64_t key = path_key(name);
    if (nd_tmap_get(&c->inputs, key))
        return NDUPES_ERR_ARG; /* one name, two articles: which would the index keep? */
    if (!nd_tmap_add(&c->inputs, key, 1))
        return NDUPES_ERR_NOMEM;
    int k = nd_inc_known(c, name, size, mtime, chash, 0, 0);
    if (k < 0)
        return NDUPES_ERR_DB;
    *known = k;
    return NDUPES_OK;
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

/* Is the file of a stored article gone from the disk?  A path given in this run was just
 * found; another one is looked at.  A path that cannot be looked at (no permission) is not
 * taken for gone. */
bool nd_inc_file_gone(const ndupes_corpus *c, const char *path)
{
    if (nd_tmap_get(&c->inputs, path_key(path)))
        return false;
    struct stat sb;
    if (stat(path, &sb) == 0)
        return !S_ISREG(sb.st_mode);
    return errno == ENOENT || errno == ENOTDIR;
}
