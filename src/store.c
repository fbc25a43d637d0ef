/*
 * store.c - the persistent index for incremental runs (--db), in SQLite.
 *
 * One run is one write transaction (BEGIN IMMEDIATE ... COMMIT) in WAL mode: a crash or
 * kill -9 at any point leaves the database as the last good run left it, and a second run
 * waits for the first (sqlite3_busy_timeout) up to --wait seconds, then gives up with
 * NDUPES_ERR_DB_BUSY.  Nothing is written before the schema is checked, so a file that is
 * not ours (not SQLite, corrupt, another application's, a newer schema) is left untouched.
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
#include "store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    Q_BY_PATH, Q_BY_HASH, Q_TOUCH, Q_INSERT, Q_BAND_ADD, Q_LOAD, Q_DELETE, Q_BAND_DEL,
    Q_BAND, Q_MEMBERS, Q_SET_GROUP, Q_NEW_GROUP, Q_TPL_GET, Q_TPL_ADD, Q_TPL_CLEAN, Q_GROUPS,
    Q_OLDER, Q_FP, Q_GRP_CLEAN, Q_PARA_GET, Q_PARA_ADD, Q_PARA_CLEAN, Q_INSERT_FP, Q_DELETE_FP,
    Q_RBAND_ADD, Q_RBAND_DEL, Q_META_GET, Q_META_SET, Q_MAX_ID, Q_SCAN, Q_MERGE, Q_MERGED,
    Q_PMERGE, Q_PCLEAN, Q_PMERGED, Q_COUNT
};

static const char *const sql[Q_COUNT] = {
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
    [Q_SCAN] = "SELECT path, size, mtime FROM article",
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

#define RECENT_SQL                                                                             \
    "CREATE TABLE IF NOT EXISTS band_recent(key INTEGER NOT NULL, id INTEGER NOT NULL,"        \
    " PRIMARY KEY(key, id)) WITHOUT ROWID;"                                                     \
    "CREATE TABLE IF NOT EXISTS para_recent(hash INTEGER PRIMARY KEY, files INTEGER NOT NULL);"

/* Band keys are random, so adding one run's keys to a large band table would touch nearly
 * every page of it (100,000 articles: 8 million rows, 100 MB rewritten per run).  New keys
 * go to band_recent instead, a small table whose pages a run rewrites cheaply, and each run
 * moves one of MERGE_SLICES ranges of keys of band_recent into band, in key order, so it
 * rewrites only that share of band's pages; a key waits at most MERGE_SLICES runs.  A batch
 * that is large against band (the first run) goes straight into band, and then all of
 * band_recent moves too.  Lookups read both tables.  The paragraph counts take the same
 * path: a run adds its changes to para_recent, and moves a slice of them into para.  The
 * row counts and the next slice are kept in meta (band_rows, recent_rows, merge_slice);
 * they only steer this policy: a wrong value costs time, never a wrong answer. */
#define MERGE_SLICES 8 /* merge_slice takes the top three bits of a paragraph hash */
#define RECENT_SHARE 16 /* a batch of more than band / RECENT_SHARE rows goes into band */

static const char schema[] =
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;"
    "CREATE TABLE article(id INTEGER PRIMARY KEY, path BLOB NOT NULL UNIQUE,"
    " size INTEGER NOT NULL, mtime INTEGER NOT NULL, chash INTEGER NOT NULL,"
    " first_seen INTEGER NOT NULL, grp INTEGER, score REAL);"
    "CREATE TABLE fingerprint(id INTEGER PRIMARY KEY, fp BLOB NOT NULL);"
    "CREATE INDEX article_chash ON article(chash);"
    "CREATE INDEX article_grp ON article(grp) WHERE grp IS NOT NULL;"
    "CREATE INDEX article_seen ON article(first_seen);"
    "CREATE TABLE band(key INTEGER NOT NULL, id INTEGER NOT NULL,"
    " PRIMARY KEY(key, id)) WITHOUT ROWID;"
    RECENT_SQL
    "CREATE TABLE grp(id INTEGER PRIMARY KEY AUTOINCREMENT, created INTEGER NOT NULL);"
    "CREATE TABLE template(hash INTEGER PRIMARY KEY, files INTEGER NOT NULL);"
    "CREATE TABLE para(hash INTEGER PRIMARY KEY, files INTEGER NOT NULL);";

struct nd_store {
    sqlite3 *db;
    sqlite3_stmt *q[Q_COUNT];
    bool in_txn;
    int wait_ms; /* how long to wait for another run's lock */
    char last[256]; /* SQLite's message on the last failed step (reset clears SQLite's) */
    bool want_wal;  /* a new index: switch to WAL after the first commit */
    int64_t band_rows, recent_rows; /* rows in band and band_recent (see MERGE_SLICES) */
    int64_t slice;                  /* the range of band_recent the next run merges */
    bool rows_dirty;                /* the counts changed: write them back at commit */
    bool empty;     /* read-only on a file with no schema yet */
};

/* SQLite's busy handler: wait in 10 ms steps up to wait_ms, but give up at once when the
 * run is interrupted (SIGINT, SIGTERM), so a run waiting for the lock stops promptly. */
static int busy_wait(void *arg, int count)
{
    const nd_store *s = arg;
    if (atomic_load(&nd_interrupted) || (long)count * 10 >= s->wait_ms)
        return 0;
    sqlite3_sleep(10);
    return 1;
}

const char *nd_store_errmsg(nd_store *s)
{
    if (!s || !s->db)
        return "no database";
    return s->last[0] ? s->last : sqlite3_errmsg(s->db);
}

/* Remembers why a statement failed, before sqlite3_reset forgets it. */
static int note(nd_store *s, int rc)
{
    if (rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE)
        snprintf(s->last, sizeof s->last, "%s", sqlite3_errmsg(s->db));
    return rc;
}

static ndupes_status map_rc(int rc)
{
    switch (rc & 0xFF) {
    case SQLITE_OK: case SQLITE_DONE: case SQLITE_ROW:
        return NDUPES_OK;
    case SQLITE_BUSY: case SQLITE_LOCKED:
        return NDUPES_ERR_DB_BUSY;
    case SQLITE_NOTADB: case SQLITE_CORRUPT:
        return NDUPES_ERR_DB_SCHEMA;
    case SQLITE_NOMEM:
        return NDUPES_ERR_NOMEM;
    default:
        return NDUPES_ERR_DB;
    }
}

static int64_t u2i(uint64_t x)
{
    int64_t v;
    memcpy(&v, &x, sizeof v);
    return v;
}

static uint64_t i2u(int64_t x)
{
    uint64_t v;
    memcpy(&v, &x, sizeof v);
    return v;
}

/* Runs a statement to completion (no rows expected); resets it. */
#define run(st) run_(s, st)
static ndupes_status run_(nd_store *s, sqlite3_stmt *st)
{
    int rc;
    while ((rc = note(s, sqlite3_step(st))) == SQLITE_ROW)
        ;
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? NDUPES_OK : map_rc(rc);
}

/* Reads the schema version, or 0 for an empty database; -1 for a foreign one. */
static int schema_version(sqlite3 *db, int *rc_out, unsigned *shingle, char *fmt, size_t fl)
{
    sqlite3_stmt *st = NULL;
    int n = 0, rc;
    rc = sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema", -1, &st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
        n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    *rc_out = rc == SQLITE_ROW ? SQLITE_OK : rc;
    if (*rc_out != SQLITE_OK)
        return -1;
    if (n == 0)
        return 0;
    int v = -1;
    rc = sqlite3_prepare_v2(db, "SELECT key, value FROM meta", -1, &st, NULL);
    if (rc != SQLITE_OK) {
        *rc_out = SQLITE_OK; /* no meta table: another application's database */
        return -1;
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *k = (const char *)sqlite3_column_text(st, 0);
        if (k && strcmp(k, "schema_version") == 0)
            v = sqlite3_column_int(st, 1);
        else if (k && strcmp(k, "shingle") == 0)
            *shingle = (unsigned)sqlite3_column_int(st, 1);
        else if (k && strcmp(k, "format") == 0 && sqlite3_column_text(st, 1))
            snprintf(fmt, fl, "%s", (const char *)sqlite3_column_text(st, 1));
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        *rc_out = rc;
        return -1;
    }
    return v;
}

/* Prepares every statement; a missing table or column means the file is not a usable
 * index. */
static ndupes_status prepare_all(nd_store *s, char *err, size_t errlen)
{
    for (int i = 0; i < Q_COUNT; i++) {
        if (s->q[i])
            continue;
        int rc = sqlite3_prepare_v3(s->db, sql[i], -1, SQLITE_PREPARE_PERSISTENT, &s->q[i], NULL);
        if (rc != SQLITE_OK) {
            ndupes_status st = map_rc(rc) == NDUPES_ERR_DB ? NDUPES_ERR_DB_SCHEMA : map_rc(rc);
            snprintf(err, errlen, "not a usable ndupes database (%s); left untouched",
                     sqlite3_errmsg(s->db));
            return st;
        }
    }
    return NDUPES_OK;
}

/* Runs a statement that gives one integer (bound already); 0 when it gives no row. */
static int64_t step_int(sqlite3_stmt *st)
{
    int64_t v = 0;
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return v;
}

/* An integer kept in meta, or 0 when it is missing or not a count. */
static int64_t meta_int(nd_store *s, const char *key)
{
    sqlite3_stmt *st = s->q[Q_META_GET];
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    int64_t v = step_int(st);
    return v > 0 ? v : 0;
}

static ndupes_status meta_set(nd_store *s, const char *key, int64_t v)
{
    sqlite3_stmt *st = s->q[Q_META_SET];
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, v);
    return run(st);
}

ndupes_status nd_store_open(const char *path, unsigned shingle, double wait, bool readonly,
                            nd_store **out, char *err, size_t errlen)
{
    *out = NULL;
    nd_store *s = nd_calloc(1, sizeof *s);
    if (!s)
        return NDUPES_ERR_NOMEM;
    ndupes_status st = NDUPES_ERR_DB;
    int flags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    int rc = sqlite3_open_v2(path, &s->db, flags | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK) {
        snprintf(err, errlen, "cannot open the database: %s",
                 s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
        goto fail;
    }
    sqlite3_extended_result_codes(s->db, 0);
    s->wait_ms = wait > 0 ? (int)(wait * 1000 > 2e9 ? 2e9 : wait * 1000) : 0;
    sqlite3_busy_handler(s->db, busy_wait, s);
    /* Reading the schema first: a file that is not SQLite fails here, before any write. */
    int vrc;
    unsigned dbk = 0;
    char fmt[64] = "";
    int v = schema_version(s->db, &vrc, &dbk, fmt, sizeof fmt);
    if (vrc != SQLITE_OK) {
        st = map_rc(vrc);
        if (st == NDUPES_ERR_DB_SCHEMA || st == NDUPES_ERR_DB)
            snprintf(err, errlen, "not an ndupes database (%s); left untouched",
                     sqlite3_errmsg(s->db));
        else
            snprintf(err, errlen, "database is locked by another run");
        goto fail;
    }
    if (v < 0) {
        st = NDUPES_ERR_DB_SCHEMA;
        snprintf(err, errlen, "not an ndupes database (no schema_version); left untouched");
        goto fail;
    }
    if (v > ND_SCHEMA_VERSION) {
        st = NDUPES_ERR_DB_SCHEMA;
        snprintf(err, errlen, "database schema version %d is newer than this ndupes (%d); "
                 "left untouched", v, ND_SCHEMA_VERSION);
        goto fail;
    }
    if (v > 0 && dbk != shingle) {
        st = NDUPES_ERR_DB_SCHEMA;
        snprintf(err, errlen, "database was built with --shingle %u, not %u", dbk, shingle);
        goto fail;
    }
    if (v > 0 && strcmp(fmt, ND_FP_FORMAT) != 0) {
        st = NDUPES_ERR_DB_SCHEMA;
        snprintf(err, errlen, "index built with other fingerprint settings (%s, this ndupes "
                 "uses %s); rebuild it; left untouched", fmt[0] ? fmt : "unknown", ND_FP_FORMAT);
        goto fail;
    }
    /* Nothing is written before the file is known to be ours: an existing index has its
     * statements prepared (which checks every table) before any pragma that could touch
     * the file; a new one is created inside the run's transaction, in rollback-journal
     * mode, and switched to WAL only after its first commit (nd_store_commit). */
    /* Schema 1 (before band_recent and para_recent) is upgraded inside the run's transaction, like a new
     * index is created; read-only, it cannot be. */
    bool upgrade = v > 0 && v < ND_SCHEMA_VERSION;
    if (upgrade && readonly) {
        st = NDUPES_ERR_DB_SCHEMA;
        snprintf(err, errlen, "index made by an older ndupes (schema version %d); the next "
                 "run with --db upgrades it", v);
        goto fail;
    }
    if (v > 0 && !upgrade && (st = prepare_all(s, err, errlen)) != NDUPES_OK)
        goto fail;
    if (readonly) {
        s->empty = v == 0; /* an index no run has committed to yet: all counts are 0 */
        rc = s->empty ? SQLITE_OK : sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL);
    } else {
        rc = SQLITE_OK;
        if (v > 0 && !upgrade)
            rc = sqlite3_exec(s->db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
        s->want_wal = v == 0 || upgrade;
        if (rc == SQLITE_OK)
            rc = sqlite3_exec(s->db, "PRAGMA synchronous=NORMAL", NULL, NULL, NULL);
        /* A small cache while reading: lookups visit each page once, and a large cache
         * only costs allocations (nd_store_reserve grows it before many writes). */
        if (rc == SQLITE_OK)
            rc = sqlite3_exec(s->db, "PRAGMA cache_size=-8192", NULL, NULL, NULL);
        if (rc == SQLITE_OK)
            rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    }
    if (rc != SQLITE_OK) {
        st = map_rc(rc);
        snprintf(err, errlen, "%s", st == NDUPES_ERR_DB_BUSY ? "database is locked by another run"
                                                             : sqlite3_errmsg(s->db));
        goto fail;
    }
    s->in_txn = !s->empty;
    if ((v == 0 || upgrade) && !readonly) {
        /* Re-check inside the transaction: another run may have created it meanwhile. */
        v = schema_version(s->db, &vrc, &dbk, fmt, sizeof fmt);
        if (v > 0 && v < ND_SCHEMA_VERSION) { /* 1 -> 2: band_recent, para_recent */
            rc = sqlite3_exec(s->db,
                              RECENT_SQL
                              "INSERT OR REPLACE INTO meta VALUES('band_rows',"
                              " (SELECT count(*) FROM band));"
                              "UPDATE meta SET value = 2 WHERE key = 'schema_version';",
                              NULL, NULL, NULL);
            if (rc != SQLITE_OK) {
                st = map_rc(rc) == NDUPES_ERR_DB ? NDUPES_ERR_DB_SCHEMA : map_rc(rc);
                snprintf(err, errlen, "upgrading the index: %s; left untouched",
                         sqlite3_errmsg(s->db));
                goto fail;
            }
        } else if (v == 0) {
            char meta[160];
            snprintf(meta, sizeof meta,
                     "INSERT INTO meta VALUES('schema_version', %d), ('shingle', %u), "
                     "('format', '%s');",
                     ND_SCHEMA_VERSION, shingle, ND_FP_FORMAT);
            rc = sqlite3_exec(s->db, schema, NULL, NULL, NULL);
            if (rc == SQLITE_OK)
                rc = sqlite3_exec(s->db, meta, NULL, NULL, NULL);
            if (rc != SQLITE_OK) {
                st = map_rc(rc);
                snprintf(err, errlen, "creating the schema: %s; left untouched",
                         sqlite3_errmsg(s->db));
                goto fail;
            }
        } else if (v < 0 || v > ND_SCHEMA_VERSION) {
            st = NDUPES_ERR_DB_SCHEMA;
            snprintf(err, errlen, "not an ndupes database; left untouched");
            goto fail;
        }
        if ((st = prepare_all(s, err, errlen)) != NDUPES_OK)
            goto fail;
    }
    if (!readonly) {
        s->band_rows = meta_int(s, "band_rows");
        s->recent_rows = meta_int(s, "recent_rows");
        s->slice = meta_int(s, "merge_slice") % MERGE_SLICES;
    }
    *out = s;
    return NDUPES_OK;
fail:
    nd_store_close(s);
    return st;
}

void nd_store_close(nd_store *s)
{
    if (!s)
        return;
    for (int i = 0; i < Q_COUNT; i++)
        sqlite3_finalize(s->q[i]);
    if (s->in_txn)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(s->db);
    nd_free(s);
}

void nd_store_reserve(nd_store *s, size_t articles)
{
    /* Storing an article updates about 20 rows at random places of the para and band
     * tables; a cache of about 1 KB per article keeps those pages from spilling to the
     * WAL and being read back.  Best effort: a smaller cache is only slower. */
    size_t kib = 8192 + (articles < 131072 ? articles : 131072);
    char q[64];
    snprintf(q, sizeof q, "PRAGMA cache_size=-%zu", kib);
    sqlite3_exec(s->db, q, NULL, NULL, NULL);
}

ndupes_status nd_store_commit(nd_store *s)
{
    if (s->rows_dirty) {
        ndupes_status r = meta_set(s, "band_rows", s->band_rows);
        if (r == NDUPES_OK)
            r = meta_set(s, "recent_rows", s->recent_rows);
        if (r == NDUPES_OK)
            r = meta_set(s, "merge_slice", s->slice);
        if (r != NDUPES_OK)
            return r;
        s->rows_dirty = false;
    }
    int rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
    if (rc == SQLITE_OK) {
        s->in_txn = false;
        if (s->want_wal) /* best effort: the next run sets it again if this fails */
            sqlite3_exec(s->db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
        s->want_wal = false;
    }
    return map_rc(rc);
}

static void read_rec(sqlite3_stmt *st, int base, nd_srec *r)
{
    r->size = (uint64_t)sqlite3_column_int64(st, base);
    r->mtime = sqlite3_column_int64(st, base + 1);
    r->chash = i2u(sqlite3_column_int64(st, base + 2));
    r->first_seen = sqlite3_column_int64(st, base + 3);
    r->grp = sqlite3_column_type(st, base + 4) == SQLITE_NULL ? 0
                                                             : sqlite3_column_int64(st, base + 4);
}

int nd_store_by_path(nd_store *s, const char *path, nd_srec *r)
{
    sqlite3_stmt *st = s->q[Q_BY_PATH];
    sqlite3_bind_blob(st, 1, path, (int)strlen(path), SQLITE_STATIC);
    int rc = note(s, sqlite3_step(st)), found = -1;
    if (rc == SQLITE_ROW) {
        r->id = sqlite3_column_int64(st, 0);
        read_rec(st, 1, r);
        found = 1;
    } else if (rc == SQLITE_DONE) {
        found = 0;
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return found;
}

int nd_store_by_hash(nd_store *s, uint64_t chash, nd_srec *r, char **path)
{
    sqlite3_stmt *st = s->q[Q_BY_HASH];
    sqlite3_bind_int64(st, 1, u2i(chash));
    int rc = note(s, sqlite3_step(st)), found = -1;
    *path = NULL;
    if (rc == SQLITE_ROW) {
        r->id = sqlite3_column_int64(st, 0);
        read_rec(st, 1, r);
        int n = sqlite3_column_bytes(st, 6);
        const void *p = sqlite3_column_blob(st, 6);
        *path = nd_malloc((size_t)n + 1);
        if (*path) {
            if (n)
                memcpy(*path, p, (size_t)n);
            (*path)[n] = '\0';
            found = 1;
        }
    } else if (rc == SQLITE_DONE) {
        found = 0;
    }
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
    ndupes_status r = run(st);
    sqlite3_clear_bindings(st);
    return r;
}

/* Removes one band row of article id from whichever table holds it. */
static ndupes_status band_del(nd_store *s, uint32_t key, int64_t id)
{
    static const int q[2] = {Q_BAND_DEL, Q_RBAND_DEL};
    for (int t = 0; t < 2; t++) {
        sqlite3_stmt *st = s->q[q[t]];
        sqlite3_bind_int64(st, 1, key);
        sqlite3_bind_int64(st, 2, id);
        ndupes_status r = run(st);
        if (r != NDUPES_OK)
            return r;
        int64_t gone = sqlite3_changes(s->db);
        int64_t *rows = t ? &s->recent_rows : &s->band_rows;
        *rows = *rows > gone ? *rows - gone : 0;
        s->rows_dirty |= gone > 0;
    }
    return NDUPES_OK;
}

/* Removes the band rows of a stored article. */
static ndupes_status bands_del(nd_store *s, const nd_fp *fp, int64_t id)
{
    for (size_t i = 0; i < fp->nkeys; i++) {
        ndupes_status r = band_del(s, fp->keys[i], id);
        if (r != NDUPES_OK)
            return r;
    }
    for (size_t p = 0; p < fp->npend; p++)
        for (size_t i = 0; i < fp->pend[p].nkeys; i++) {
            ndupes_status r = band_del(s, fp->pend[p].keys[i], id);
            if (r != NDUPES_OK)
                return r;
        }
    return NDUPES_OK;
}

/* Adds delta to a hash's count in a counter table (template or para), removing rows that
 * fall to zero. */
static ndupes_status counter_add(nd_store *s, int add, int clean, uint64_t hash, int delta)
{
    sqlite3_stmt *st = s->q[add];
    sqlite3_bind_int64(st, 1, u2i(hash));
    sqlite3_bind_int(st, 2, delta);
    ndupes_status r = run(st);
    if (r == NDUPES_OK && delta < 0) {
        st = s->q[clean];
        sqlite3_bind_int64(st, 1, u2i(hash));
        r = run(st);
    }
    return r;
}

static uint32_t counter_get(nd_store *s, int get, uint64_t hash)
{
    sqlite3_stmt *st = s->q[get];
    sqlite3_bind_int64(st, 1, u2i(hash));
    int64_t v = step_int(st);
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
    sqlite3_bind_int64(st, 4, u2i(r->chash));
    sqlite3_bind_int64(st, 5, r->first_seen);
    ndupes_status rs = run(st);
    sqlite3_clear_bindings(st);
    if (rs == NDUPES_OK) {
        *id = sqlite3_last_insert_rowid(s->db);
        st = s->q[Q_INSERT_FP];
        sqlite3_bind_int64(st, 1, *id);
        sqlite3_bind_blob(st, 2, blob, (int)len, SQLITE_STATIC);
        rs = run(st);
        sqlite3_clear_bindings(st);
    }
    nd_free(blob);
    if (rs == NDUPES_OK)
        rs = counts(s, fp, 1);
    return rs;
}

static int cmp_band(const void *x, const void *y)
{
    const nd_band *a = x, *b = y;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    return (a->id > b->id) - (a->id < b->id);
}

/* Moves one slice of band_recent into band and of para_recent into para. */
static ndupes_status merge_slice(nd_store *s, int64_t slice)
{
    int64_t lo = slice * ((INT64_C(1) << 32) / MERGE_SLICES);
    int64_t hi = lo + (INT64_C(1) << 32) / MERGE_SLICES;
    ndupes_status r = NDUPES_OK;
    for (int q = Q_MERGE; q <= Q_MERGED && r == NDUPES_OK; q++) {
        sqlite3_stmt *st = s->q[q];
        sqlite3_bind_int64(st, 1, lo);
        sqlite3_bind_int64(st, 2, hi);
        r = run(st);
        int64_t moved = sqlite3_changes(s->db);
        if (q == Q_MERGE)
            s->band_rows += moved;
        else
            s->recent_rows = s->recent_rows > moved ? s->recent_rows - moved : 0;
    }
    /* Paragraph hashes are 64-bit, stored signed: the slice is the values whose top three
     * bits (unsigned) are the slice number, a contiguous range of signed values too. */
    _Static_assert(MERGE_SLICES == 8, "paragraph slices are the top three bits");
    uint64_t ulo = (uint64_t)slice << 61, uhi = ulo + ((UINT64_C(1) << 61) - 1);
    for (int q = Q_PMERGE; q <= Q_PMERGED && r == NDUPES_OK; q++) {
        sqlite3_stmt *st = s->q[q];
        sqlite3_bind_int64(st, 1, u2i(ulo));
        sqlite3_bind_int64(st, 2, u2i(uhi));
        r = run(st);
    }
    return r;
}

ndupes_status nd_store_bands(nd_store *s, nd_band *b, size_t n)
{
    /* In key order, B-tree pages are filled one after another instead of at random. */
    if (n)
        qsort(b, n, sizeof *b, cmp_band);
    bool direct = (int64_t)n > s->band_rows / RECENT_SHARE;
    sqlite3_stmt *st = s->q[direct ? Q_BAND_ADD : Q_RBAND_ADD];
    for (size_t i = 0; i < n; i++) {
        sqlite3_bind_int64(st, 1, b[i].key);
        sqlite3_bind_int64(st, 2, b[i].id);
        ndupes_status r = run(st);
        if (r != NDUPES_OK)
            return r;
        *(direct ? &s->band_rows : &s->recent_rows) += sqlite3_changes(s->db);
    }
    ndupes_status r = NDUPES_OK;
    for (int k = 0; k < (direct ? MERGE_SLICES : 1) && r == NDUPES_OK; k++)
        r = merge_slice(s, (s->slice + k) % MERGE_SLICES);
    s->slice = (s->slice + 1) % MERGE_SLICES;
    s->rows_dirty = true;
    return r;
}

ndupes_status nd_store_load(nd_store *s, int64_t id, nd_fp *fp, char **path, nd_srec *r)
{
    sqlite3_stmt *st = s->q[Q_LOAD];
    sqlite3_bind_int64(st, 1, id);
    int rc = note(s, sqlite3_step(st));
    ndupes_status res = NDUPES_OK;
    if (path)
        *path = NULL;
    if (rc != SQLITE_ROW) {
        if (rc == SQLITE_DONE)
            snprintf(s->last, sizeof s->last,
                     "the index is inconsistent (article %lld is listed but not stored): "
                     "damaged; rebuild it", (long long)id);
        res = rc == SQLITE_DONE ? NDUPES_ERR_DB : map_rc(rc);
        goto out;
    }
    r->id = id;
    read_rec(st, 1, r);
    r->score = sqlite3_column_type(st, 7) == SQLITE_NULL ? 0 : sqlite3_column_double(st, 7);
    if (!nd_fp_decode(sqlite3_column_blob(st, 6), (size_t)sqlite3_column_bytes(st, 6), fp)) {
        res = NDUPES_ERR_DB_SCHEMA; /* a damaged fingerprint */
        goto out;
    }
    if (path) {
        int n = sqlite3_column_bytes(st, 0);
        const void *p = sqlite3_column_blob(st, 0);
        *path = nd_malloc((size_t)n + 1);
        if (!*path) {
            nd_fp_free(fp);
            res = NDUPES_ERR_NOMEM;
            goto out;
        }
        if (n)
            memcpy(*path, p, (size_t)n);
        (*path)[n] = '\0';
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
    bool have = false;
    int64_t grp = 0;
    if (sqlite3_step(st) == SQLITE_ROW)
        have = nd_fp_decode(sqlite3_column_blob(st, 0), (size_t)sqlite3_column_bytes(st, 0), &fp);
    sqlite3_reset(st);
    nd_srec r;
    if (have) {
        sqlite3_stmt *q = s->q[Q_LOAD];
        sqlite3_bind_int64(q, 1, id);
        if (sqlite3_step(q) == SQLITE_ROW) {
            read_rec(q, 1, &r);
            grp = r.grp;
        }
        sqlite3_reset(q);
    }
    ndupes_status res = NDUPES_OK;
    if (have) {
        res = bands_del(s, &fp, id);
        if (res == NDUPES_OK)
            res = counts(s, &fp, -1);
        nd_fp_free(&fp);
    }
    if (res == NDUPES_OK) {
        st = s->q[Q_DELETE];
        sqlite3_bind_int64(st, 1, id);
        res = run(st);
    }
    if (res == NDUPES_OK) {
        st = s->q[Q_DELETE_FP];
        sqlite3_bind_int64(st, 1, id);
        res = run(st);
    }
    if (res == NDUPES_OK && grp) {
        st = s->q[Q_GRP_CLEAN];
        sqlite3_bind_int64(st, 1, grp);
        res = run(st);
    }
    return res;
}

int64_t nd_store_max_id(nd_store *s)
{
    return step_int(s->q[Q_MAX_ID]);
}

ndupes_status nd_store_scan(nd_store *s,
                            bool (*fn)(void *ctx, const void *path, size_t len, uint64_t size,
                                       int64_t mtime),
                            void *ctx)
{
    sqlite3_stmt *st = s->q[Q_SCAN];
    int rc;
    while ((rc = note(s, sqlite3_step(st))) == SQLITE_ROW) {
        const void *p = sqlite3_column_blob(st, 0);
        size_t len = (size_t)sqlite3_column_bytes(st, 0);
        if (p && !fn(ctx, p, len, (uint64_t)sqlite3_column_int64(st, 1),
                     sqlite3_column_int64(st, 2)))
            break;
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? NDUPES_OK : map_rc(rc);
}

long nd_store_band(nd_store *s, uint32_t key, int64_t *ids, size_t max)
{
    sqlite3_stmt *st = s->q[Q_BAND];
    sqlite3_bind_int64(st, 1, key);
    sqlite3_bind_int64(st, 2, (int64_t)max);
    long n = 0;
    int rc;
    while ((rc = note(s, sqlite3_step(st))) == SQLITE_ROW && (size_t)n < max)
        ids[n++] = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? n : -1;
}

/* Collects the first column of every row of st into *ids. */
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
    while ((rc = note(s, sqlite3_step(st))) == SQLITE_ROW) {
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
        (*ids)[(*n)++] = sqlite3_column_int64(st, 0);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        nd_free(*ids);
        *ids = NULL;
        *n = 0;
        return map_rc(rc);
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
    ndupes_status r = run(st);
    sqlite3_clear_bindings(st);
    return r;
}

ndupes_status nd_store_new_group(nd_store *s, int64_t now, int64_t *grp)
{
    sqlite3_stmt *st = s->q[Q_NEW_GROUP];
    sqlite3_bind_int64(st, 1, now);
    ndupes_status r = run(st);
    if (r == NDUPES_OK)
        *grp = sqlite3_last_insert_rowid(s->db);
    return r;
}

ndupes_status nd_store_counts(nd_store *s, int64_t *articles, int64_t *groups, int64_t *grouped,
                              int64_t *oldest, int64_t *newest)
{
    if (s->empty) {
        *articles = *groups = *grouped = *oldest = *newest = 0;
        return NDUPES_OK;
    }
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(
        s->db,
        "SELECT (SELECT count(*) FROM article),"
        " (SELECT count(*) FROM (SELECT grp FROM article WHERE grp IS NOT NULL GROUP BY grp"
        "   HAVING count(*) >= 2)),"
        " (SELECT count(*) FROM article WHERE grp IS NOT NULL),"
        " (SELECT min(first_seen) FROM article), (SELECT max(first_seen) FROM article)",
        -1, &st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        *articles = sqlite3_column_int64(st, 0);
        *groups = sqlite3_column_int64(st, 1);
        *grouped = sqlite3_column_int64(st, 2);
        *oldest = sqlite3_column_int64(st, 3);
        *newest = sqlite3_column_int64(st, 4);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return map_rc(rc);
}
