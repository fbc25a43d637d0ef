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
#include <sys/stat.h>
#include <unistd.h>

#define QUICK_CHECK_ALL (64u << 20) /* files up to this size get a whole quick_check */
#define VALUE_MAX (4 << 20)         /* SQLite's limit on a value or row read (bytes) */

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

/* The objects an index may hold: ours, and SQLite's own (AUTOINCREMENT's sequence, the
 * UNIQUE constraint's index, ANALYZE's statistics).  since: the schema version that
 * brought it; required: an index of that version without it is not ours. */
static const struct known {
    const char *type, *name;
    int since;
    bool required;
} known[] = {
    {"table", "meta", 1, true},
    {"table", "article", 1, true},
    {"index", "sqlite_autoindex_article_1", 1, true},
    {"table", "fingerprint", 1, true},
    {"index", "article_chash", 1, true},
    {"index", "article_grp", 1, true},
    {"index", "article_seen", 1, true},
    {"table", "band", 1, true},
    {"table", "band_recent", 2, true},
    {"table", "para_recent", 2, true},
    {"table", "grp", 1, true},
    {"table", "sqlite_sequence", 1, true},
    {"table", "template", 1, true},
    {"table", "para", 1, true},
    {"table", "sqlite_stat1", 1, false},
    {"table", "sqlite_stat4", 1, false},
};
#define NKNOWN (sizeof known / sizeof known[0])

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

/* ---- the file, before SQLite sees it ---- */

/* The folder of path ("." for a bare name), into buf. */
static void folder_of(const char *path, char *buf, size_t n)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(buf, n, ".");
    else if (slash == path)
        snprintf(buf, n, "/");
    else
        snprintf(buf, n, "%.*s", (int)(slash - path), path);
}

/* Checks what is at path: *fresh is set when there is no file or an empty one (a new
 * index).  Refuses what SQLite would mistake for an empty database, or fail on with an
 * unhelpful message. */
static ndupes_status check_file(const char *path, nd_open_mode mode, bool *fresh, off_t *size,
                                char *err, size_t errlen)
{
    char dir[4096];
    folder_of(path, dir, sizeof dir);
    struct stat sb;
    *fresh = false;
    *size = 0;
    if (stat(path, &sb) != 0) {
        if (errno != ENOENT || mode != ND_OPEN_RUN) {
            snprintf(err, errlen, "%s", errno == ENOENT ? "no index here (no such file)"
                                                        : strerror(errno));
            return NDUPES_ERR_DB;
        }
        if (access(dir, W_OK | X_OK) != 0) {
            snprintf(err, errlen, "cannot create the index in %s: %s", dir, strerror(errno));
            return NDUPES_ERR_DB;
        }
        *fresh = true;
        return NDUPES_OK;
    }
    if (S_ISDIR(sb.st_mode)) {
        snprintf(err, errlen, "is a directory; --db names the index file (e.g. %s/index.db)",
                 path);
        return NDUPES_ERR_DB;
    }
    if (!S_ISREG(sb.st_mode)) {
        snprintf(err, errlen, "not a regular file; left untouched");
        return NDUPES_ERR_DB_SCHEMA;
    }
    *size = sb.st_size;
    if (sb.st_size == 0) {
        *fresh = true;
    } else {
        /* SQLite's header: the magic string, a page size that is a power of two from 512
         * to 65536 (1 means 65536), the fixed payload fractions 64/32/32, and a file of
         * whole pages. */
        unsigned char h[100];
        int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
        ssize_t got = fd >= 0 ? read(fd, h, sizeof h) : -1;
        int e = errno;
        if (fd >= 0)
            close(fd);
        if (got < 0) {
            snprintf(err, errlen, "%s", strerror(e));
            return NDUPES_ERR_DB;
        }
        unsigned page = got == (ssize_t)sizeof h ? (unsigned)h[16] << 8 | h[17] : 0;
        if (page == 1)
            page = 65536;
        if (got < (ssize_t)sizeof h || memcmp(h, "SQLite format 3", 16) != 0) {
            snprintf(err, errlen, "not an SQLite database; left untouched");
            return NDUPES_ERR_DB_SCHEMA;
        }
        if (page < 512 || (page & (page - 1)) || h[21] != 64 || h[22] != 32 || h[23] != 32 ||
            sb.st_size % page != 0) {
            snprintf(err, errlen, "damaged SQLite header (page size %u, file of %lld bytes); "
                     "left untouched", page, (long long)sb.st_size);
            return NDUPES_ERR_DB_SCHEMA;
        }
    }
    if (mode == ND_OPEN_READONLY)
        return NDUPES_OK;
    if (access(path, R_OK | W_OK) != 0) {
        snprintf(err, errlen, "the index is read-only (%s); a run must write to it",
                 strerror(errno));
        return NDUPES_ERR_DB;
    }
    if (access(dir, W_OK | X_OK) != 0) {
        snprintf(err, errlen, "the folder %s is read-only (%s); a run writes the index's "
                 "-wal and -shm files beside it", dir, strerror(errno));
        return NDUPES_ERR_DB;
    }
    return NDUPES_OK;
}

/* ---- SQLite, and what the file holds ---- */

/* SQLite's busy handler: wait in 10 ms steps up to wait_ms, but give up at once when the
 * run is interrupted (SIGINT, SIGTERM), so a run waiting for the lock stops promptly. */
static int busy_wait(void *arg, int count)
{
    const nd_store *s = arg;
    if (nd_run_stopped(s->run) || (long)count * 10 >= s->wait_ms)
        return 0;
    sqlite3_sleep(10);
    return 1;
}

/* SQLite's progress handler: a nonzero return stops the running statement. */
static int on_progress(void *arg)
{
    const nd_store *s = arg;
    return nd_run_stopped(s->run);
}

/* Nothing stored in the file may run as code, and nothing read may be huge. */
static int defences(sqlite3 *db)
{
    int rc = sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, (int *)NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, (int *)NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, (int *)NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, "PRAGMA trusted_schema=OFF; PRAGMA cell_size_check=ON", NULL,
                          NULL, NULL);
    sqlite3_limit(db, SQLITE_LIMIT_LENGTH, VALUE_MAX);
    sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
    return rc;
}

/* What meta says, with types and ranges checked. */
typedef struct meta_info {
    int version; /* 0: no objects at all (a new index); -1: not ours (err says why) */
    unsigned shingle;
    char format[64];
} meta_info;

/* Reads sqlite_schema and meta.  Returns an SQLite result code (SQLITE_OK when the file
 * could be read; then m->version says what it is). */
static int read_schema(sqlite3 *db, meta_info *m, char *err, size_t errlen)
{
    sqlite3_stmt *st = NULL;
    int rc, objects = 0;
    bool have[NKNOWN] = {false};
    *m = (meta_info){.version = -1};
    rc = sqlite3_prepare_v2(db, "SELECT type, name FROM sqlite_schema", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *type = (const char *)sqlite3_column_text(st, 0);
        const char *name = (const char *)sqlite3_column_text(st, 1);
        size_t k = 0;
        while (k < NKNOWN && !(type && name && strcmp(type, known[k].type) == 0 &&
                               strcmp(name, known[k].name) == 0))
            k++;
        if (k == NKNOWN && !err[0])
            snprintf(err, errlen, "not an ndupes index (it holds the %s '%.60s'); left "
                     "untouched", type ? type : "object", name ? name : "?");
        else if (k < NKNOWN)
            have[k] = true;
        objects++;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return rc;
    if (objects == 0) {
        m->version = 0;
        return SQLITE_OK;
    }
    if (err[0])
        return SQLITE_OK;
    if (!have[0]) {
        snprintf(err, errlen, "not an ndupes index (no meta table); left untouched");
        return SQLITE_OK;
    }
    rc = sqlite3_prepare_v2(db, "SELECT key, value FROM meta", -1, &st, NULL);
    if (rc != SQLITE_OK) {
        snprintf(err, errlen, "not an ndupes index (%s); left untouched", sqlite3_errmsg(db));
        return SQLITE_OK;
    }
    int64_t version = -1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *k = (const char *)sqlite3_column_text(st, 0);
        int type = sqlite3_column_type(st, 1);
        int64_t v = sqlite3_column_int64(st, 1);
        if (!k)
            continue;
        if (strcmp(k, "schema_version") == 0)
            version = type == SQLITE_INTEGER ? (v >= 1 ? v : 0) : 0;
        else if (strcmp(k, "shingle") == 0)
            m->shingle = type == SQLITE_INTEGER && v >= 2 && v <= 8 ? (unsigned)v : 0;
        else if (strcmp(k, "format") == 0 && type == SQLITE_TEXT)
            snprintf(m->format, sizeof m->format, "%s", (const char *)sqlite3_column_text(st, 1));
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return rc;
    if (version < 0) {
        snprintf(err, errlen, "not an ndupes index (no schema_version); left untouched");
    } else if (version == 0) {
        snprintf(err, errlen, "the index is damaged (schema_version is not a version "
                 "number); left untouched");
    } else if (version > ND_SCHEMA_VERSION) {
        snprintf(err, errlen, "index schema version %lld is newer than this ndupes (%d); "
                 "left untouched", (long long)version, ND_SCHEMA_VERSION);
    } else if (m->shingle == 0) {
        snprintf(err, errlen, "the index is damaged (its shingle size is not 2..8); left "
                 "untouched");
    } else {
        for (size_t k = 0; k < NKNOWN; k++)
            if (known[k].required && known[k].since <= version && !have[k] && !err[0])
                snprintf(err, errlen, "the index is damaged (no %s %s); left untouched",
                         known[k].type, known[k].name);
        if (!err[0])
            m->version = (int)version;
    }
    return SQLITE_OK;
}

/* PRAGMA quick_check on the whole file, or on the small tables of a large one. */
static ndupes_status quick_check(nd_store *s, off_t size, char *err, size_t errlen)
{
    static const char *const small[] = {"meta", "article", "grp"};
    const bool all = size <= (off_t)QUICK_CHECK_ALL;
    for (size_t t = 0; t < (all ? 1 : sizeof small / sizeof small[0]); t++) {
        char q[64];
        snprintf(q, sizeof q, all ? "PRAGMA quick_check(1)" : "PRAGMA quick_check(%s)", small[t]);
        sqlite3_stmt *st = NULL;
        int rc = sqlite3_prepare_v2(s->db, q, -1, &st, NULL);
        if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
            const char *r = (const char *)sqlite3_column_text(st, 0);
            if (!r || strcmp(r, "ok") != 0) {
                /* "*** in database main ***\nOn tree page 3 cell 0: ...": the second line. */
                const char *nl = r ? strchr(r, '\n') : NULL;
                snprintf(err, errlen, "the index is damaged (SQLite's check: %.120s); left "
                         "untouched", nl ? nl + 1 : r ? r : "?");
                sqlite3_finalize(st);
                return NDUPES_ERR_DB_SCHEMA;
            }
            rc = SQLITE_OK;
        }
        sqlite3_finalize(st);
        if (rc != SQLITE_OK) {
            ndupes_status r = nd_store_status(rc);
            snprintf(err, errlen, "%s%s; left untouched",
                     r == NDUPES_ERR_DB_SCHEMA ? "the index is damaged: " : "",
                     sqlite3_errmsg(s->db));
            return r == NDUPES_ERR_DB ? NDUPES_ERR_DB_SCHEMA : r;
        }
    }
    return NDUPES_OK;
}

/* Prepares every statement; a missing table or column means the file is not a usable
 * index. */
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
static ndupes_status begin(nd_store *s, const meta_info *m, unsigned shingle, char *err,
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
    meta_info again;
    char why[256] = "";
    rc = read_schema(s->db, &again, why, sizeof why);
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
    s->run = o->run;
    s->wait_ms = o->wait > 0 ? (int)(o->wait * 1000 > 2e9 ? 2e9 : o->wait * 1000) : 0;
    ndupes_status st = check_file(path, o->mode, &fresh, &size, err, errlen);
    if (st != NDUPES_OK)
        goto fail;
    st = NDUPES_ERR_NOMEM;
    if (!(s->path = nd_canon_path(path)))
        goto fail;
    int flags = ro ? SQLITE_OPEN_READONLY
                   : SQLITE_OPEN_READWRITE | (o->mode == ND_OPEN_RUN ? SQLITE_OPEN_CREATE : 0);
    int rc = sqlite3_open_v2(path, &s->db, flags | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc == SQLITE_OK)
        rc = defences(s->db);
    if (rc != SQLITE_OK) {
        st = open_error(s, rc, "cannot open the index", err, errlen);
        goto fail;
    }
    sqlite3_extended_result_codes(s->db, 0);
    sqlite3_busy_handler(s->db, busy_wait, s);
    sqlite3_progress_handler(s->db, 1000, on_progress, s);
    /* What the file holds, before anything is written to it. */
    meta_info m;
    rc = read_schema(s->db, &m, err, errlen);
    if (rc != SQLITE_OK) {
        st = open_error(s, rc, "reading the index", err, errlen);
        goto fail;
    }
    st = NDUPES_ERR_DB_SCHEMA;
    if (m.version < 0)
        goto fail;
    if (m.version > 0 && o->shingle && m.shingle != o->shingle) {
        snprintf(err, errlen, "the index was built with --shingle %u, not %u; left untouched",
                 m.shingle, o->shingle);
        goto fail;
    }
    bool rebuild = m.version > 0 && strcmp(m.format, ND_FP_FORMAT) != 0;
    if (rebuild && o->mode != ND_OPEN_RUN) {
        snprintf(err, errlen, "index built with other fingerprint settings (%s, this ndupes "
                 "uses %s); the next run with --db rebuilds it; left untouched",
                 m.format[0] ? m.format : "unknown", ND_FP_FORMAT);
        goto fail;
    }
    if (m.version == 0 && o->mode == ND_OPEN_EXISTING) {
        snprintf(err, errlen, "no index yet (no run has stored anything in this file)");
        st = NDUPES_ERR_DB;
        goto fail;
    }
    s->shingle = m.version > 0 ? m.shingle : o->shingle ? o->shingle : NDUPES_DEFAULT_SHINGLE;
    if (m.version > 0 && (st = quick_check(s, size, err, errlen)) != NDUPES_OK)
        goto fail;
    if (m.version == ND_SCHEMA_VERSION || (ro && m.version > 0)) {
        if ((st = prepare_all(s, err, errlen)) != NDUPES_OK) {
            if (ro && m.version < ND_SCHEMA_VERSION)
                snprintf(err, errlen, "index made by an older ndupes (schema version %d); "
                         "the next run with --db upgrades it", m.version);
            goto fail;
        }
    }
    if (ro) {
        s->empty = m.version == 0; /* no run has committed to it yet: all counts are 0 */
        if (s->empty && (st = empty_tables(s, err, errlen)) != NDUPES_OK)
            goto fail;
        rc = s->empty ? SQLITE_OK : sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL);
        if (rc != SQLITE_OK) {
            st = open_error(s, rc, "reading the index", err, errlen);
            goto fail;
        }
        s->in_txn = !s->empty;
    } else {
        (void)fresh;
        if ((st = begin(s, &m, s->shingle, err, errlen)) != NDUPES_OK)
            goto fail;
        if (rebuild && (st = rebuild_all(s, m.format, err, errlen)) != NDUPES_OK)
            goto fail;
        s->band_rows = nd_store_meta_int(s, "band_rows", 0, ROWS_MAX, 0);
        s->recent_rows = nd_store_meta_int(s, "recent_rows", 0, ROWS_MAX, 0);
        s->slice = nd_store_meta_int(s, "merge_slice", 0, MERGE_SLICES - 1, 0);
    }
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
    sqlite3_progress_handler(s->db, 1000, on_progress, s);
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
