/*
 * store_int.h - what store.c (the statements) and storeopen.c (opening and checking the
 * file) share about the SQLite index.  Nothing here leaves the two files.
 */
#ifndef ND_STORE_INT_H
#define ND_STORE_INT_H
#include "store.h"

#include <sqlite3.h>
#include <sys/types.h>
#include <string.h>

/* clang-format off */
enum {
    Q_BY_PATH, Q_BY_HASH, Q_TOUCH, Q_INSERT, Q_BAND_ADD, Q_LOAD, Q_DELETE, Q_BAND_DEL,
    Q_BAND, Q_MEMBERS, Q_SET_GROUP, Q_NEW_GROUP, Q_TPL_GET, Q_TPL_ADD, Q_TPL_CLEAN, Q_GROUPS,
    Q_OLDER, Q_FP, Q_GRP_CLEAN, Q_PARA_GET, Q_PARA_ADD, Q_PARA_CLEAN, Q_INSERT_FP, Q_DELETE_FP,
    Q_RBAND_ADD, Q_RBAND_DEL, Q_META_GET, Q_META_SET, Q_MAX_ID, Q_SCAN, Q_MERGE, Q_MERGED,
    Q_PMERGE, Q_PCLEAN, Q_PMERGED, Q_UNDER, Q_COUNT
};
/* clang-format on */
extern const char *const nd_store_sql[Q_COUNT];

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
#define ROWS_MAX (INT64_C(1) << 40) /* row counts read from meta are clamped to this */

struct nd_store {
    sqlite3 *db;
    sqlite3_stmt *q[Q_COUNT];
    bool in_txn;
    int wait_ms;       /* how long to wait for another run's lock */
    const nd_run *run; /* stops waiting and statements (may be NULL) */
    char last[256];    /* why the last operation failed (reset clears SQLite's message) */
    bool damaged;      /* a value read was out of its type or range: no commit */
    bool want_wal;     /* a new index: switch to WAL after the first commit */
    int64_t band_rows, recent_rows; /* rows in band and band_recent (see MERGE_SLICES) */
    int64_t slice;                  /* the range of band_recent the next run merges */
    bool rows_dirty;                /* the counts changed: write them back at commit */
    bool empty;        /* read-only on a file with no schema yet */
    char rebuilt[64];  /* the other fingerprint format a run found and rebuilt, or "" */
    unsigned shingle;  /* the index's shingle size */
    char *path;        /* the canonical path of the index file (nd_malloc'd) */
};

/* What meta says, with types and ranges checked. */
typedef struct nd_meta_info {
    int version; /* 0: no objects at all (a new index); -1: not ours (err says why) */
    unsigned shingle;
    char format[64];
} nd_meta_info;
/* storecheck.c: the checks of a file before it is opened as an index (see storeopen.c). */
ndupes_status nd_store_check_file(const char *path, nd_open_mode mode, bool *fresh, off_t *size,
                                  char *err, size_t errlen);
int nd_store_busy_wait(void *arg, int count);
int nd_store_on_progress(void *arg);
int nd_store_defences(sqlite3 *db);
int nd_store_read_schema(sqlite3 *db, nd_meta_info *m, char *err, size_t errlen);
ndupes_status nd_store_quick_check(nd_store *s, off_t size, char *err, size_t errlen);

/* Column i as an id (an INTEGER above 0), else 0. */
static inline int64_t nd_store_col_id(sqlite3_stmt *st, int i)
{
    if (sqlite3_column_type(st, i) != SQLITE_INTEGER)
        return 0;
    int64_t v = sqlite3_column_int64(st, i);
    return v > 0 ? v : 0;
}

/* storebands.c: removes the stored keys of an article (those its fingerprint names, or
 * all of its rows when its fingerprint cannot be read). */
ndupes_status nd_store_bands_del(nd_store *s, const nd_fp *fp, int64_t id);
ndupes_status nd_store_bands_del_all(nd_store *s, int64_t id);

/* Remembers why a statement failed, before sqlite3_reset forgets it; returns rc. */
int nd_store_note(nd_store *s, int rc);
/* SQLite's result code as a status. */
ndupes_status nd_store_status(int rc);
/* Runs a statement to completion (no rows expected) and resets it. */
ndupes_status nd_store_run(nd_store *s, sqlite3_stmt *st);
/* Marks the index damaged (a value out of type or range): the message says what, the run
 * fails and nothing is committed.  Returns NDUPES_ERR_DB_SCHEMA. */
ndupes_status nd_store_damaged(nd_store *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Reads the integer of meta key, or def when it is missing or not an INTEGER in
 * [lo, hi] (a value that only steers a policy). */
int64_t nd_store_meta_int(nd_store *s, const char *key, int64_t lo, int64_t hi, int64_t def);

/* 64-bit hashes are stored as SQLite's signed integers, bit for bit. */
static inline int64_t nd_u2i(uint64_t x)
{
    int64_t v;
    memcpy(&v, &x, sizeof v);
    return v;
}

static inline uint64_t nd_i2u(int64_t x)
{
    uint64_t v;
    memcpy(&v, &x, sizeof v);
    return v;
}
#endif
