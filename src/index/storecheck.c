/*
 * storecheck.c - the checks an index passes before anything is written to it: the file
 * itself before SQLite sees it, SQLite's defences, every object of its schema and the
 * values of meta, and quick_check (storeopen.c says why, and opens it).
 */
#define _GNU_SOURCE
#include "store_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#define QUICK_CHECK_ALL (64u << 20) /* files up to this size get a whole quick_check */
#define VALUE_MAX (4 << 20)         /* SQLite's limit on a value or row read (bytes) */

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
ndupes_status nd_store_check_file(const char *path, nd_open_mode mode, bool *fresh, off_t *size,
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
int nd_store_busy_wait(void *arg, int count)
{
    const nd_store *s = arg;
    if (nd_run_stopped(s->run) || (long)count * 10 >= s->wait_ms)
        return 0;
    sqlite3_sleep(10);
    return 1;
}

/* SQLite's progress handler: a nonzero return stops the running statement. */
int nd_store_on_progress(void *arg)
{
    const nd_store *s = arg;
    return nd_run_stopped(s->run);
}

/* Nothing stored in the file may run as code, and nothing read may be huge. */
int nd_store_defences(sqlite3 *db)
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


/* Reads sqlite_schema and meta.  Returns an SQLite result code (SQLITE_OK when the file
 * could be read; then m->version says what it is). */
int nd_store_read_schema(sqlite3 *db, nd_meta_info *m, char *err, size_t errlen)
{
    sqlite3_stmt *st = NULL;
    int rc, objects = 0;
    bool have[NKNOWN] = {false};
    *m = (nd_meta_info){.version = -1};
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
ndupes_status nd_store_quick_check(nd_store *s, off_t size, char *err, size_t errlen)
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
