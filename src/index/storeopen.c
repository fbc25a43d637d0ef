/*
 * storeopen.c - opening the persistent index, trusting nothing in it; the run's
 * transaction; upgrades of older indexes.
 *
 * The index is input like any file: it may be something else given as --db by mistake,
 * a damaged copy, or a file written to attack whoever opens it.  So before SQLite writes
 * a byte, the file is checked:
 *  - by us, before SQLite sees it: a directory, a device, a file of the wrong size or
 *    without SQLite's header is refused (SQLite would take a file of a few bytes as an
 *    empty database and overwrite it);
 *  - by SQLite, in defensive mode (no writes to its own schema), with trusted_schema off
 *    and triggers and views disabled, so nothing stored in the file runs as code; blobs
 *    and rows are limited in size, and cells are checked as they are read;
 *  - against our schema: every object must be one of ours (a trigger, a view or an unknown
 *    table is refused), every statement must prepare, and meta's values must have their
 *    type and range (a schema_version of 4294967298 is not 2);
 *  - by PRAGMA quick_check, whole when the file is small enough for it to be cheap, else on
 *    the small tables (meta, article, grp);
 * and only then may SQLite switch the file to WAL mode or start the run's transaction.
 * A refused file is left untouched, byte for byte.  Values read later are checked by
 * store.c as they are read.
 *
 * One run is one write transaction (BEGIN IMMEDIATE ... COMMIT) in WAL mode: a crash or
 * kill -9 at any point leaves the database as the last good run left it, and a second run
 * waits for the first (the busy handler) up to --wait seconds, then gives up with
 * NDUPES_ERR_DB_BUSY.  An interrupted run stops waiting at once, and a statement running
 * when it is interrupted stops (the progress handler), so the run ends within a moment
 * and is rolled back.
 *
 * Schema versions: 1 had no band_recent, para_recent; 2 stored paths as they were given;
 * 3 stores canonical absolute paths (paths.c).  An older index is upgraded inside the
 * transaction of the next run that writes to it.
 */
#define _GNU_SOURCE
#include "store_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define RECENT_SQL                                                                             \
    "CREATE TABLE IF NOT EXISTS band_recent(key INTEGER NOT NULL, id INTEGER NOT NULL,"        \
    " PRIMARY KEY(key, id)) WITHOUT ROWID;"                                                     \
    "CREATE TABLE IF NOT EXISTS para_recent(hash INTEGER PRIMARY KEY, files INTEGER NOT NULL);"

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

/* ---- helpers shared with store.c ---- */

int nd_store_note(nd_store *s, int rc)
{
    if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE)
        return rc;
    /* An I/O error says which: "disk I/O error (No space left on device)". */
    int e = sqlite3_system_errno(s->db), p = rc & 0xFF;
    if (e && (p == SQLITE_IOERR || p == SQLITE_FULL || p == SQLITE_CANTOPEN))
        snprintf(s->last, sizeof s->last, "%s (%s)", sqlite3_errmsg(s->db), strerror(e));
    else
        snprintf(s->last, sizeof s->last, "%s", sqlite3_errmsg(s->db));
    return rc;
}

ndupes_status nd_store_status(int rc)
{
    switch (rc & 0xFF) {
    case SQLITE_OK: case SQLITE_DONE: case SQLITE_ROW:
        return NDUPES_OK;
    case SQLITE_BUSY: case SQLITE_LOCKED:
        return NDUPES_ERR_DB_BUSY;
    case SQLITE_NOTADB: case SQLITE_CORRUPT: case SQLITE_TOOBIG: case SQLITE_MISMATCH:
        return NDUPES_ERR_DB_SCHEMA;
    case SQLITE_NOMEM:
        return NDUPES_ERR_NOMEM;
    case SQLITE_INTERRUPT:
        return NDUPES_ERR_INTERRUPTED;
    default:
        return NDUPES_ERR_DB;
    }
}

ndupes_status nd_store_run(nd_store *s, sqlite3_stmt *st)
{
    int rc;
    while ((rc = nd_store_note(s, sqlite3_step(st))) == SQLITE_ROW)
        ;
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? NDUPES_OK : nd_store_status(rc);
}

ndupes_status nd_store_damaged(nd_store *s, const char *fmt, ...)
{
    if (!s->damaged) { /* the first fault is the one worth reporting */
        char what[160];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(what, sizeof what, fmt, ap);
        va_end(ap);
        snprintf(s->last, sizeof s->last, "the index is damaged (%s); rebuild it", what);
    }
    s->damaged = true;
    return NDUPES_ERR_DB_SCHEMA;
}

int64_t nd_store_meta_int(nd_store *s, const char *key, int64_t lo, int64_t hi, int64_t def)
{
    sqlite3_stmt *st = s->q[Q_META_GET];
    int64_t v = def;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) == SQLITE_INTEGER) {
        int64_t x = sqlite3_column_int64(st, 0);
        if (x >= lo && x <= hi)
            v = x;
    }
    sqlite3_reset(st);
    return v;
}

static ndupes_status meta_set(nd_store *s, const char *key, int64_t v)
{
    sqlite3_stmt *st = s->q[Q_META_SET];
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, v);
    return nd_store_run(s, st);
}

static ndupes_status prepare_all(nd_store *s, char *err, size_t errlen)
{
    for (int i = 0; i < Q_COUNT; i++) {
        if (s->q[i])
            continue;
        int rc = sqlite3_prepare_v3(s->db, nd_store_sql[i], -1, SQLITE_PREPARE_PERSISTENT,
                                    &s->q[i], NULL);
        if (rc != SQLITE_OK) {
            ndupes_status st = nd_store_status(rc);
            snprintf(err, errlen, "not a usable ndupes index (%s); left untouched",
                     sqlite3_errmsg(s->db));
            return st == NDUPES_ERR_DB ? NDUPES_ERR_DB_SCHEMA : st;
        }
    }
    return NDUPES_OK;
}

/* A message for an SQLite failure while opening, naming the likely cause. */
static ndupes_status open_error(nd_store *s, int rc, const char *doing, char *err, size_t errlen)
{
    ndupes_status st = nd_store_status(rc);
    const char *msg = s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc);
    if (st == NDUPES_ERR_DB_BUSY)
        snprintf(err, errlen, "database is locked by another run");
    else if ((rc & 0xFF) == SQLITE_READONLY)
        snprintf(err, errlen, "%s: the index or its folder is read-only (%s)", doing, msg);
    else if ((rc & 0xFF) == SQLITE_CANTOPEN || (rc & 0xFF) == SQLITE_IOERR)
        snprintf(err, errlen, "%s: %s (can the index's folder be written?)", doing, msg);
    else if (st == NDUPES_ERR_DB_SCHEMA)
        snprintf(err, errlen, "not an ndupes index, or a damaged one (%s); left untouched", msg);
    else
        snprintf(err, errlen, "%s: %s", doing, msg);
    return st;
}

/* ---- upgrades (inside the run's transaction) ---- */

/* Runs one statement with an id and a path bound as ?1 and ?2. */
static ndupes_status run_id_path(nd_store *s, const char *q, int64_t id, const char *path)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, q, -1, &st, NULL);
    ndupes_status r;
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_blob(st, 2, path, (int)strlen(path), SQLITE_STATIC);
        r = nd_store_run(s, st);
    } else {
        r = nd_store_status(nd_store_note(s, rc));
    }
    sqlite3_finalize(st);
    return r;
}

/* Schema 2 -> 3: each stored path becomes the canonical absolute path of its file,
 * resolved against the current directory.  Two rows that turn out to be one file (the
 * bug this schema fixes: "in/a.txt" and "$PWD/in/a.txt") become one: the row already
 * stored under the canonical path stays, the other is dropped. */
static ndupes_status canonical_paths(nd_store *s)
{
    /* The rows are read first, then changed: no update under a running scan. */
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, "SELECT id, path FROM article ORDER BY id", -1, &st, NULL);
    ndupes_status r = nd_store_status(nd_store_note(s, rc));
    int64_t *ids = NULL;
    char **paths = NULL;
    size_t n = 0, cap = 0;
    while (r == NDUPES_OK && (rc = nd_store_note(s, sqlite3_step(st))) == SQLITE_ROW) {
        const char *p = (const char *)sqlite3_column_blob(st, 1);
        int len = sqlite3_column_bytes(st, 1);
        if (!p || len <= 0 || len > 4096 || memchr(p, '\0', (size_t)len))
            continue; /* store.c refuses it when it is read */
        if (n == cap) {
            cap = cap ? cap * 2 : 1024;
            int64_t *ti = nd_reallocarray(ids, cap, sizeof *ti);
            ids = ti ? ti : ids;
            char **tp = nd_reallocarray(paths, cap, sizeof *tp);
            paths = tp ? tp : paths;
            if (!ti || !tp) {
                r = NDUPES_ERR_NOMEM;
                break;
            }
        }
        if (!(paths[n] = nd_malloc((size_t)len + 1))) {
            r = NDUPES_ERR_NOMEM;
            break;
        }
        memcpy(paths[n], p, (size_t)len);
        paths[n][len] = '\0';
        ids[n++] = sqlite3_column_int64(st, 0);
    }
    if (r == NDUPES_OK && rc != SQLITE_DONE)
        r = nd_store_status(rc);
    sqlite3_finalize(st);
    for (size_t i = 0; i < n && r == NDUPES_OK; i++) {
        char *c = nd_canon_path(paths[i]);
        if (!c) {
            r = NDUPES_ERR_NOMEM;
            break;
        }
        if (strcmp(c, paths[i]) != 0) {
            r = run_id_path(s, "UPDATE OR IGNORE article SET path = ?2 WHERE id = ?1", ids[i], c);
            if (r == NDUPES_OK && sqlite3_changes(s->db) == 0) {
                /* Taken by another row, the same file: that row stays, with a group (its
                 * own, else this one's), and this one goes. */
                r = run_id_path(s, "UPDATE article SET grp = (SELECT grp FROM article WHERE "
                                "id = ?1), score = (SELECT score FROM article WHERE id = ?1) "
                                "WHERE path = ?2 AND grp IS NULL", ids[i], c);
                if (r == NDUPES_OK)
                    r = nd_store_delete(s, ids[i]);
            }
        }
        nd_free(c);
    }
    for (size_t i = 0; i < n; i++)
        nd_free(paths[i]);
    nd_free(paths);
    nd_free(ids);
    return r;
}

/* Brings an index of schema version v up to ND_SCHEMA_VERSION. */
static ndupes_status upgrade(nd_store *s, int v, char *err, size_t errlen)
{
    int rc = SQLITE_OK;
    if (v < 2) /* band_recent, para_recent */
        rc = sqlite3_exec(s->db, RECENT_SQL "INSERT OR REPLACE INTO meta VALUES('band_rows',"
                          " (SELECT count(*) FROM band));", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        ndupes_status st = nd_store_status(rc);
        snprintf(err, errlen, "upgrading the index: %s; left untouched", sqlite3_errmsg(s->db));
        return st == NDUPES_ERR_DB ? NDUPES_ERR_DB_SCHEMA : st;
    }
    ndupes_status st = prepare_all(s, err, errlen);
    if (st == NDUPES_OK && v < 3)
        st = canonical_paths(s);
    if (st == NDUPES_OK)
        st = meta_set(s, "schema_version", ND_SCHEMA_VERSION);
    if (st != NDUPES_OK && !err[0])
        snprintf(err, errlen, "upgrading the index: %s; left untouched", nd_store_errmsg(s));
    return st;
}

/* A read-only open of a file that holds no index yet: the statements are prepared on
 * empty temporary tables of the same schema, so every read finds nothing. */
static ndupes_status empty_tables(nd_store *s, char *err, size_t errlen)
{
    size_t n = strlen(schema);
    char *temp = nd_malloc(2 * n + 1), *o = temp;
    if (!temp)
        return NDUPES_ERR_NOMEM;
    for (const char *p = schema; *p;) {
        if (strncmp(p, "CREATE TABLE ", 13) == 0) {
            memcpy(o, "CREATE TEMP TABLE ", 18);
            o += 18;
            p += 13;
        } else {
            *o++ = *p++;
        }
    }
    *o = '\0';
    int rc = sqlite3_exec(s->db, temp, NULL, NULL, NULL);
    nd_free(temp);
    if (rc != SQLITE_OK)
        return open_error(s, rc, "reading the index", err, errlen);
    return prepare_all(s, err, errlen);
}

/* An index of other fingerprints (an earlier reader or fingerprinter): its articles are
 * forgotten inside the run's transaction, and the run reads its files anew.  Group ids go
 * on from where they were (grp keeps its AUTOINCREMENT), so an old id never names a new
 * group. */
static ndupes_status rebuild_all(nd_store *s, const char *old, char *err, size_t errlen)
{
    char sql[512];
    snprintf(sql, sizeof sql,
             "DELETE FROM article; DELETE FROM fingerprint; DELETE FROM band;"
             "DELETE FROM band_recent; DELETE FROM template; DELETE FROM para;"
             "DELETE FROM para_recent; DELETE FROM grp;"
             "INSERT OR REPLACE INTO meta VALUES('format', '%s');"
             "INSERT OR REPLACE INTO meta VALUES('band_rows', 0);"
             "INSERT OR REPLACE INTO meta VALUES('recent_rows', 0);",
             ND_FP_FORMAT);
    int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return open_error(s, rc, "rebuilding the index", err, errlen);
    snprintf(s->rebuilt, sizeof s->rebuilt, "%s", old[0] ? old : "unknown");
    return NDUPES_OK;
}

const char *nd_store_rebuilt(const nd_store *s)
{
    return s && s->rebuilt[0] ? s->rebuilt : NULL;
}

/* ---- open, commit, close ---- */

/* Starts the run's write transaction on a checked file: an existing index of this version
 * is switched to WAL first (that needs no transaction); a new one is created, and an older
 * one upgraded, inside the transaction, and switched to WAL after the commit. */
static ndupes_status begin(nd_store *s, const nd_meta_info *m, unsigned shingle, char *err,
                           size_t errlen)
{
    bool current = m->version == ND_SCHEMA_VERSION;
    int rc = current ? sqlite3_exec(s->db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL)
                     : SQLITE_OK;
    s->want_wal = !current;
    /* A small cache while reading: lookups visit each page once, and a large cache only
     * costs allocations (nd_store_reserve grows it before many writes). */
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(s->db, "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-8192", NULL,
                          NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return open_error(s, rc, "starting the run", err, errlen);
    s->in_txn = true;
    if (current)
        return NDUPES_OK;
    /* Another run may have created or upgraded the file since it was read. */
    nd_meta_info again;
    char why[256] = "";
    rc = nd_store_read_schema(s->db, &again, why, sizeof why);
    if (rc != SQLITE_OK)
        return open_error(s, rc, "reading the index", err, errlen);
    if (again.version < 0) {
        snprintf(err, errlen, "%s", why);
        return NDUPES_ERR_DB_SCHEMA;
    }
    if (again.version == 0) {
        char meta[200];
        snprintf(meta, sizeof meta,
                 "INSERT INTO meta VALUES('schema_version', %d), ('shingle', %u), "
                 "('format', '%s');",
                 ND_SCHEMA_VERSION, shingle, ND_FP_FORMAT);
        rc = sqlite3_exec(s->db, schema, NULL, NULL, NULL);
        if (rc == SQLITE_OK)
            rc = sqlite3_exec(s->db, meta, NULL, NULL, NULL);
        if (rc != SQLITE_OK)
            return open_error(s, rc, "creating the index", err, errlen);
        s->shingle = shingle;
        return prepare_all(s, err, errlen);
    }
    if (again.version < ND_SCHEMA_VERSION)
        return upgrade(s, again.version, err, errlen);
    return prepare_all(s, err, errlen);
}

/* Opens the SQLite connection on a checked file, with its defences and handlers, and
 * reads what the file holds into *m. */
static ndupes_status connect(nd_store *s, const char *path, nd_open_mode mode, nd_meta_info *m,
                             char *err, size_t errlen)
{
    int flags = mode == ND_OPEN_READONLY
                    ? SQLITE_OPEN_READONLY
                    : SQLITE_OPEN_READWRITE | (mode == ND_OPEN_RUN ? SQLITE_OPEN_CREATE : 0);
    int rc = sqlite3_open_v2(path, &s->db, flags | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc == SQLITE_OK)
        rc = nd_store_defences(s->db);
    if (rc != SQLITE_OK)
        return open_error(s, rc, "cannot open the index", err, errlen);
    sqlite3_extended_result_codes(s->db, 0);
    sqlite3_busy_handler(s->db, nd_store_busy_wait, s);
    sqlite3_progress_handler(s->db, 1000, nd_store_on_progress, s);
    rc = nd_store_read_schema(s->db, m, err, errlen);
    return rc == SQLITE_OK ? NDUPES_OK : open_error(s, rc, "reading the index", err, errlen);
}

/* Refuses an index this open may not use (err says why): not ours, another shingle size,
 * other fingerprints (only a run rebuilds them), none yet for db prune/forget. */
static ndupes_status refuse(const nd_meta_info *m, const nd_store_opts *o, char *err,
                           size_t errlen)
{
    if (m->version < 0)
        return NDUPES_ERR_DB_SCHEMA;
    if (m->version > 0 && o->shingle && m->shingle != o->shingle) {
        snprintf(err, errlen, "the index was built with --shingle %u, not %u; left untouched",
                 m->shingle, o->shingle);
        return NDUPES_ERR_DB_SCHEMA;
    }
    if (m->version > 0 && strcmp(m->format, ND_FP_FORMAT) != 0 && o->mode != ND_OPEN_RUN) {
        snprintf(err, errlen, "index built with other fingerprint settings (%s, this ndupes "
                 "uses %s); the next run with --db rebuilds it; left untouched",
                 m->format[0] ? m->format : "unknown", ND_FP_FORMAT);
        return NDUPES_ERR_DB_SCHEMA;
    }
    if (m->version == 0 && o->mode == ND_OPEN_EXISTING) {
        snprintf(err, errlen, "no index yet (no run has stored anything in this file)");
        return NDUPES_ERR_DB;
    }
    return NDUPES_OK;
}

/* A read-only open's transaction (none on a file without an index yet: empty tables). */
static ndupes_status start_reading(nd_store *s, const nd_meta_info *m, char *err, size_t errlen)
{
    s->empty = m->version == 0; /* no run has committed to it yet: all counts are 0 */
    ndupes_status st;
    if (s->empty && (st = empty_tables(s, err, errlen)) != NDUPES_OK)
        return st;
    int rc = s->empty ? SQLITE_OK : sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return open_error(s, rc, "reading the index", err, errlen);
    s->in_txn = !s->empty;
    return NDUPES_OK;
}

/* A write open's transaction: begun, the index created, upgraded or rebuilt inside it. */
static ndupes_status start_writing(nd_store *s, const nd_meta_info *m, char *err, size_t errlen)
{
    ndupes_status st = begin(s, m, s->shingle, err, errlen);
    if (st == NDUPES_OK && m->version > 0 && strcmp(m->format, ND_FP_FORMAT) != 0)
        st = rebuild_all(s, m->format, err, errlen);
    if (st != NDUPES_OK)
        return st;
    s->band_rows = nd_store_meta_int(s, "band_rows", 0, ROWS_MAX, 0);
    s->recent_rows = nd_store_meta_int(s, "recent_rows", 0, ROWS_MAX, 0);
    s->slice = nd_store_meta_int(s, "merge_slice", 0, MERGE_SLICES - 1, 0);
    return NDUPES_OK;
}

ndupes_status nd_store_open(const char *path, const nd_store_opts *o, nd_store **out, char *err,
                            size_t errlen)
{
    *out = NULL;
    err[0] = '\0';
    nd_store *s = nd_calloc(1, sizeof *s);
    if (!s)
        return NDUPES_ERR_NOMEM;
    bool ro = o->mode == ND_OPEN_READONLY, fresh;
    off_t size;
    nd_meta_info m;
    s->run = o->run;
    s->wait_ms = o->wait > 0 ? (int)(o->wait * 1000 > 2e9 ? 2e9 : o->wait * 1000) : 0;
    ndupes_status st = nd_store_check_file(path, o->mode, &fresh, &size, err, errlen);
    (void)fresh;
    if (st == NDUPES_OK && !(s->path = nd_canon_path(path)))
        st = NDUPES_ERR_NOMEM;
    if (st == NDUPES_OK)
        st = connect(s, path, o->mode, &m, err, errlen);
    if (st == NDUPES_OK)
        st = refuse(&m, o, err, errlen);
    if (st != NDUPES_OK)
        goto fail;
    s->shingle = m.version > 0 ? m.shingle : o->shingle ? o->shingle : NDUPES_DEFAULT_SHINGLE;
    if (m.version > 0 && (st = nd_store_quick_check(s, size, err, errlen)) != NDUPES_OK)
        goto fail;
    if (m.version == ND_SCHEMA_VERSION || (ro && m.version > 0)) {
        if ((st = prepare_all(s, err, errlen)) != NDUPES_OK) {
            if (ro && m.version < ND_SCHEMA_VERSION)
                snprintf(err, errlen, "index made by an older ndupes (schema version %d); "
                         "the next run with --db upgrades it", m.version);
            goto fail;
        }
    }
    st = ro ? start_reading(s, &m, err, errlen) : start_writing(s, &m, err, errlen);
    if (st != NDUPES_OK)
        goto fail;
    *out = s;
    return NDUPES_OK;
fail:
    if (!err[0])
        snprintf(err, errlen, "%s", ndupes_strerror(st));
    nd_store_close(s);
    return st;
}

void nd_store_close(nd_store *s)
{
    if (!s)
        return;
    for (int i = 0; i < Q_COUNT; i++)
        sqlite3_finalize(s->q[i]);
    if (s->db) {
        sqlite3_progress_handler(s->db, 0, NULL, NULL); /* a rollback must not be stopped */
        if (s->in_txn)
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        sqlite3_close(s->db);
    }
    nd_free(s->path);
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
    if (s->damaged)
        return NDUPES_ERR_DB_SCHEMA;
    if (nd_run_stopped(s->run)) {
        snprintf(s->last, sizeof s->last, "interrupted");
        return NDUPES_ERR_INTERRUPTED;
    }
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
    /* Once it is decided to commit, the commit is not cut short. */
    sqlite3_progress_handler(s->db, 0, NULL, NULL);
    int rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
    sqlite3_progress_handler(s->db, 1000, nd_store_on_progress, s);
    if (rc == SQLITE_OK) {
        s->in_txn = false;
        if (s->want_wal) /* best effort: the next run sets it again if this fails */
            sqlite3_exec(s->db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
        s->want_wal = false;
    } else {
        nd_store_note(s, rc);
    }
    return nd_store_status(rc);
}

const char *nd_store_errmsg(nd_store *s)
{
    if (!s || !s->db)
        return "no database";
    return s->last[0] ? s->last : sqlite3_errmsg(s->db);
}

unsigned nd_store_shingle(const nd_store *s)
{
    return s->shingle;
}

const char *nd_store_path(const nd_store *s)
{
    return s->path;
}
