/*
 * store.h - the persistent index of incremental runs (store.c), library-internal.
 */
#ifndef ND_STORE_H
#define ND_STORE_H
#include "nd_sketch.h"
#include "nd_paths.h"

#define ND_SCHEMA_VERSION 3
/* The fingerprint settings an index was built with.  Fingerprints of other settings do
 * not compare with new ones: a run rebuilds such an index (its articles are forgotten and
 * read anew from the files the run is given), db stats/prune/forget refuse it. */
#define ND_STR2(x) #x
#define ND_STR(x) ND_STR2(x)
/* ND_READER_VERSION counts the reader's changes of decisions (what is kept of a page):
 * fingerprints of two readers do not compare either.  2: the reader for any language. */
#define ND_READER_VERSION 2
#define ND_FP_FORMAT "fp3-rd" ND_STR(ND_READER_VERSION) "-k" ND_STR(ND_SKETCH_K) "-q" \
    ND_STR(ND_QUOTE_K) "-b" ND_STR(ND_BANDS) "r" ND_STR(ND_ROWS) "q" ND_STR(ND_QUOTE_ROWS) \
    "-a" ND_STR(ND_ANCHORS) "-w" ND_STR(ND_RUN_WINDOW)

/* Which keys of an article the index stores, to find it again: every band key, and a
 * quarter of its run keys (a run of text shared with a new article gives several; the
 * stored article is then loaded whole, all its keys with it, and the run's candidate rules
 * apply as without an index).  Keeps the index near 4 KB an article. */
static inline bool nd_key_indexed(uint32_t key)
{
    return !(key & ND_RUN_KEY) || (key >> 1 & 3) == 0;
}

/* A band key of a stored article. */
typedef struct nd_band {
    uint32_t key;
    int64_t id;
} nd_band;

typedef struct nd_store nd_store;

/* A stored article's file identity. */
typedef struct nd_srec {
    int64_t id, mtime, first_seen, grp;
    uint64_t size, chash;
    double score; /* its best link into its group, in [0, 1] (nd_store_load only) */
} nd_srec;

/* How an index is opened. */
typedef enum nd_open_mode {
    ND_OPEN_RUN,      /* read-write, the file created when absent: a run */
    ND_OPEN_EXISTING, /* read-write, an index that exists: db prune, db forget */
    ND_OPEN_READONLY, /* read-only, no lock taken: db stats */
} nd_open_mode;

typedef struct nd_store_opts {
    nd_open_mode mode;
    unsigned shingle;  /* the run's shingle size, refused when the index has another; 0:
                          the index's own (or the default for a new one) */
    double wait;       /* seconds to wait for another run's lock */
    const nd_run *run; /* waits and statements stop when it is stopped; may be NULL */
} nd_store_opts;

/* Opens the database at path after checking it (storeopen.c says how), and, unless
 * read-only, begins the run's write transaction, upgrading an older index inside it.
 * Errors: NDUPES_ERR_DB_BUSY, NDUPES_ERR_DB_SCHEMA (not SQLite, not ndupes, newer
 * version, damaged, or made with another shingle size: left untouched), NDUPES_ERR_DB (a
 * directory, a read-only file or folder, no such index), NDUPES_ERR_INTERRUPTED; err
 * receives a message (also on success: ""). */
ndupes_status nd_store_open(const char *path, const nd_store_opts *o, nd_store **out, char *err,
                            size_t errlen);
/* Rolls back what is not committed and closes; NULL is allowed. */
void nd_store_close(nd_store *s);
/* Commits the run; refused (NDUPES_ERR_DB_SCHEMA) once a damaged value was read, and
 * (NDUPES_ERR_INTERRUPTED) once the run was stopped. */
ndupes_status nd_store_commit(nd_store *s);
/* Prepares the cache for storing this many new articles. */
void nd_store_reserve(nd_store *s, size_t articles);
const char *nd_store_errmsg(nd_store *s);
/* The index's shingle size, and the canonical path of its file (borrowed). */
unsigned nd_store_shingle(const nd_store *s);
/* The fingerprint format of an index that this run found and emptied to rebuild (its
 * articles are read anew), or NULL. */
const char *nd_store_rebuilt(const nd_store *s);
const char *nd_store_path(const nd_store *s);

/* 1 found, 0 not found, -1 error (nd_store_errmsg says which). */
int nd_store_by_path(nd_store *s, const char *path, nd_srec *r);
/* Looks for an article with this content hash; *path is malloc'd (free with nd_free). */
int nd_store_by_hash(nd_store *s, uint64_t chash, nd_srec *r, char **path);
ndupes_status nd_store_touch(nd_store *s, int64_t id, const char *path, uint64_t size,
                             int64_t mtime);
/* Stores an article (row, fingerprint, paragraph and template counts; not its bands). */
ndupes_status nd_store_insert(nd_store *s, const char *path, const nd_srec *r, const nd_fp *fp,
                              int64_t *id);
/* Stores band keys (sorted here, in place). */
ndupes_status nd_store_bands(nd_store *s, nd_band *b, size_t n);
/* Loads article id: its fingerprint (with pending short paragraphs), path (nd_malloc'd). */
ndupes_status nd_store_load(nd_store *s, int64_t id, nd_fp *fp, char **path, nd_srec *r);
/* Removes article id, its bands and its template counts. */
ndupes_status nd_store_delete(nd_store *s, int64_t id);
/* The largest article id (about the number of stored articles), 0 when empty. */
int64_t nd_store_max_id(nd_store *s);
/* Calls fn with the id, path (not NUL-terminated), size and mtime of every stored article
 * until fn returns false. */
ndupes_status nd_store_scan(nd_store *s,
                            bool (*fn)(void *ctx, int64_t id, const char *path, size_t len,
                                       uint64_t size, int64_t mtime),
                            void *ctx);
/* Calls fn with the id and path (not NUL-terminated) of the article stored under root, and
 * of every article stored under the folder root, until fn returns false. */
ndupes_status nd_store_under(nd_store *s, const char *root,
                             bool (*fn)(void *ctx, int64_t id, const char *path, size_t len),
                             void *ctx);
/* Articles sharing band key (at most max); returns the count or -1. */
long nd_store_band(nd_store *s, uint32_t key, int64_t *ids, size_t max);
/* Members of group grp; *ids is nd_malloc'd. */
ndupes_status nd_store_members(nd_store *s, int64_t grp, int64_t **ids, size_t *n);
ndupes_status nd_store_set_group(nd_store *s, int64_t id, int64_t grp, double score);
/* A new group id (never reused). */
ndupes_status nd_store_new_group(nd_store *s, int64_t now, int64_t *grp);
/* Files in which each short paragraph was seen, and adding to it. */
uint32_t nd_store_template(nd_store *s, uint64_t hash);
ndupes_status nd_store_template_add(nd_store *s, uint64_t hash, int delta);
/* In how many stored articles a kept paragraph appears. */
uint32_t nd_store_para(nd_store *s, uint64_t hash);
/* Every group id with at least two members, ascending. */
ndupes_status nd_store_groups(nd_store *s, int64_t **ids, size_t *n);
/* Ids of articles first seen before `before`. */
ndupes_status nd_store_older(nd_store *s, int64_t before, int64_t **ids, size_t *n);
/* Counts for `ndupes db stats`. */
ndupes_status nd_store_counts(nd_store *s, int64_t *articles, int64_t *groups, int64_t *grouped,
                              int64_t *oldest, int64_t *newest);

#endif
