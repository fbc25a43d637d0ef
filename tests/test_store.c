/*
 * test_store.c - the band tables of the persistent index (src/index/store.c, schema 2).
 *
 * Band keys live in two tables: band (big) and band_recent (small).  nd_store_bands puts a
 * batch into band_recent, or straight into band when it holds more than band_rows / 16 rows
 * (so the first batch of an index goes into band); then, on every call, it moves one of
 * eight slices of the key space (key >> 29) from band_recent into band, the slice after the
 * one of the last call, so a key waits at most eight runs.  The row counts and the next
 * slice are written to meta (band_rows, recent_rows, merge_slice) at commit.  Lookups read
 * both tables; deletes remove from both.  A schema-1 index (no band_recent) is upgraded by a
 * write open and refused, untouched, by a read-only one.
 *
 * Every check of where rows sit is made on the file itself, through a second SQLite
 * connection opened after nd_store_close, so it sees what a later run would see.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store.h"

#define SHINGLE 5
/* store.c's policy, under test here. */
#define SLICES 8        /* MERGE_SLICES */
#define SHARE 16        /* RECENT_SHARE */
/* Band key j of a slice of the key space. */
#define KEY(slice, j) ((uint32_t)(slice) << 29 | (uint32_t)(j))
/* Filler rows: keys in slice 7 (not merged before the eighth call on a new index), ids
 * far above the test articles'. */
#define FILLER_ID 1000000

static char tmpdir[256];

/* ---- helpers ---- */

/* A fresh path in the temporary directory for the test's index. */
static const char *db_path(const char *name)
{
    static char p[512];
    snprintf(p, sizeof p, "%s/%s", tmpdir, name);
    return p;
}

/* nd_store_open as a run (read-write) or db stats (read-only) opens the index. */
static ndupes_status store_open(const char *path, bool readonly, nd_store **s, char *err,
                                size_t errlen)
{
    nd_store_opts o = {.mode = readonly ? ND_OPEN_READONLY : ND_OPEN_RUN, .shingle = SHINGLE};
    return nd_store_open(path, &o, s, err, errlen);
}

static nd_store *open_store(const char *path, bool readonly)
{
    nd_store *s = NULL;
    char err[256] = "";
    ndupes_status st = store_open(path, readonly, &s, err, sizeof err);
    if (st != NDUPES_OK)
        fail_msg("nd_store_open(%s): status %d: %s", path, (int)st, err);
    return s;
}

static void commit_close(nd_store *s)
{
    assert_int_equal(nd_store_commit(s), NDUPES_OK);
    nd_store_close(s);
}

/* The single integer result of query on the file at path (through its own read-only
 * connection), or -1 when the query gives no row or NULL. */
static int64_t q1(const char *path, const char *query)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    if (sqlite3_prepare_v2(db, query, -1, &st, NULL) != SQLITE_OK)
        fail_msg("%s: %s", query, sqlite3_errmsg(db));
    int64_t v = -1;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
        v = sqlite3_column_int64(st, 0);
    else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        fail_msg("%s: %s", query, sqlite3_errmsg(db));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

/* Runs statements on the file at path in one read-write connection. */
static void exec_sql(const char *path, const char *stmts)
{
    sqlite3 *db = NULL;
    char *msg = NULL;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
    if (sqlite3_exec(db, stmts, NULL, NULL, &msg) != SQLITE_OK)
        fail_msg("%s: %s", stmts, msg ? msg : "?");
    sqlite3_close(db);
}

static int64_t band_count(const char *path)
{
    return q1(path, "SELECT count(*) FROM band");
}

static int64_t recent_count(const char *path)
{
    return q1(path, "SELECT count(*) FROM band_recent");
}

/* meta's value for key, or -1 when it is missing. */
static int64_t meta(const char *path, const char *key)
{
    char q[128];
    snprintf(q, sizeof q, "SELECT value FROM meta WHERE key = '%s'", key);
    return q1(path, q);
}

/* band and band_recent hold these many rows, and meta says the same. */
static void expect_rows(const char *path, int64_t band, int64_t recent)
{
    assert_int_equal(band_count(path), band);
    assert_int_equal(recent_count(path), recent);
    assert_int_equal(meta(path, "band_rows"), band);
    assert_int_equal(meta(path, "recent_rows"), recent);
}

/* Stores n filler band rows (keys KEY(7, from...), ids FILLER_ID + from...), given in
 * descending order so that nd_store_bands has to sort them. */
static void filler(nd_store *s, size_t n, size_t from)
{
    nd_band *b = malloc(n * sizeof *b);
    assert_non_null(b);
    for (size_t i = 0; i < n; i++) {
        size_t j = from + n - 1 - i;
        b[i] = (nd_band){KEY(7, j), (int64_t)(FILLER_ID + j)};
    }
    assert_int_equal(nd_store_bands(s, b, n), NDUPES_OK);
    free(b);
}

/* Stores the band rows given as key, id pairs (none: only the call's slice is merged). */
static void bands(nd_store *s, const nd_band *rows, size_t n)
{
    nd_band *b = malloc((n ? n : 1) * sizeof *b);
    assert_non_null(b);
    if (n)
        memcpy(b, rows, n * sizeof *b);
    assert_int_equal(nd_store_bands(s, b, n), NDUPES_OK);
    free(b);
}

/* nd_store_band(key, max) gives exactly want[0..nwant), and writes nothing past it. */
static void expect_band(nd_store *s, uint32_t key, size_t max, const int64_t *want, size_t nwant)
{
    int64_t ids[32];
    assert_true(max + 1 <= sizeof ids / sizeof *ids);
    for (size_t i = 0; i < sizeof ids / sizeof *ids; i++)
        ids[i] = -7;
    long n = nd_store_band(s, key, ids, max);
    assert_int_equal(n, (long)nwant);
    for (size_t i = 0; i < nwant; i++)
        assert_int_equal(ids[i], want[i]);
    assert_int_equal(ids[max], -7);
}

static void *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    size_t cap = 1 << 16, n = 0, r;
    char *buf = malloc(cap);
    assert_non_null(buf);
    while ((r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            buf = realloc(buf, cap *= 2);
            assert_non_null(buf);
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

/* ---- where a batch goes ---- */

static void the_first_batch_goes_to_band(void **state)
{
    (void)state;
    const char *p = db_path("first.db");
    nd_store *s = open_store(p, false);
    filler(s, 1000, 0);
    commit_close(s);
    expect_rows(p, 1000, 0);
    assert_int_equal(meta(p, "merge_slice"), 1);
}

static void small_batches_go_to_band_recent(void **state)
{
    (void)state;
    const char *p = db_path("small.db");
    nd_store *s = open_store(p, false);
    filler(s, 1600, 0);
    commit_close(s);
    /* band / 16 = 100 rows: a batch of 100 goes to band_recent (in a later run: the counts
     * come back from meta), ... */
    s = open_store(p, false);
    filler(s, 100, 1600);
    commit_close(s);
    expect_rows(p, 1600, 100);
    assert_int_equal(q1(p, "SELECT min(id) FROM band_recent"), FILLER_ID + 1600);
    /* ... a batch of 101 rows goes into band, and takes band_recent with it. */
    s = open_store(p, false);
    filler(s, 101, 1700);
    commit_close(s);
    expect_rows(p, 1801, 0);
    assert_int_equal(q1(p, "SELECT count(*) FROM band WHERE id >= 1001600"), 201);
}

static void each_call_merges_one_slice(void **state)
{
    (void)state;
    const char *p = db_path("merge.db");
    nd_store *s = open_store(p, false);
    filler(s, 16 * 8 * SLICES, 0); /* into band; merges slice 0 */
    commit_close(s);
    /* 8 rows in each slice, its first and last keys among them, to band_recent; this call
     * merges slice 1. */
    nd_band b[8 * SLICES];
    for (int sl = 0; sl < SLICES; sl++)
        for (int j = 0; j < 8; j++)
            b[sl * 8 + j] = (nd_band){KEY(sl, j < 7 ? j : (1 << 29) - 1), 1 + j};
    s = open_store(p, false);
    bands(s, b, 8 * SLICES);
    commit_close(s);
    int64_t band0 = 16 * 8 * SLICES;
    expect_rows(p, band0 + 8, 8 * (SLICES - 1));
    assert_int_equal(q1(p, "SELECT count(*) FROM band_recent WHERE key >> 29 = 1"), 0);
    assert_int_equal(meta(p, "merge_slice"), 2);
    /* One run each for slices 2 .. 7, then 0: one slice more moves each time, and the slice
     * to merge is remembered from run to run. */
    for (int run = 0; run < SLICES - 1; run++) {
        int sl = (2 + run) % SLICES;
        s = open_store(p, false);
        bands(s, NULL, 0);
        commit_close(s);
        expect_rows(p, band0 + 8 * (run + 2), 8 * (SLICES - 2 - run));
        char q[96];
        snprintf(q, sizeof q, "SELECT count(*) FROM band_recent WHERE key >> 29 = %d", sl);
        assert_int_equal(q1(p, q), 0);
        snprintf(q, sizeof q, "SELECT count(*) FROM band WHERE key >> 29 = %d AND id < 9", sl);
        assert_int_equal(q1(p, q), 8);
        assert_int_equal(meta(p, "merge_slice"), (sl + 1) % SLICES);
    }
    /* Every row is there once, in band. */
    assert_int_equal(q1(p, "SELECT count(*) FROM band WHERE id < 9"), 8 * SLICES);
}

static void the_share_follows_band_rows_in_meta(void **state)
{
    (void)state;
    const char *p = db_path("share.db");
    nd_store *s = open_store(p, false);
    filler(s, 10, 0);
    commit_close(s);
    /* A band of 16,000 rows as far as the policy knows (it reads meta): 1,000 rows go to
     * band_recent, 1,001 into band. */
    exec_sql(p, "UPDATE meta SET value = 16000 WHERE key = 'band_rows'");
    s = open_store(p, false);
    filler(s, 1000, 10);
    commit_close(s);
    assert_int_equal(recent_count(p), 1000);
    assert_int_equal(band_count(p), 10);
    assert_int_equal(meta(p, "recent_rows"), 1000);
    assert_int_equal(meta(p, "band_rows"), 16000);

    s = open_store(p, false);
    filler(s, 1001, 1010);
    commit_close(s);
    assert_int_equal(recent_count(p), 0); /* a direct batch takes band_recent with it */
    assert_int_equal(band_count(p), 2011);
    assert_int_equal(meta(p, "recent_rows"), 0);
    assert_int_equal(meta(p, "band_rows"), 16000 + 1001 + 1000);
}

/* ---- lookups ---- */

static void lookups_read_both_tables_in_order(void **state)
{
    (void)state;
    const char *p = db_path("lookup.db");
    nd_store *s = open_store(p, false);
    /* Key 42: ids 2, 5, 9 in band and 1, 3, 7 in band_recent; key 43 only in band, key 44
     * only in band_recent. */
    size_t nf = 1600;
    nd_band *b = malloc((nf + 4) * sizeof *b);
    assert_non_null(b);
    for (size_t i = 0; i < nf; i++)
        b[i] = (nd_band){KEY(7, i), (int64_t)(FILLER_ID + i)};
    b[nf] = (nd_band){42, 9};
    b[nf + 1] = (nd_band){42, 2};
    b[nf + 2] = (nd_band){43, 4};
    b[nf + 3] = (nd_band){42, 5};
    bands(s, b, nf + 4);
    free(b);
    bands(s, (const nd_band[]){{44, 8}, {42, 7}, {42, 1}, {44, 6}, {42, 3}}, 5);

    static const int64_t k42[] = {1, 2, 3, 5, 7, 9}, k43[] = {4}, k44[] = {6, 8};
    for (int round = 0; round < 3; round++) {
        expect_band(s, 42, 16, k42, 6);
        expect_band(s, 42, 6, k42, 6);
        expect_band(s, 42, 4, k42, 4);
        expect_band(s, 42, 1, k42, 1);
        expect_band(s, 42, 0, k42, 0);
        expect_band(s, 43, 16, k43, 1);
        expect_band(s, 44, 16, k44, 2);
        expect_band(s, 44, 1, k44, 1);
        expect_band(s, 45, 16, NULL, 0);
        commit_close(s);
        if (round == 0) {
            /* The rows really sit where the comment above says. */
            assert_int_equal(q1(p, "SELECT count(*) FROM band WHERE key = 42"), 3);
            assert_int_equal(q1(p, "SELECT count(*) FROM band_recent WHERE key = 42"), 3);
            assert_int_equal(q1(p, "SELECT count(*) FROM band WHERE key = 44"), 0);
            assert_int_equal(q1(p, "SELECT count(*) FROM band_recent WHERE key = 43"), 0);
            expect_rows(p, (int64_t)nf + 4, 5);
            s = open_store(p, false);
            for (int k = 0; k < SLICES - 1; k++) /* slices 2 .. 7, 0: everything in band */
                bands(s, NULL, 0);
        } else if (round == 1) {
            expect_rows(p, (int64_t)nf + 4 + 5, 0);
            s = open_store(p, true); /* read-only sees the same */
        } else {
            break;
        }
    }
}

/* ---- deletes ---- */

/* An article whose fingerprint holds band keys: two paragraphs (16 keys) and one pending
 * short paragraph (8 keys); sketches left empty. */
static int64_t article(nd_store *s, const char *path, uint32_t *keys, nd_pending *pend)
{
    nd_fp fp;
    memset(&fp, 0, sizeof fp);
    fp.content_hash = 0x1234u + (uint64_t)strlen(path);
    fp.keys = keys;
    fp.nkeys = 2 * ND_BANDS;
    fp.pend = pend;
    fp.npend = 1;
    nd_srec r = {.size = 100, .mtime = 1, .chash = fp.content_hash, .first_seen = 1};
    int64_t id = 0;
    assert_int_equal(nd_store_insert(s, path, &r, &fp, &id), NDUPES_OK);
    assert_true(id > 0);
    return id;
}

/* ---- the fingerprint codec (fpcodec.c) ---- */

/* A blob whose sketch holds more values than its article has shingles (or quote shingles)
 * is damaged: refused, not handed to the scorer. */
static void codec_refuses_a_sketch_larger_than_its_article(void **state)
{
    (void)state;
    nd_fp fp, back;
    memset(&fp, 0, sizeof fp);
    fp.content_hash = 42;
    fp.nsh = 3;
    fp.nsk = 3;
    fp.sk[0] = 10, fp.sk[1] = 20, fp.sk[2] = 30;
    fp.nq = 2;
    fp.nqk = 2;
    fp.qk[0] = 20, fp.qk[1] = 30;
    uint8_t *blob;
    size_t len;
    assert_true(nd_fp_encode(&fp, &blob, &len));
    assert_int_equal(nd_fp_decode(blob, len, &back), NDUPES_OK);
    assert_int_equal(back.nsh, 3);
    nd_fp_free(&back);
    blob[20] = 2; /* nsh (4 bytes from offset 20): fewer shingles than the sketch holds */
    assert_int_equal(nd_fp_decode(blob, len, &back), NDUPES_ERR_PARSE);
    blob[20] = 3;
    blob[24] = 1; /* nq: fewer quote shingles than the quote sketch holds */
    assert_int_equal(nd_fp_decode(blob, len, &back), NDUPES_ERR_PARSE);
    nd_free(blob);
}

/* ---- paragraph counts ---- */

/* An article with two kept paragraphs, hashes h1 and h2, and no band keys. */
static int64_t para_article(nd_store *s, const char *path, uint64_t h1, uint64_t h2)
{
    nd_parahash ph[2] = {{.hash = h1, .words = 40}, {.hash = h2, .words = 50}};
    nd_fp fp;
    memset(&fp, 0, sizeof fp);
    fp.content_hash = 0x5678u + (uint64_t)strlen(path);
    fp.ph = ph;
    fp.nph = 2;
    nd_srec r = {.size = 100, .mtime = 1, .chash = fp.content_hash, .first_seen = 1};
    int64_t id = 0;
    assert_int_equal(nd_store_insert(s, path, &r, &fp, &id), NDUPES_OK);
    return id;
}

/* Runs that add nothing: each moves one slice of the recent tables. */
static void merge_runs(const char *p, int runs)
{
    for (int k = 0; k < runs; k++) {
        nd_store *s = open_store(p, false);
        bands(s, NULL, 0);
        commit_close(s);
    }
}

static void paragraph_counts_span_both_tables(void **state)
{
    (void)state;
    const char *p = db_path("para.db");
    /* Slices 0 and 5 of the hash space (the top three bits; slice 5 is negative as a
     * signed value). */
    const uint64_t h1 = UINT64_C(0x0123456789abcdef), h2 = UINT64_C(0xa000000000000123);
    nd_store *s = open_store(p, false);
    int64_t a = para_article(s, "/a.txt", h1, h2), b = para_article(s, "/b.txt", h1, h2);
    assert_int_equal(nd_store_para(s, h1), 2);
    assert_int_equal(nd_store_para(s, h2), 2);
    assert_int_equal(nd_store_para(s, h1 + 1), 0);
    commit_close(s);
    assert_int_equal(q1(p, "SELECT count(*) FROM para"), 0);
    assert_int_equal(q1(p, "SELECT count(*) FROM para_recent"), 2);
    /* Eight runs move every slice: the counts are in para, and read the same. */
    merge_runs(p, SLICES);
    assert_int_equal(q1(p, "SELECT count(*) FROM para_recent"), 0);
    assert_int_equal(q1(p, "SELECT sum(files) FROM para"), 4);
    s = open_store(p, false);
    assert_int_equal(nd_store_para(s, h1), 2);
    assert_int_equal(nd_store_para(s, h2), 2);
    /* Deleting one article: -1 waits in para_recent, the sum is right at once. */
    assert_int_equal(nd_store_delete(s, a), NDUPES_OK);
    assert_int_equal(nd_store_para(s, h1), 1);
    assert_int_equal(nd_store_para(s, h2), 1);
    commit_close(s);
    assert_int_equal(q1(p, "SELECT count(*) FROM para_recent WHERE files = -1"), 2);
    /* The other one too: once merged, no row is left for either paragraph. */
    s = open_store(p, false);
    assert_int_equal(nd_store_delete(s, b), NDUPES_OK);
    assert_int_equal(nd_store_para(s, h1), 0);
    assert_int_equal(nd_store_para(s, h2), 0);
    commit_close(s);
    merge_runs(p, SLICES);
    assert_int_equal(q1(p, "SELECT count(*) FROM para"), 0);
    assert_int_equal(q1(p, "SELECT count(*) FROM para_recent"), 0);
}

static void delete_removes_rows_from_both_tables(void **state)
{
    (void)state;
    const char *p = db_path("delete.db");
    uint32_t ka[2 * ND_BANDS], kb[2 * ND_BANDS];
    nd_pending pa = {0}, pb = {0};
    for (uint32_t i = 0; i < 2 * ND_BANDS; i++) {
        ka[i] = 2 * (100 + i); /* a: 100..115, doubled: band keys have the low bit clear */
        kb[i] = 2 * (108 + i); /* b: 108..123, sharing 108..115 with a */
    }
    for (uint32_t i = 0; i < ND_BANDS; i++) {
        pa.keys[i] = 2 * (200 + i); /* a's pending paragraph: 200..207 */
        pb.keys[i] = 2 * (204 + i); /* b's: 204..211, sharing 204..207 */
    }
    pa.nkeys = pb.nkeys = ND_BANDS;
    nd_store *s = open_store(p, false);
    int64_t a = article(s, "/a.txt", ka, &pa), b = article(s, "/b.txt", kb, &pb);
    /* a's first paragraph goes to band (the index's first batch), the rest of a and all of
     * b to band_recent: a has rows in both tables. */
    size_t nf = 1600;
    nd_band *rows = malloc((nf + ND_BANDS) * sizeof *rows);
    assert_non_null(rows);
    for (size_t i = 0; i < nf; i++)
        rows[i] = (nd_band){KEY(7, i), (int64_t)(FILLER_ID + i)};
    for (size_t i = 0; i < ND_BANDS; i++)
        rows[nf + i] = (nd_band){ka[i], a};
    bands(s, rows, nf + ND_BANDS);
    free(rows);
    nd_band later[4 * ND_BANDS + 2 * ND_BANDS];
    size_t nl = 0;
    for (size_t i = ND_BANDS; i < 2 * ND_BANDS; i++)
        later[nl++] = (nd_band){ka[i], a};
    for (size_t i = 0; i < ND_BANDS; i++)
        later[nl++] = (nd_band){pa.keys[i], a};
    for (size_t i = 0; i < 2 * ND_BANDS; i++)
        later[nl++] = (nd_band){kb[i], b};
    for (size_t i = 0; i < ND_BANDS; i++)
        later[nl++] = (nd_band){pb.keys[i], b};
    bands(s, later, nl);
    commit_close(s);
    expect_rows(p, (int64_t)nf + ND_BANDS, 2 * ND_BANDS + 3 * ND_BANDS);
    assert_int_equal(q1(p, "SELECT count(*) FROM band WHERE id = 1"), ND_BANDS);
    assert_int_equal(q1(p, "SELECT count(*) FROM band_recent WHERE id = 1"), 2 * ND_BANDS);
    assert_int_equal(a, 1);

    s = open_store(p, false);
    int64_t both[] = {a, b}, only_b[] = {b};
    expect_band(s, 2 * 110, 8, both, 2);
    expect_band(s, 2 * 205, 8, both, 2);
    assert_int_equal(nd_store_delete(s, a), NDUPES_OK);
    expect_band(s, 2 * 100, 8, NULL, 0);  /* a only, was in band */
    expect_band(s, 2 * 110, 8, only_b, 1);
    expect_band(s, 2 * 201, 8, NULL, 0);  /* a's pending key, was in band_recent */
    expect_band(s, 2 * 205, 8, only_b, 1);
    expect_band(s, 2 * 120, 8, only_b, 1);
    commit_close(s);
    expect_rows(p, (int64_t)nf, 3 * ND_BANDS);
    assert_int_equal(q1(p, "SELECT count(*) FROM band WHERE id = 1"), 0);
    assert_int_equal(q1(p, "SELECT count(*) FROM band_recent WHERE id = 1"), 0);
    assert_int_equal(q1(p, "SELECT count(*) FROM article"), 1);
    assert_int_equal(q1(p, "SELECT count(*) FROM fingerprint"), 1);
}

/* ---- schema 1 ---- */

/* An index as schema 1 left it: band only, no band_recent, no row counts in meta. */
static void make_schema1(const char *p)
{
    nd_store *s = open_store(p, false);
    uint32_t k[2 * ND_BANDS];
    nd_pending pe = {0};
    for (uint32_t i = 0; i < 2 * ND_BANDS; i++)
        k[i] = 2 * (300 + i);
    for (uint32_t i = 0; i < ND_BANDS; i++)
        pe.keys[i] = 2 * (400 + i);
    pe.nkeys = ND_BANDS;
    int64_t a = article(s, "/one.txt", k, &pe);
    filler(s, 1600, 0); /* into band */
    nd_band b[3 * ND_BANDS];
    for (size_t i = 0; i < 2 * ND_BANDS; i++)
        b[i] = (nd_band){k[i], a};
    for (size_t i = 0; i < ND_BANDS; i++)
        b[2 * ND_BANDS + i] = (nd_band){pe.keys[i], a};
    bands(s, b, 3 * ND_BANDS); /* into band_recent */
    commit_close(s);
    expect_rows(p, 1600, 3 * ND_BANDS);
    exec_sql(p, "BEGIN;"
                "INSERT INTO band SELECT key, id FROM band_recent;"
                "DROP TABLE band_recent;"
                "DELETE FROM meta WHERE key IN ('band_rows', 'recent_rows', 'merge_slice');"
                "UPDATE meta SET value = 1 WHERE key = 'schema_version';"
                "COMMIT;");
    assert_int_equal(meta(p, "schema_version"), 1);
    assert_int_equal(q1(p, "SELECT count(*) FROM sqlite_schema WHERE name = 'band_recent'"), 0);
}

static void schema1_refused_read_only_untouched(void **state)
{
    (void)state;
    const char *p = db_path("old-ro.db");
    make_schema1(p);
    size_t n0, n1;
    void *before = read_file(p, &n0);
    nd_store *s = NULL;
    char err[256] = "";
    assert_int_equal(store_open(p, true, &s, err, sizeof err), NDUPES_ERR_DB_SCHEMA);
    assert_null(s);
    if (!strstr(err, "older"))
        fail_msg("the message does not say the index is older: %s", err);
    void *after = read_file(p, &n1);
    assert_int_equal(n0, n1);
    assert_memory_equal(before, after, n0);
    free(before);
    free(after);
    assert_int_equal(meta(p, "schema_version"), 1);
}

static void schema1_upgraded_by_a_write_open(void **state)
{
    (void)state;
    const char *p = db_path("old-rw.db");
    make_schema1(p);
    int64_t rows = band_count(p);
    assert_int_equal(rows, 1600 + 3 * ND_BANDS);

    /* A write open that is not committed leaves schema 1. */
    nd_store_close(open_store(p, false));
    assert_int_equal(meta(p, "schema_version"), 1);
    assert_int_equal(q1(p, "SELECT count(*) FROM sqlite_schema WHERE name = 'band_recent'"), 0);

    nd_store *s = open_store(p, false);
    int64_t one[] = {1};
    expect_band(s, 2 * 305, 8, one, 1);
    expect_band(s, 2 * 403, 8, one, 1);
    commit_close(s);
    assert_int_equal(meta(p, "schema_version"), ND_SCHEMA_VERSION);
    assert_int_equal(q1(p, "SELECT count(*) FROM sqlite_schema WHERE name = 'band_recent'"), 1);
    assert_int_equal(meta(p, "band_rows"), rows);
    assert_int_equal(band_count(p), rows);
    assert_int_equal(recent_count(p), 0);

    /* It works as a current index: read-only opens, new bands go to band_recent, the
     * article's rows go from band on delete. */
    nd_store_close(open_store(p, true));
    s = open_store(p, false);
    bands(s, NULL, 0); /* merges slice 0 (no merge_slice in meta), where 305 and 306 lie */
    bands(s, (const nd_band[]){{2 * 305, 2}, {2 * 306, 2}}, 2);
    commit_close(s);
    expect_rows(p, rows, 2);
    assert_int_equal(meta(p, "merge_slice"), 2);
    s = open_store(p, false);
    int64_t one_two[] = {1, 2}, two[] = {2};
    expect_band(s, 2 * 305, 8, one_two, 2);
    assert_int_equal(nd_store_delete(s, 1), NDUPES_OK);
    expect_band(s, 2 * 305, 8, two, 1);
    expect_band(s, 2 * 403, 8, NULL, 0);
    commit_close(s);
    expect_rows(p, rows - 3 * ND_BANDS, 2);
}

/* ---- the temporary directory ---- */

static int make_tmpdir(void **state)
{
    (void)state;
    const char *t = getenv("TMPDIR");
    snprintf(tmpdir, sizeof tmpdir, "%s/ndupes-store.XXXXXX", t && *t ? t : "/tmp");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int remove_tmpdir(void **state)
{
    (void)state;
    DIR *d = opendir(tmpdir);
    if (!d)
        return -1;
    struct dirent *e;
    char p[600];
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(p, sizeof p, "%s/%s", tmpdir, e->d_name);
        unlink(p);
    }
    closedir(d);
    return rmdir(tmpdir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_first_batch_goes_to_band),
        cmocka_unit_test(small_batches_go_to_band_recent),
        cmocka_unit_test(each_call_merges_one_slice),
        cmocka_unit_test(the_share_follows_band_rows_in_meta),
        cmocka_unit_test(lookups_read_both_tables_in_order),
        cmocka_unit_test(delete_removes_rows_from_both_tables),
        cmocka_unit_test(paragraph_counts_span_both_tables),
        cmocka_unit_test(schema1_refused_read_only_untouched),
        cmocka_unit_test(schema1_upgraded_by_a_write_open),
        cmocka_unit_test(codec_refuses_a_sketch_larger_than_its_article),
    };
    return cmocka_run_group_tests(tests, make_tmpdir, remove_tmpdir);
}
