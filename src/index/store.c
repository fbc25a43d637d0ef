/*
 * store.c - the persistent index for incremental runs (--db), in SQLite: the statements
 * a run reads and writes it with.  Opening it, checking it and the run's transaction are
 * in storeopen.c.
 *
 * Every value read from the file is checked for its type and range before it is used (an
 * id is an INTEGER above 0, a group a NULL or such an id, a score a number in [0, 1], a
 * path a non-empty absolute path without NUL bytes, a count a small INTEGER): the file may
 * be damaged or written by an attacker.  A value out of place marks the index damaged
 * (nd_store_damaged): the run fails with a message and nothing is committed.
 *
 * Tables:
 *   meta(key, value)          schema_version, shingle size
 *   article(id, path, size, mtime, chash, first_seen, grp, score)
 *                             one row per article, narrow, so that the by-path lookup of
 *                             every input file reads little
 *   fingerprint(id, fp)       the serialised fingerprint of each article
 *   band(key, id)             LSH band keys -> articles (WITHOUT ROWID: the key is the index)
 *   band_recent(key, id)      the band keys of recent runs, merged into band now and then
 *   grp(id, created)          group ids, AUTOINCREMENT so an id is never reused
 *   template(hash, files)     how many stored articles with text of their own carry each
 *                             short paragraph: the votes for a site template
 *   para(hash, files)         in how many stored articles each kept paragraph appears
 *   para_recent(hash, files)  changes to those counts from recent runs, merged into para
 *                             like band_recent into band
 */
#include "store_int.h"

#include <stdlib.h>
#include <string.h>

const char *const nd_store_sql[Q_COUNT] = {
    [Q_BY_PATH] = "SELECT id, size, mtime, chash, first_seen, grp FROM article WHERE path = ?1",
    [Q_BY_HASH] = "SELECT id, size, mtime, chash, first_seen, grp, path FROM article "
                  "WHERE chash = ?1 ORDER BY id LIMIT 1",
    [Q_TOUCH] = "UPDATE article SET path = ?2, size = ?3, mtime = ?4 WHERE id = ?1",
    [Q_INSERT] = "INSERT INTO article(path, size, mtime, chash, first_seen, grp, score) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, NULL, NULL)",
    [Q_INSERT_FP] = "INSERT INTO fingerprint(id, fp) VALUES (?1, ?2)",
    [Q_DELETE_FP] = "DELETE FROM fingerprint WHERE id = ?1",
    [Q_BAND_ADD] = "INSERT OR IGNORE INTO band(key, id) VALUES (?1, ?2)",
    [Q_LOAD] = "SELECT a.path, a.size, a.mtime, a.chash, a.first_seen, a.grp, f.fp, a.score "
               "FROM article a JOIN fingerprint f ON f.id = a.id WHERE a.id = ?1",
    [Q_DELETE] = "DELETE FROM article WHERE id = ?1",
    [Q_BAND_DEL] = "DELETE FROM band WHERE key = ?1 AND id = ?2",
    [Q_RBAND_ADD] = "INSERT OR IGNORE INTO band_recent(key, id) VALUES (?1, ?2)",
    [Q_RBAND_DEL] = "DELETE FROM band_recent WHERE key = ?1 AND id = ?2",
    [Q_BAND] = "SELECT id FROM band WHERE key = ?1 UNION ALL "
               "SELECT id FROM band_recent WHERE key = ?1 ORDER BY 1 LIMIT ?2",
    [Q_MERGE] = "INSERT OR IGNORE INTO band(key, id) SELECT key, id FROM band_recent "
                "WHERE key >= ?1 AND key < ?2 ORDER BY key, id",
    [Q_MERGED] = "DELETE FROM band_recent WHERE key >= ?1 AND key < ?2",
    [Q_MAX_ID] = "SELECT max(id) FROM article",
    [Q_SCAN] = "SELECT id, path, size, mtime FROM article",
    [Q_UNDER] = "SELECT id, path FROM article WHERE path >= ?1 AND path < ?2",
    [Q_META_GET] = "SELECT value FROM meta WHERE key = ?1",
    [Q_META_SET] = "INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)",
    [Q_MEMBERS] = "SELECT id FROM article WHERE grp = ?1 ORDER BY id",
    [Q_SET_GROUP] = "UPDATE article SET grp = ?2, score = ?3 WHERE id = ?1",
    [Q_NEW_GROUP] = "INSERT INTO grp(created) VALUES (?1)",
    [Q_TPL_GET] = "SELECT files FROM template WHERE hash = ?1",
    [Q_TPL_ADD] = "INSERT INTO template(hash, files) VALUES (?1, ?2) "
                  "ON CONFLICT(hash) DO UPDATE SET files = files + ?2",
    [Q_TPL_CLEAN] = "DELETE FROM template WHERE hash = ?1 AND files <= 0",
    [Q_GROUPS] = "SELECT grp FROM article WHERE grp IS NOT NULL GROUP BY grp "
                 "HAVING count(*) >= 2 ORDER BY grp",
    [Q_OLDER] = "SELECT id FROM article WHERE first_seen < ?1 ORDER BY id",
    [Q_FP] = "SELECT fp FROM fingerprint WHERE id = ?1",
    [Q_GRP_CLEAN] = "DELETE FROM grp WHERE id = ?1 AND NOT EXISTS "
                    "(SELECT 1 FROM article WHERE grp = ?1)",
    [Q_PARA_GET] = "SELECT coalesce((SELECT files FROM para WHERE hash = ?1), 0) + "
                   "coalesce((SELECT files FROM para_recent WHERE hash = ?1), 0)",
    [Q_PARA_ADD] = "INSERT INTO para_recent(hash, files) VALUES (?1, ?2) "
                   "ON CONFLICT(hash) DO UPDATE SET files = files + ?2",
    [Q_PARA_CLEAN] = "DELETE FROM para_recent WHERE hash = ?1 AND files = 0",
    [Q_PMERGE] = "INSERT INTO para(hash, files) SELECT hash, files FROM para_recent "
                 "WHERE hash BETWEEN ?1 AND ?2 ORDER BY hash "
                 "ON CONFLICT(hash) DO UPDATE SET files = files + excluded.files",
    [Q_PCLEAN] = "DELETE FROM para WHERE files <= 0 AND hash IN (SELECT hash FROM para_recent "
                 "WHERE hash BETWEEN ?1 AND ?2 AND files < 0)",
    [Q_PMERGED] = "DELETE FROM para_recent WHERE hash BETWEEN ?1 AND ?2",
};

/* ---- values read, checked ---- */

#define PATH_MAX_LEN 4096

/* Column i as a path: a BLOB (or TEXT) of 1..PATH_MAX_LEN bytes without NUL that starts
 * with '/' (schema 3 stores canonical absolute paths).  *len receives its length; NULL
 * when it is not one. */
static const char *col_path(sqlite3_stmt *st, int i, size_t *len)
{
    int t = sqlite3_column_type(st, i);
    if (t != SQLITE_BLOB && t != SQLITE_TEXT)
        return NULL;
    const char *p = sqlite3_column_blob(st, i);
    int n = sqlite3_column_bytes(st, i);
    if (!p || n <= 0 || n > PATH_MAX_LEN || p[0] != '/' || memchr(p, '\0', (size_t)n))
        return NULL;
    *len = (size_t)n;
    return p;
}

/* A copy of a checked path, NUL-terminated (nd_malloc'd). */
static char *dup_path(const char *p, size_t n)
{
    char *d = nd_malloc(n + 1);
    if (d) {
        memcpy(d, p, n);
        d[n] = '\0';
    }
    return d;
}

/* Reads size, mtime, chash, first_seen, grp from columns base.. of an article row;
 * false when one is not of its type and range. */
static bool read_rec(sqlite3_stmt *st, int base, nd_srec *r)
{
    for (int k = 0; k < 4; k++)
        if (sqlite3_column_type(st, base + k) != SQLITE_INTEGER)
            return false;
    int64_t size = sqlite3_column_int64(st, base);
    r->size = (uint64_t)size;
    r->mtime = sqlite3_column_int64(st, base + 1);
    r->chash = nd_i2u(sqlite3_column_int64(st, base + 2));
    r->first_seen = sqlite3_column_int64(st, base + 3);
    r->grp = 0;
    if (sqlite3_column_type(st, base + 4) != SQLITE_NULL &&
        !(r->grp = nd_store_col_id(st, base + 4)))
        return false;
    return size >= 0;
}

/* A row of Q_BY_PATH or Q_BY_HASH into r (and the path of Q_BY_HASH into *path). */
static int found_row(nd_store *s, sqlite3_stmt *st, nd_srec *r, char **path)
{
    size_t n = 0;
    const char *p = path ? col_path(st, 6, &n) : NULL;
    r->id = nd_store_col_id(st, 0);
    if (!r->id || !read_rec(st, 1, r) || (path && !p)) {
        nd_store_damaged(s, "article %lld: a value out of its type or range",
                         (long long)sqlite3_column_int64(st, 0));
        return -1;
    }
    if (path && !(*path = dup_path(p, n)))
        return -1;
    return 1;
}

int nd_store_by_path(nd_store *s, const char *path, nd_srec *r)
{
    sqlite3_stmt *st = s->q[Q_BY_PATH];
    sqlite3_bind_blob(st, 1, path, (int)strlen(path), SQLITE_STATIC);
    int rc = nd_store_note(s, sqlite3_step(st)), found = -1;
    if (rc == SQLITE_ROW)
        found = found_row(s, st, r, NULL);
    else if (rc == SQLITE_DONE)
        found = 0;
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return found;
}

int nd_store_by_hash(nd_store *s, uint64_t chash, nd_srec *r, char **path)
{
    sqlite3_stmt *st = s->q[Q_BY_HASH];
    sqlite3_bind_int64(st, 1, nd_u2i(chash));
    int rc = nd_store_note(s, sqlite3_step(st)), found = -1;
    *path = NULL;
    if (rc == SQLITE_ROW)
        found = found_row(s, st, r, path);
    else if (rc == SQLITE_DONE)
        found = 0;
    sqlite3_reset(st);
    return found;
}

ndupes_status nd_store_touch(nd_store *s, int64_t id, const char *path, uint64_t size,
                             int64_t mtime)
{
    sqlite3_stmt *st = s->q[Q_TOUCH];
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_blob(st, 2, path, (int)strlen(path), SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, (int64_t)size);
    sqlite3_bind_int64(st, 4, mtime);
    ndupes_status r = nd_store_run(s, st);
    sqlite3_clear_bindings(st);
    return r;
}

/* Adds delta to a hash's count in a counter table (template or para), removing rows that
 * fall to zero. */
static ndupes_status counter_add(nd_store *s, int add, int clean, uint64_t hash, int delta)
{
    sqlite3_stmt *st = s->q[add];
    sqlite3_bind_int64(st, 1, nd_u2i(hash));
    sqlite3_bind_int(st, 2, delta);
    ndupes_status r = nd_store_run(s, st);
    if (r == NDUPES_OK && delta < 0) {
        st = s->q[clean];
        sqlite3_bind_int64(st, 1, nd_u2i(hash));
        r = nd_store_run(s, st);
    }
    return r;
}

/* A count of files: an INTEGER below 2^32 (a negative sum of para and para_recent, which
 * only steers template votes, reads as 0).  A value of another type marks the index
 * damaged. */
static uint32_t counter_get(nd_store *s, int get, uint64_t hash)
{
    sqlite3_stmt *st = s->q[get];
    sqlite3_bind_int64(st, 1, nd_u2i(hash));
    int64_t v = 0;
    int rc = nd_store_note(s, sqlite3_step(st));
    if (rc == SQLITE_ROW) {
        v = sqlite3_column_int64(st, 0);
        if (sqlite3_column_type(st, 0) != SQLITE_INTEGER || v > (int64_t)UINT32_MAX) {
            nd_store_damaged(s, "a paragraph count is not a count");
            v = 0;
        }
    } else if (rc != SQLITE_DONE && nd_store_status(rc) != NDUPES_ERR_INTERRUPTED) {
        nd_store_damaged(s, "reading a paragraph count: %s", sqlite3_errmsg(s->db));
    }
    sqlite3_reset(st);
    return v > 0 ? (uint32_t)v : 0;
}

ndupes_status nd_store_template_add(nd_store *s, uint64_t hash, int delta)
{
    return counter_add(s, Q_TPL_ADD, Q_TPL_CLEAN, hash, delta);
}

uint32_t nd_store_template(nd_store *s, uint64_t hash)
{
    return counter_get(s, Q_TPL_GET, hash);
}

uint32_t nd_store_para(nd_store *s, uint64_t hash)
{
    return counter_get(s, Q_PARA_GET, hash);
}

/* The counts an article adds to (delta 1) or takes from (-1) the counter tables. */
static ndupes_status counts(nd_store *s, const nd_fp *fp, int delta)
{
    ndupes_status r = NDUPES_OK;
    for (size_t p = 0; p < fp->nph && r == NDUPES_OK; p++)
        r = counter_add(s, Q_PARA_ADD, Q_PARA_CLEAN, fp->ph[p].hash, delta);
    for (size_t p = 0; fp->voter && p < fp->npend && r == NDUPES_OK; p++)
        r = nd_store_template_add(s, fp->pend[p].hash, delta);
    return r;
}

ndupes_status nd_store_insert(nd_store *s, const char *path, const nd_srec *r, const nd_fp *fp,
                              int64_t *id)
{
    uint8_t *blob;
    size_t len;
    if (!nd_fp_encode(fp, &blob, &len))
        return NDUPES_ERR_NOMEM;
    sqlite3_stmt *st = s->q[Q_INSERT];
    sqlite3_bind_blob(st, 1, path, (int)strlen(path), SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, (int64_t)r->size);
    sqlite3_bind_int64(st, 3, r->mtime);
    sqlite3_bind_int64(st, 4, nd_u2i(r->chash));
    sqlite3_bind_int64(st, 5, r->first_seen);
    ndupes_status rs = nd_store_run(s, st);
    sqlite3_clear_bindings(st);
    if (rs == NDUPES_OK) {
        *id = sqlite3_last_insert_rowid(s->db);
        st = s->q[Q_INSERT_FP];
        sqlite3_bind_int64(st, 1, *id);
        sqlite3_bind_blob(st, 2, blob, (int)len, SQLITE_STATIC);
        rs = nd_store_run(s, st);
        sqlite3_clear_bindings(st);
    }
    nd_free(blob);
    if (rs == NDUPES_OK)
        rs = counts(s, fp, 1);
    return rs;
}

static bool col_score(sqlite3_stmt *st, int i, double *score)
{
    int t = sqlite3_column_type(st, i);
    *score = t == SQLITE_NULL ? 0 : sqlite3_column_double(st, i);
    return t == SQLITE_NULL || ((t == SQLITE_FLOAT || t == SQLITE_INTEGER) && *score >= 0 &&
                                *score <= 1);
}

ndupes_status nd_store_load(nd_store *s, int64_t id, nd_fp *fp, char **path, nd_srec *r)
{
    sqlite3_stmt *st = s->q[Q_LOAD];
    sqlite3_bind_int64(st, 1, id);
    int rc = nd_store_note(s, sqlite3_step(st));
    ndupes_status res = NDUPES_OK;
    if (path)
        *path = NULL;
    if (rc != SQLITE_ROW) {
        res = rc == SQLITE_DONE ? nd_store_damaged(s, "article %lld is listed but not stored",
                                                   (long long)id)
                                : nd_store_status(rc);
        goto out;
    }
    r->id = id;
    size_t n = 0;
    const char *p = col_path(st, 0, &n);
    if (!p || !read_rec(st, 1, r) || !col_score(st, 7, &r->score) ||
        sqlite3_column_type(st, 6) != SQLITE_BLOB) {
        res = nd_store_damaged(s, "article %lld: a value out of its type or range",
                               (long long)id);
        goto out;
    }
    res = nd_fp_decode(sqlite3_column_blob(st, 6), (size_t)sqlite3_column_bytes(st, 6), fp);
    if (res != NDUPES_OK) {
        if (res != NDUPES_ERR_NOMEM)
            res = nd_store_damaged(s, "article %lld: its fingerprint cannot be read; 'ndupes db "
                                   "forget' removes it", (long long)id);
        goto out;
    }
    if (path && !(*path = dup_path(p, n))) {
        nd_fp_free(fp);
        res = NDUPES_ERR_NOMEM;
    }
out:
    sqlite3_reset(st);
    return res;
}

ndupes_status nd_store_delete(nd_store *s, int64_t id)
{
    sqlite3_stmt *st = s->q[Q_FP];
    sqlite3_bind_int64(st, 1, id);
    nd_fp fp;
    int64_t grp = 0;
    ndupes_status dec = NDUPES_ERR_PARSE;
    int rc = nd_store_note(s, sqlite3_step(st));
    if (rc == SQLITE_ROW)
        dec = nd_fp_decode(sqlite3_column_blob(st, 0), (size_t)sqlite3_column_bytes(st, 0), &fp);
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return nd_store_status(rc);
    if (dec == NDUPES_ERR_NOMEM)
        return NDUPES_ERR_NOMEM;
    bool have = dec == NDUPES_OK; /* else its rows are found by id */
    nd_srec r;
    sqlite3_stmt *q = s->q[Q_LOAD];
    sqlite3_bind_int64(q, 1, id);
    rc = nd_store_note(s, sqlite3_step(q));
    if (rc == SQLITE_ROW && read_rec(q, 1, &r))
        grp = r.grp;
    sqlite3_reset(q);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        if (have)
            nd_fp_free(&fp);
        return nd_store_status(rc);
    }
    ndupes_status res = NDUPES_OK;
    if (have) {
        res = nd_store_bands_del(s, &fp, id);
        if (res == NDUPES_OK)
            res = counts(s, &fp, -1);
        nd_fp_free(&fp);
    } else {
        res = nd_store_bands_del_all(s, id);
    }
    if (res == NDUPES_OK) {
        st = s->q[Q_DELETE];
        sqlite3_bind_int64(st, 1, id);
        res = nd_store_run(s, st);
    }
    if (res == NDUPES_OK) {
        st = s->q[Q_DELETE_FP];
        sqlite3_bind_int64(st, 1, id);
        res = nd_store_run(s, st);
    }
    if (res == NDUPES_OK && grp) {
        st = s->q[Q_GRP_CLEAN];
        sqlite3_bind_int64(st, 1, grp);
        res = nd_store_run(s, st);
    }
    return res;
}

int64_t nd_store_max_id(nd_store *s)
{
    sqlite3_stmt *st = s->q[Q_MAX_ID];
    int64_t v = 0;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
        v = nd_store_col_id(st, 0);
    sqlite3_reset(st);
    return v;
}

ndupes_status nd_store_scan(nd_store *s,
                            bool (*fn)(void *ctx, int64_t id, const char *path, size_t len,
                                       uint64_t size, int64_t mtime),
                            void *ctx)
{
    sqlite3_stmt *st = s->q[Q_SCAN];
    ndupes_status r = NDUPES_OK;
    int rc;
    while ((rc = nd_store_note(s, sqlite3_step(st))) == SQLITE_ROW) {
        size_t len = 0;
        const char *p = col_path(st, 1, &len);
        int64_t id = nd_store_col_id(st, 0);
        if (!p || !id || sqlite3_column_type(st, 2) != SQLITE_INTEGER ||
            sqlite3_column_type(st, 3) != SQLITE_INTEGER || sqlite3_column_int64(st, 2) < 0) {
            r = nd_store_damaged(s, "article %lld: a value out of its type or range",
                                 (long long)sqlite3_column_int64(st, 0));
            break;
        }
        if (!fn(ctx, id, p, len, (uint64_t)sqlite3_column_int64(st, 2),
                sqlite3_column_int64(st, 3)))
            break;
    }
    sqlite3_reset(st);
    if (r == NDUPES_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        r = nd_store_status(rc);
    return r;
}

ndupes_status nd_store_under(nd_store *s, const char *root,
                             bool (*fn)(void *ctx, int64_t id, const char *path, size_t len),
                             void *ctx)
{
    /* root itself, then the range of paths that start with root + '/': from "root/" up to,
     * not including, "root0" ('0' follows '/'), an index range scan of the UNIQUE path. */
    size_t rl = strlen(root);
    while (rl > 1 && root[rl - 1] == '/')
        rl--;
    char *lo = nd_malloc(rl + 2), *hi = nd_malloc(rl + 2);
    ndupes_status r = lo && hi ? NDUPES_OK : NDUPES_ERR_NOMEM;
    nd_srec rec;
    bool more = true;
    if (r == NDUPES_OK) {
        memcpy(lo, root, rl);
        lo[rl] = '\0';
        int f = nd_store_by_path(s, lo, &rec);
        if (f < 0)
            r = s->damaged ? NDUPES_ERR_DB_SCHEMA : NDUPES_ERR_DB;
        else if (f == 1)
            more = fn(ctx, rec.id, lo, rl);
    }
    if (r == NDUPES_OK && more) {
        bool top = rl == 1 && root[0] == '/'; /* under "/" is everything from "/" on */
        size_t n = top ? 1 : rl + 1;
        memcpy(hi, root, rl);
        lo[top ? 0 : rl] = '/';
        hi[top ? 0 : rl] = '0';
        sqlite3_stmt *st = s->q[Q_UNDER];
        sqlite3_bind_blob(st, 1, lo, (int)n, SQLITE_STATIC);
        sqlite3_bind_blob(st, 2, hi, (int)n, SQLITE_STATIC);
        int rc;
        while ((rc = nd_store_note(s, sqlite3_step(st))) == SQLITE_ROW) {
            size_t len = 0;
            const char *p = col_path(st, 1, &len);
            int64_t id = nd_store_col_id(st, 0);
            if (!p || !id) {
                r = nd_store_damaged(s, "article %lld: a value out of its type or range",
                                     (long long)sqlite3_column_int64(st, 0));
                break;
            }
            if (!fn(ctx, id, p, len))
                break;
        }
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        if (r == NDUPES_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
            r = nd_store_status(rc);
    }
    nd_free(lo);
    nd_free(hi);
    return r;
}

static ndupes_status collect(nd_store *s, sqlite3_stmt *st, int64_t **ids, size_t *n)
{
    size_t cap = 16;
    *n = 0;
    *ids = nd_malloc(cap * sizeof **ids);
    if (!*ids) {
        sqlite3_reset(st);
        return NDUPES_ERR_NOMEM;
    }
    int rc;
    while ((rc = nd_store_note(s, sqlite3_step(st))) == SQLITE_ROW) {
        if (*n == cap) {
            int64_t *t = nd_reallocarray(*ids, cap * 2, sizeof *t);
            if (!t) {
                sqlite3_reset(st);
                nd_free(*ids);
                *ids = NULL;
                *n = 0;
                return NDUPES_ERR_NOMEM;
            }
            *ids = t;
            cap *= 2;
        }
        if (!((*ids)[(*n)++] = nd_store_col_id(st, 0))) {
            nd_store_damaged(s, "an article or group id is not a positive integer");
            rc = SQLITE_CORRUPT;
            break;
        }
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        nd_free(*ids);
        *ids = NULL;
        *n = 0;
        return nd_store_status(rc);
    }
    return NDUPES_OK;
}

ndupes_status nd_store_members(nd_store *s, int64_t grp, int64_t **ids, size_t *n)
{
    sqlite3_bind_int64(s->q[Q_MEMBERS], 1, grp);
    return collect(s, s->q[Q_MEMBERS], ids, n);
}

ndupes_status nd_store_groups(nd_store *s, int64_t **ids, size_t *n)
{
    return collect(s, s->q[Q_GROUPS], ids, n);
}

ndupes_status nd_store_older(nd_store *s, int64_t before, int64_t **ids, size_t *n)
{
    sqlite3_bind_int64(s->q[Q_OLDER], 1, before);
    return collect(s, s->q[Q_OLDER], ids, n);
}

ndupes_status nd_store_set_group(nd_store *s, int64_t id, int64_t grp, double score)
{
    sqlite3_stmt *st = s->q[Q_SET_GROUP];
    sqlite3_bind_int64(st, 1, id);
    if (grp)
        sqlite3_bind_int64(st, 2, grp);
    else
        sqlite3_bind_null(st, 2);
    if (grp)
        sqlite3_bind_double(st, 3, score);
    else
        sqlite3_bind_null(st, 3);
    ndupes_status r = nd_store_run(s, st);
    sqlite3_clear_bindings(st);
    return r;
}

ndupes_status nd_store_new_group(nd_store *s, int64_t now, int64_t *grp)
{
    sqlite3_stmt *st = s->q[Q_NEW_GROUP];
    sqlite3_bind_int64(st, 1, now);
    ndupes_status r = nd_store_run(s, st);
    if (r == NDUPES_OK)
        *grp = sqlite3_last_insert_rowid(s->db);
    return r;
}

ndupes_status nd_store_counts(nd_store *s, int64_t *articles, int64_t *groups, int64_t *grouped,
                              int64_t *oldest, int64_t *newest)
{
    *articles = *groups = *grouped = *oldest = *newest = 0;
    if (s->empty)
        return NDUPES_OK;
    /* A group is two or more articles: a member left alone by a forget keeps the group's
     * id (for the next copy of its story) but is in no group. */
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(
        s->db,
        "WITH g AS (SELECT count(*) AS n FROM article WHERE grp IS NOT NULL GROUP BY grp"
        "   HAVING count(*) >= 2)"
        "SELECT (SELECT count(*) FROM article), (SELECT count(*) FROM g),"
        " (SELECT coalesce(sum(n), 0) FROM g),"
        " (SELECT min(first_seen) FROM article), (SELECT max(first_seen) FROM article)",
        -1, &st, NULL);
    if (rc == SQLITE_OK && (rc = nd_store_note(s, sqlite3_step(st))) == SQLITE_ROW) {
        int64_t *out[5] = {articles, groups, grouped, oldest, newest};
        for (int i = 0; i < 5; i++) {
            int t = sqlite3_column_type(st, i);
            if (t == SQLITE_INTEGER)
                *out[i] = sqlite3_column_int64(st, i);
            else if (t != SQLITE_NULL || i < 3)
                rc = (nd_store_damaged(s, "a first-seen time is not a time"), SQLITE_CORRUPT);
        }
        if (rc == SQLITE_ROW)
            rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return nd_store_status(rc);
}
