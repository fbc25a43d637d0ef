/*
 * fuzz_dbload.c - libFuzzer target for what reads the persistent index: the database is
 * input too (a damaged or hostile file must give an error, never a crash).
 *
 * Each input is used twice:
 *  1. as a fingerprint blob for nd_fp_decode.  A blob that decodes must re-encode to the
 *     same bytes (the reserved byte aside), and the scorer and nd_fp_finalize must accept
 *     the decoded fingerprint: scores in [0, 1].
 *  2. as a database file: written to a temporary file, opened with nd_store_open as a run
 *     does (read-write, in a transaction that is never committed), then read back: the
 *     counts, the groups and their members, a few articles by id (nd_store_load), by path,
 *     by hash, by band key and under a folder, the scan of every path, and one delete
 *     (rolled back); the loaded fingerprints are arranged as a group (groups.c: the
 *     representative and the best links, every score in [0, 1]); then nd_store_close.  It
 *     is opened read-only and as `db prune` does (an existing index) as well.
 *  3. as the index of a run over no file with --all, through the public API: open, forget
 *     what is gone under "/", group (every stored group loaded, its gone files forgotten,
 *     each arranged), and the groups written as JSON: valid, every score a number in
 *     [0, 1] (a stored 1e300 once printed "inf").  Never committed.
 *  The file must come out unchanged: byte for byte when the
 *     open failed ("left untouched", says store.c) or was read-only; after a successful
 *     read-write open only the header fields SQLite itself rewrites when it switches the
 *     file to WAL mode may differ (the file format bytes 18-19, the change counter and the
 *     page count 24-31, the SQLite version 92-99), since rollback undoes everything else.  An empty file, or an SQLite
 *     database without any table, is a new index by contract and is not compared after a
 *     successful read-write open.
 */
#define _GNU_SOURCE
#include "corpus.h"
#include "fuzz_common.h"

#include <limits.h>
#include <sqlite3.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>


static char dir[PATH_MAX], dbpath[PATH_MAX], walpath[PATH_MAX], shmpath[PATH_MAX],
    jrnpath[PATH_MAX];

/* Set from FUZZ_DBLOAD_KNOWN_WAL_SWITCH (run.sh, FUZZ_KNOWN=1): tolerate the known bug of a
 * refused database switched to WAL mode (see known.supp). */
static int known_wal_switch;

static void remove_db(void);

static void remove_dir(void)
{
    remove_db();
    rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/fuzz_dbload.XXXXXX",
             access("/dev/shm", W_OK) == 0 ? "/dev/shm" : tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        perror("fuzz_dbload: mkdtemp");
        exit(1);
    }
    snprintf(dbpath, sizeof dbpath, "%s/index.db", dir);
    snprintf(walpath, sizeof walpath, "%s-wal", dbpath);
    snprintf(shmpath, sizeof shmpath, "%s-shm", dbpath);
    snprintf(jrnpath, sizeof jrnpath, "%s-journal", dbpath);
    atexit(remove_dir);
    const char *k = getenv("FUZZ_DBLOAD_KNOWN_WAL_SWITCH");
    known_wal_switch = k && *k == '1';
    return 0;
}

static int unit(double x)
{
    return !isnan(x) && x >= 0.0 && x <= 1.0;
}

static bool odd_template(void *ctx, uint64_t hash)
{
    (void)ctx;
    return hash & 1;
}

static void check_score(const nd_fp *a, const nd_fp *b)
{
    ndupes_config cfg;
    ndupes_config_init(&cfg);
    ndupes_score s;
    nd_score(a, b, &cfg, &s);
    CHECK(unit(s.score) && unit(s.jaccard) && unit(s.contain_a) && unit(s.contain_b));
    CHECK(unit(s.quote_a) && unit(s.quote_b));
}

/* Part 1: the blob codec. */
static void fuzz_blob(const uint8_t *data, size_t size)
{
    nd_fp fp;
    if (!nd_fp_decode(data, size, &fp))
        return;
    CHECK(fp.nsk <= ND_SKETCH_K && fp.nqk <= ND_QUOTE_K && fp.nkeys <= ND_MAX_KEYS);
    uint8_t *out = NULL;
    size_t len = 0;
    if (nd_fp_encode(&fp, &out, &len)) {
        CHECK(len == size);
        CHECK(memcmp(out, data, 3) == 0 && memcmp(out + 4, data + 4, size - 4) == 0);
        nd_free(out);
    }
    nd_fp copy;
    if (nd_fp_copy(&fp, &copy)) {
        check_score(&fp, &copy);
        size_t nt = 0;
        if (nd_fp_finalize(&copy, odd_template, NULL, &nt)) {
            CHECK(copy.npend == 0);
            check_score(&fp, &copy);
            check_score(&copy, &copy);
        }
        nd_fp_free(&copy);
    }
    nd_fp_free(&fp);
}

static void remove_db(void)
{
    unlink(dbpath);
    unlink(walpath);
    unlink(shmpath);
    unlink(jrnpath);
}

static bool write_db(const uint8_t *data, size_t size)
{
    remove_db();
    FILE *f = fopen(dbpath, "wb");
    if (!f)
        return false;
    bool ok = fwrite(data, 1, size, f) == size;
    return fclose(f) == 0 && ok;
}

/* How much of the file may differ from the input after an open. */
enum change {
    SAME,   /* nothing: a refused file is "left untouched"; a read-only open writes nothing */
    HEADER, /* the header fields that a switch to WAL mode rewrites (a successful open) */
    PAGE1,  /* all of page 1, which may grow to a whole page: the known bug of a refused
               file switched to WAL mode first (FUZZ_DBLOAD_KNOWN_WAL_SWITCH) */
};

/* Compares the database file with the input; how says what was done, for the report. */
static void check_unchanged(const uint8_t *data, size_t size, enum change allowed,
                            const char *how)
{
    FILE *f = fopen(dbpath, "rb");
    CHECK(f != NULL);
    size_t page = size >= 18 ? ((size_t)data[16] << 8 | data[17]) : 0;
    if (page == 1)
        page = 65536;
    size_t cap = size > page ? size : page;
    uint8_t *now = malloc(cap + 1);
    CHECK(now != NULL);
    size_t n = fread(now, 1, cap + 1, f);
    fclose(f);
    char msg[800];
    msg[0] = '\0';
    if (n != size && !(allowed == PAGE1 && size < page && n == page))
        snprintf(msg, sizeof msg, "the database file of %zu bytes has %s %zu after %s", size,
                 n > size ? "more than" : "only", n > size ? size : n, how);
    for (size_t i = 0; i < n && i < size && !msg[0]; i++) {
        if (now[i] == data[i])
            continue;
        bool ok = (allowed == HEADER &&
                   ((i >= 18 && i <= 19) || (i >= 24 && i <= 31) || (i >= 92 && i <= 99))) ||
                  (allowed == PAGE1 && i < page);
        if (!ok)
            snprintf(msg, sizeof msg, "the database file changed at byte %zu (%02x -> %02x) "
                     "after %s", i, data[i], now[i], how);
    }
    free(now);
    if (msg[0])
        fuzz_fail(__FILE__, __LINE__, msg);
}

/* The fingerprints loaded, arranged as one group at the end of read_back. */
#define KEEP 8
static nd_fp kept[KEEP];
static char *kept_path[KEEP];
static size_t nkept;

/* Loads article id and checks the fingerprint as the scorer would see it, and what store.c
 * promises of the values it hands out. */
static void load_one(nd_store *s, int64_t id)
{
    nd_fp fp;
    char *path = NULL;
    nd_srec r;
    memset(&r, 0, sizeof r);
    if (nd_store_load(s, id, &fp, &path, &r) != NDUPES_OK) {
        CHECK(path == NULL);
        return;
    }
    CHECK(path != NULL && path[0] == '/' && strlen(path) <= 4096);
    CHECK(r.id == id && (int64_t)r.size >= 0 && r.grp >= 0 && unit(r.score));
    check_score(&fp, &fp);
    nd_srec r2;
    int found = nd_store_by_path(s, path, &r2);
    CHECK(found >= -1 && found <= 1);
    char *p2 = NULL;
    if (nd_store_by_hash(s, r.chash, &r2, &p2) == 1)
        nd_free(p2);
    if (fp.nkeys) {
        int64_t ids[16];
        long m = nd_store_band(s, fp.keys[0], ids, 16);
        CHECK(m >= -1 && m <= 16);
    }
    for (size_t i = 0; i < fp.npend && i < 4; i++)
        (void)nd_store_template(s, fp.pend[i].hash);
    for (size_t i = 0; i < fp.nph && i < 4; i++)
        (void)nd_store_para(s, fp.ph[i].hash);
    if (nkept < KEEP) {
        kept[nkept] = fp;
        kept_path[nkept++] = path;
        return;
    }
    nd_free(path);
    nd_fp_free(&fp);
}

static bool on_path(void *ctx, int64_t id, const char *path, size_t len)
{
    size_t *n = ctx;
    CHECK(id > 0 && len > 0 && len <= 4096 && path[0] == '/' && !memchr(path, '\0', len));
    return ++*n < 64;
}

static bool on_scan(void *ctx, int64_t id, const char *path, size_t len, uint64_t size,
                    int64_t mtime)
{
    (void)size;
    (void)mtime;
    return on_path(ctx, id, path, len);
}

/* The loaded fingerprints as one group: a permutation of it comes back, the first
 * member's score 1, every score in [0, 1]. */
static void arrange_kept(void)
{
    ndupes_corpus *c = ndupes_corpus_create(NULL, NULL);
    if (!c || !nd_corpus_reserve(c, nkept)) {
        ndupes_corpus_free(c);
        return;
    }
    uint32_t m[KEEP], seen = 0;
    float sc[KEEP];
    for (size_t i = 0; i < nkept; i++) {
        if (!nd_fp_finalize(&kept[i], odd_template, NULL, NULL)) {
            nd_fp_free(&kept[i]);
            nd_free(kept_path[i]);
            continue;
        }
        c->fps[c->n] = kept[i];
        c->items[c->n] = (item){.name = kept_path[i], .mtime = (int64_t)i % 3};
        m[c->n] = (uint32_t)c->n;
        c->n++;
    }
    if (nd_group_arrange(c, m, sc, c->n)) {
        for (size_t i = 0; i < c->n; i++) {
            CHECK(m[i] < c->n && !(seen & (1u << m[i])));
            seen |= 1u << m[i];
            CHECK(unit(sc[i]) && (i > 0 || sc[i] == 1.0f));
        }
    }
    ndupes_corpus_free(c); /* frees the moved fingerprints and paths */
    nkept = 0;
}

static void read_back(nd_store *s, bool rw)
{
    int64_t articles, groups, grouped, oldest, newest;
    if (nd_store_counts(s, &articles, &groups, &grouped, &oldest, &newest) == NDUPES_OK)
        CHECK(articles >= 0 && groups >= 0 && grouped >= 2 * groups);
    size_t n = 0;
    (void)nd_store_scan(s, on_scan, &n);
    n = 0;
    (void)nd_store_under(s, "/", on_path, &n);
    n = 0;
    (void)nd_store_under(s, "/tmp", on_path, &n);
    CHECK(nd_store_max_id(s) >= 0);
    for (int64_t id = -1; id <= 4; id++)
        load_one(s, id);
    int64_t *gids = NULL;
    size_t ng = 0;
    if (nd_store_groups(s, &gids, &ng) == NDUPES_OK) {
        for (size_t g = 0; g < ng && g < 4; g++) {
            int64_t *mem = NULL;
            size_t nm = 0;
            if (nd_store_members(s, gids[g], &mem, &nm) == NDUPES_OK)
                for (size_t i = 0; i < nm && i < 4; i++)
                    load_one(s, mem[i]);
            nd_free(mem);
        }
    }
    nd_free(gids);
    int64_t *old = NULL;
    size_t no = 0;
    if (nd_store_older(s, INT64_MAX, &old, &no) == NDUPES_OK && rw && no > 0)
        (void)nd_store_delete(s, old[0]); /* rolled back by nd_store_close */
    nd_free(old);
    arrange_kept();
}

/* Part 3: the --all listing of a run, as the tool does it, and its JSON. */
static void list_all(void)
{
    ndupes_config cfg;
    ndupes_config_init(&cfg);
    cfg.jobs = 1;
    ndupes_corpus *c = ndupes_corpus_create(&cfg, NULL);
    if (!c)
        return;
    ndupes_status st = ndupes_corpus_open_db(c, dbpath, 0, 1700000000);
    if (st == NDUPES_OK) {
        ndupes_corpus_report_all(c, 1);
        const char *roots[1] = {"/nonexistent-root"};
        size_t gone = 0;
        st = ndupes_corpus_forget_gone(c, roots, 1, &gone);
        if (st == NDUPES_OK)
            st = ndupes_corpus_group(c);
    }
    if (st == NDUPES_OK) {
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        CHECK(f != NULL);
        CHECK(ndupes_write_groups_flags(c, f, NDUPES_FORMAT_JSON, 0) == NDUPES_OK);
        fclose(f);
        /* Scores are printed with %.3f from [0, 1]: no inf, no nan, no minus sign. */
        for (const char *p = buf; (p = strstr(p, "\"score\": ")) != NULL; p++) {
            const char *v = p + 9;
            CHECK((v[0] == '0' || v[0] == '1') && v[1] == '.');
        }
        free(buf);
    } else {
        CHECK(ndupes_corpus_errmsg(c)[0] != '\0' || st == NDUPES_ERR_NOMEM);
    }
    ndupes_corpus_free(c);
}

/* The number of entries in the file's sqlite_schema, read without any side effect
 * (immutable=1: no lock, no journal), or -1 when SQLite cannot read it. */
static int schema_entries(void)
{
    char uri[PATH_MAX + 32];
    snprintf(uri, sizeof uri, "file:%s?immutable=1", dbpath);
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    int n = -1;
    if (sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

static void fuzz_db(const uint8_t *data, size_t size)
{
    static const nd_open_mode modes[3] = {ND_OPEN_RUN, ND_OPEN_READONLY, ND_OPEN_EXISTING};
    char err[256];
    for (int k = 0; k < 4; k++) {
        if (!write_db(data, size))
            return;
        bool ro = k == 1;
        /* A database without tables is a new index by contract: a run creates the schema. */
        bool fresh = (k == 0 || k == 3) && schema_entries() == 0;
        ndupes_status st = NDUPES_OK;
        nd_store *s = NULL;
        err[0] = '\0';
        if (k == 3) {
            list_all();
        } else {
            nd_store_opts o = {.mode = modes[k], .shingle = k == 2 ? 0 : NDUPES_DEFAULT_SHINGLE};
            st = nd_store_open(dbpath, &o, &s, err, sizeof err);
        }
        if (k == 3) {
            snprintf(err, sizeof err, "the --all listing");
        } else if (st == NDUPES_OK) {
            CHECK(s != NULL);
            read_back(s, !ro);
            nd_store_close(s);
        } else {
            CHECK(s == NULL);
            CHECK(err[0] != '\0');
            CHECK(st == NDUPES_ERR_DB || st == NDUPES_ERR_DB_SCHEMA ||
                  st == NDUPES_ERR_DB_BUSY || st == NDUPES_ERR_NOMEM);
        }
        char how[400];
        snprintf(how, sizeof how, "a %s open that returned %s%s%s",
                 k == 1 ? "read-only" : k == 2 ? "db prune" : k == 3 ? "run's" : "read-write",
                 ndupes_strerror(st), err[0] ? ": " : "", err);
        if (size > 0 && !(fresh && st == NDUPES_OK))
            check_unchanged(data, size,
                            ro                    ? SAME
                            : st == NDUPES_OK     ? HEADER
                            : known_wal_switch    ? PAGE1
                                                  : SAME,
                            how);
    }
    remove_db();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1u << 20))
        return 0;
    fuzz_blob(data, size);
    fuzz_db(data, size);
    return 0;
}
