/*
 * test_incremental.c - runs against the persistent index (src/run/incremental.c,
 * inc_files.c, inc_load.c, inc_store.c, with src/index/), through the public API, on files
 * in a temporary folder with the index beside them.
 *
 *  - A first run stores every file and its groups.
 *  - A second run with nothing new reads nothing (ndupes_corpus_unchanged counts the
 *    files) and keeps the group ids (ndupes_corpus_report_all lists them).
 *  - A new copy of a stored article joins the stored group under its id; a new group gets
 *    a new id.
 *  - A touched file (same bytes, new mtime) or a renamed one is not an article again: its
 *    row is updated.  A file changed in place is a new article.
 *  - ndupes_corpus_forget (any spelling of the path) and ndupes_corpus_prune; a group
 *    keeps its id while a member remains.
 *  - An index whose meta.format names other fingerprints is refused, untouched, by
 *    ndupes_corpus_open_db_readonly and _open_db_existing, and rebuilt by a run
 *    (ndupes_corpus_open_db): the files are read anew, group ids go on.
 *  - A run freed without a commit leaves the index as it was.
 * The index is looked at through its own SQLite connection after each run.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <dirent.h>
#include <stdbool.h>
#include <fcntl.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ndupes.h"
#include "nd_test.h" /* nd_test_fail_alloc */
#include "store.h" /* ND_FP_FORMAT: the format a run writes */
#include "testgen.h"

/* ---- text ---- */

static void sentence(text *t)
{
    int nw = 11 + (int)(rnd() % 6);
    for (int i = 0; i < nw; i++) {
        char w[16] = "";
        if (i % 2 == 1)
            snprintf(w, sizeof w, "%s", stop[rnd() % 16]);
        else
            for (int s = 0, ns = 2 + (int)(rnd() % 2); s < ns; s++)
                strncat(w, syll[rnd() % 24], sizeof w - strlen(w) - 1);
        if (i == 0)
            w[0] = (char)toupper((unsigned char)w[0]);
        else
            put(t, " ");
        put(t, w);
    }
    put(t, ".");
}

/* A story of five paragraphs of four sentences. */
typedef struct story {
    char *para[5];
} story;

static story new_story(void)
{
    story s;
    for (int i = 0; i < 5; i++) {
        text t = {0};
        put(&t, "");
        for (int k = 0; k < 4; k++) {
            if (k)
                put(&t, " ");
            sentence(&t);
        }
        s.para[i] = t.p;
    }
    return s;
}

static void free_story(story *s)
{
    for (int i = 0; i < 5; i++)
        free(s->para[i]);
}

/* The story in chrome; paragraph `reword` (if >= 0) with a new first sentence. */
static char *page(const char *top, const story *s, int reword)
{
    text t = {0};
    put(&t, top);
    for (int i = 0; i < 5; i++) {
        put(&t, "\n\n");
        if (i == reword) {
            sentence(&t);
            put(&t, strchr(s->para[i], '.') + 1);
        } else {
            put(&t, s->para[i]);
        }
    }
    put(&t, "\n\nShare this article\n");
    return t.p;
}

/* Paragraphs [from, to) of the story in chrome. */
static char *page_part(const char *top, const story *s, int from, int to)
{
    text t = {0};
    put(&t, top);
    for (int i = from; i < to; i++) {
        put(&t, "\n\n");
        put(&t, s->para[i]);
    }
    put(&t, "\n\nShare this article\n");
    return t.p;
}

/* ---- the folder, its files, the index ---- */

static char dir[PATH_MAX], dbpath[PATH_MAX + 16];
static story X, Y, U, V; /* X and Y have copies; U and V do not */

static const char *path_of(const char *name)
{
    static char p[8][PATH_MAX + 320];
    static int k;
    k = (k + 1) % 8;
    snprintf(p[k], sizeof p[k], "%s/%s", dir, name);
    return p[k];
}

static void write_file(const char *name, const char *body)
{
    FILE *f = fopen(path_of(name), "w");
    assert_non_null(f);
    assert_true(fputs(body, f) >= 0);
    assert_int_equal(fclose(f), 0);
}

static void set_mtime(const char *name, time_t t);

/* Writes the page as the file name, with the given mtime. */
static void write_page(const char *name, const char *top, const story *s, int reword,
                       time_t mtime)
{
    char *p = page(top, s, reword);
    write_file(name, p);
    free(p);
    set_mtime(name, mtime);
}

static void set_mtime(const char *name, time_t t)
{
    struct timespec ts[2] = {{t, 0}, {t, 0}};
    assert_int_equal(utimensat(AT_FDCWD, path_of(name), ts, 0), 0);
}

/* a.txt and b.txt: X (b reworded, other chrome); c.txt, e.txt: U, V. */
static int setup(void **state)
{
    (void)state;
    const char *t = getenv("TMPDIR");
    char tmpl[PATH_MAX];
    snprintf(tmpl, sizeof tmpl, "%s/ndupes-inc.XXXXXX", t && *t ? t : "/tmp");
    if (!mkdtemp(tmpl) || !realpath(tmpl, dir))
        return -1;
    snprintf(dbpath, sizeof dbpath, "%s/index.db", dir);
    rng_state = 42;
    X = new_story(), Y = new_story(), U = new_story(), V = new_story();
    write_page("a.txt", "Home | News", &X, -1, 1000000 + 'a');
    write_page("b.txt", "Front page | Local", &X, 2, 1000000 + 'b');
    write_page("c.txt", "Home | News", &U, -1, 1000000 + 'c');
    write_page("e.txt", "Home | News", &V, -1, 1000000 + 'e');
    return 0;
}

/* Removes the folder and the files in it (the tests make no subfolder that stays). */
static int teardown(void **state)
{
    (void)state;
    free_story(&X), free_story(&Y), free_story(&U), free_story(&V);
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    struct dirent *e;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            remove(path_of(e->d_name));
    closedir(d);
    return rmdir(dir);
}

/* The single integer of query on the index (its own read-only connection); -1: none. */
static int64_t q1(const char *query)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    if (sqlite3_prepare_v2(db, query, -1, &st, NULL) != SQLITE_OK)
        fail_msg("%s: %s", query, sqlite3_errmsg(db));
    int64_t v = -1;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

/* The meta.format of the index, into buf. */
static const char *meta_format(char *buf, size_t n)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    assert_int_equal(
        sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'format'", -1, &st, NULL),
        SQLITE_OK);
    buf[0] = '\0';
    if (sqlite3_step(st) == SQLITE_ROW)
        snprintf(buf, n, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return buf;
}

static void exec_sql(const char *stmts)
{
    sqlite3 *db = NULL;
    char *msg = NULL;
    assert_int_equal(sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
    if (sqlite3_exec(db, stmts, NULL, NULL, &msg) != SQLITE_OK)
        fail_msg("%s: %s", stmts, msg ? msg : "?");
    sqlite3_close(db);
}

/* ---- runs ---- */

typedef struct warn_log {
    char last[512];
    unsigned warns;
} warn_log;

static void on_log(void *ctx, ndupes_level level, const char *path, const char *msg)
{
    warn_log *w = ctx;
    (void)path;
    if (level == NDUPES_LOG_WARN) {
        w->warns++;
        snprintf(w->last, sizeof w->last, "%s", msg);
    }
}

/* What one run did. */
typedef struct result {
    size_t read, unchanged, ngroups;
    char groups[2048]; /* "id:name*,name|" per group; * marks a member new in the run */
    int64_t gid[8];
    warn_log log;
} result;

static ndupes_corpus *open_corpus(void)
{
    ndupes_config cfg;
    ndupes_config_init(&cfg);
    cfg.jobs = 2;
    ndupes_corpus *c = ndupes_corpus_create(&cfg, NULL);
    assert_non_null(c);
    return c;
}

static void describe(const ndupes_corpus *c, result *r)
{
    r->ngroups = ndupes_corpus_ngroups(c);
    size_t o = 0;
    r->groups[0] = '\0';
    for (size_t g = 0; g < r->ngroups; g++) {
        if (g < 8)
            r->gid[g] = ndupes_group_id(c, g);
        o += (size_t)snprintf(r->groups + o, sizeof r->groups - o, "%lld:",
                              (long long)ndupes_group_id(c, g));
        const char *name;
        for (size_t i = 0; (name = ndupes_group_member(c, g, i, NULL)); i++) {
            /* Names are canonical absolute paths in the folder. */
            size_t n = strlen(dir);
            assert_memory_equal(name, dir, n);
            assert_int_equal(name[n], '/');
            o += (size_t)snprintf(r->groups + o, sizeof r->groups - o, "%s%s%s",
                                  i ? "," : "", name + n + 1,
                                  ndupes_group_member_is_new(c, g, i) ? "*" : "");
        }
        o += (size_t)snprintf(r->groups + o, sizeof r->groups - o, "|");
    }
}

/* A run over the named files (NULL-terminated list) at time now: opened, read, grouped,
 * committed (when commit), freed. */
static result run(const char *const *names, int64_t now, int all, int commit)
{
    result r;
    memset(&r, 0, sizeof r);
    const char *paths[16];
    size_t n = 0;
    for (; names[n]; n++)
        paths[n] = path_of(names[n]);
    ndupes_corpus *c = open_corpus();
    ndupes_corpus_set_log(c, on_log, &r.log);
    ndupes_status st = ndupes_corpus_open_db(c, dbpath, 5.0, now);
    if (st != NDUPES_OK)
        fail_msg("open_db: %s: %s", ndupes_strerror(st), ndupes_corpus_errmsg(c));
    assert_int_equal(ndupes_corpus_has_db(c), 1);
    ndupes_corpus_report_all(c, all);
    assert_int_equal(ndupes_corpus_add_files(c, paths, n), NDUPES_OK);
    assert_int_equal(ndupes_corpus_failed(c), 0);
    r.read = ndupes_corpus_size(c);
    r.unchanged = ndupes_corpus_unchanged(c);
    assert_int_equal(ndupes_corpus_group(c), NDUPES_OK);
    describe(c, &r);
    if (commit)
        assert_int_equal(ndupes_corpus_commit(c), NDUPES_OK);
    ndupes_corpus_free(c);
    return r;
}

static ndupes_db_counts counts(void)
{
    ndupes_corpus *c = open_corpus();
    ndupes_status st = ndupes_corpus_open_db_readonly(c, dbpath);
    if (st != NDUPES_OK)
        fail_msg("open_db_readonly: %s: %s", ndupes_strerror(st), ndupes_corpus_errmsg(c));
    ndupes_db_counts k;
    assert_int_equal(ndupes_corpus_db_counts(c, &k), NDUPES_OK);
    ndupes_corpus_free(c);
    return k;
}

static const char *const FIRST[] = {"a.txt", "b.txt", "c.txt", "e.txt", NULL};

/* ---- tests ---- */

static void first_run_stores_and_groups(void **state)
{
    (void)state;
    result r = run(FIRST, 1000, 0, 1);
    assert_int_equal(r.read, 4);
    assert_int_equal(r.unchanged, 0);
    assert_int_equal(r.ngroups, 1);
    assert_int_equal(r.gid[0], 1);
    assert_string_equal(r.groups, "1:a.txt*,b.txt*|");
    ndupes_db_counts k = counts();
    assert_int_equal(k.articles, 4);
    assert_int_equal(k.groups, 1);
    assert_int_equal(k.grouped, 2);
    assert_int_equal(k.oldest, 1000);
    assert_int_equal(k.newest, 1000);
    char sql[PATH_MAX + 128];
    snprintf(sql, sizeof sql, "SELECT mtime FROM article WHERE CAST(path AS TEXT) = '%s'",
             path_of("c.txt"));
    assert_int_equal(q1(sql), 1000000 + 'c');
}

static void second_run_with_nothing_new_reads_nothing(void **state)
{
    (void)state;
    result r1 = run(FIRST, 1000, 0, 1);
    result r = run(FIRST, 2000, 0, 1);
    assert_int_equal(r.read, 0);
    assert_int_equal(r.unchanged, 4);
    assert_int_equal(r.ngroups, 0); /* no group gained a member */
    /* Every stored group, with its id. */
    r = run(FIRST, 3000, 1, 1);
    assert_int_equal(r.read, 0);
    assert_int_equal(r.unchanged, 4);
    assert_int_equal(r.ngroups, 1);
    assert_int_equal(r.gid[0], r1.gid[0]);
    assert_string_equal(r.groups, "1:a.txt,b.txt|");
    ndupes_db_counts k = counts();
    assert_int_equal(k.articles, 4);
    assert_int_equal(k.newest, 1000);
    assert_int_equal(q1("SELECT count(*) FROM grp"), 1);
    /* Not even opened: e.txt given other bytes of the same length and its old mtime is
     * still the stored article (a file that was read would be a changed one).  Looked up
     * by a scan of the stored paths (many files given)... */
    FILE *f = fopen(path_of("e.txt"), "r+");
    assert_non_null(f);
    assert_int_equal(fputs("XYZ", f) >= 0, 1);
    assert_int_equal(fclose(f), 0);
    set_mtime("e.txt", 1000000 + 'e');
    r = run(FIRST, 4000, 0, 1);
    assert_int_equal(r.read, 0);
    assert_int_equal(r.unchanged, 4);
    assert_int_equal(counts().newest, 1000);
    /* ... and path by path (one file given, more than eight times as many stored). */
    static const char *const more[] = {"n1.txt", "n2.txt", "n3.txt", "n4.txt", "n5.txt",
                                       "n6.txt", NULL};
    for (int i = 0; more[i]; i++) {
        story s = new_story();
        write_page(more[i], "Home", &s, -1, 1100000 + i);
        free_story(&s);
    }
    r = run(more, 4000, 0, 1);
    assert_int_equal(r.read, 6);
    assert_int_equal(counts().articles, 10);
    static const char *const only_e[] = {"e.txt", NULL};
    r = run(only_e, 4500, 0, 1);
    assert_int_equal(r.read, 0);
    assert_int_equal(r.unchanged, 1);
    assert_int_equal(counts().newest, 4000);
    /* With another mtime it is read, and is a new article (the old one leaves). */
    set_mtime("e.txt", 1000000 + 'f');
    r = run(FIRST, 5000, 0, 1);
    assert_int_equal(r.read, 1);
    assert_int_equal(r.unchanged, 3);
    k = counts();
    assert_int_equal(k.articles, 10);
    assert_int_equal(k.newest, 5000);
}

static void new_copy_joins_its_stored_group(void **state)
{
    (void)state;
    result r1 = run(FIRST, 1000, 0, 1);
    /* A third copy of X (other chrome, another paragraph reworded). */
    write_page("d.txt", "Top stories", &X, 4, 2000000);
    static const char *const second[] = {"a.txt", "b.txt", "c.txt", "e.txt", "d.txt", NULL};
    result r = run(second, 2000, 0, 1);
    assert_int_equal(r.read, 1);
    assert_int_equal(r.unchanged, 4);
    assert_int_equal(r.ngroups, 1);
    assert_int_equal(r.gid[0], r1.gid[0]);
    /* a.txt first (the earliest mtime), then by best link: d.txt is nearer to a.txt than
     * b.txt is. */
    assert_string_equal(r.groups, "1:a.txt,d.txt*,b.txt|");
    /* A byte-for-byte copy of a stored file is an article too (an exact duplicate); two
     * copies of a new story are a new group with a new id. */
    write_page("f.txt", "Home | News", &X, -1, 3000000);
    write_page("g.txt", "Home", &Y, -1, 3000001);
    write_page("h.txt", "Home", &Y, 1, 3000002);
    static const char *const third[] = {"f.txt", "g.txt", "h.txt", NULL};
    r = run(third, 3000, 0, 1);
    assert_int_equal(r.read, 3);
    assert_int_equal(r.ngroups, 2);
    assert_string_equal(r.groups, "1:a.txt,f.txt*,d.txt,b.txt|2:g.txt*,h.txt*|");
    ndupes_db_counts k = counts();
    assert_int_equal(k.articles, 8);
    assert_int_equal(k.groups, 2);
    assert_int_equal(k.grouped, 6);
    assert_int_equal(k.newest, 3000);
}

/* A new article that matches one member of a stored group is matched against the whole
 * group: every member is loaded, the group reported whole. */
static void a_stored_group_is_loaded_whole(void **state)
{
    (void)state;
    char *cut = page_part("Home", &X, 0, 3);
    write_file("b.txt", cut); /* b.txt: the first three paragraphs of a.txt's story */
    free(cut);
    set_mtime("b.txt", 1000000 + 'b');
    result r = run(FIRST, 1000, 0, 1);
    assert_string_equal(r.groups, "1:a.txt*,b.txt*|");
    /* d.txt: the last two paragraphs, nothing of b.txt. */
    char *end = page_part("Latest", &X, 3, 5);
    write_file("d.txt", end);
    free(end);
    set_mtime("d.txt", 2000000);
    static const char *const second[] = {"d.txt", NULL};
    r = run(second, 2000, 0, 1);
    assert_int_equal(r.read, 1);
    assert_string_equal(r.groups, "1:a.txt,d.txt*,b.txt|"); /* members by their score */
}

/* A stored group that is loaded (a new article shares a paragraph with it) but gains no
 * member is not reported, unless every group is asked for. */
static void only_groups_that_gain_a_member_are_reported(void **state)
{
    (void)state;
    run(FIRST, 1000, 0, 1);
    /* z.txt: one paragraph of X among five of its own. */
    rng_state = 77;
    story own = new_story();
    char *tmp = own.para[2];
    own.para[2] = X.para[1];
    char *z = page("Home", &own, -1);
    own.para[2] = tmp;
    free_story(&own);
    write_file("z.txt", z);
    free(z);
    static const char *const second[] = {"z.txt", NULL};
    result r = run(second, 2000, 0, 0);
    assert_int_equal(r.read, 1);
    assert_int_equal(r.ngroups, 0);
    r = run(second, 2000, 1, 0);
    assert_string_equal(r.groups, "1:a.txt,b.txt|");
}

static void touched_or_renamed_file_is_not_counted_again(void **state)
{
    (void)state;
    run(FIRST, 1000, 0, 1);
    /* Touched: the same bytes, a new mtime.  Read, known by its bytes, its row updated. */
    set_mtime("a.txt", 1500000);
    result r = run(FIRST, 2000, 0, 1);
    assert_int_equal(r.read, 0);
    assert_int_equal(r.unchanged, 4);
    assert_int_equal(r.ngroups, 0);
    char sql[PATH_MAX + 128];
    snprintf(sql, sizeof sql, "SELECT mtime FROM article WHERE CAST(path AS TEXT) = '%s'",
             path_of("a.txt"));
    assert_int_equal(q1(sql), 1500000);
    ndupes_db_counts k = counts();
    assert_int_equal(k.articles, 4);
    assert_int_equal(k.newest, 1000);
    /* Renamed: the article moves to its new name, still in its group. */
    char to[PATH_MAX + 64];
    snprintf(to, sizeof to, "%s", path_of("a2.txt"));
    assert_int_equal(rename(path_of("a.txt"), to), 0);
    static const char *const renamed[] = {"a2.txt", "b.txt", "c.txt", "e.txt", NULL};
    r = run(renamed, 3000, 1, 1);
    assert_int_equal(r.read, 0);
    assert_int_equal(r.unchanged, 4);
    /* (b.txt is the representative now: a.txt's touch made it the younger file) */
    assert_string_equal(r.groups, "1:b.txt,a2.txt|");
    k = counts();
    assert_int_equal(k.articles, 4);
    assert_int_equal(q1(sql), -1); /* no row under the old name */
    /* Changed in place: a new article (the old one leaves the index and its group). */
    write_page("c.txt", "Home | News", &X, 1, 4000000);
    r = run(renamed, 4000, 0, 1);
    assert_int_equal(r.read, 1);
    assert_int_equal(r.unchanged, 3);
    assert_int_equal(r.ngroups, 1);
    assert_string_equal(r.groups, "1:b.txt,a2.txt,c.txt*|");
    k = counts();
    assert_int_equal(k.articles, 4);
    assert_int_equal(k.newest, 4000);
}

static void forget_and_prune(void **state)
{
    (void)state;
    result r1 = run(FIRST, 1000, 0, 1);
    write_page("d.txt", "Top stories", &X, 4, 2000000);
    write_page("g.txt", "Home", &Y, -1, 2000001);
    static const char *const second[] = {"d.txt", "g.txt", NULL};
    result r = run(second, 2000, 0, 1);
    assert_string_equal(r.groups, "1:a.txt,d.txt*,b.txt|");

    ndupes_corpus *c = open_corpus();
    size_t removed = 99;
    int found = 7;
    /* No index: refused. */
    assert_int_equal(ndupes_corpus_forget(c, path_of("g.txt"), &found), NDUPES_ERR_ARG);
    assert_int_equal(found, 0);
    assert_int_equal(ndupes_corpus_prune(c, 1500, &removed), NDUPES_ERR_ARG);
    assert_int_equal(removed, 0);
    assert_int_equal(ndupes_corpus_open_db_existing(c, dbpath, 5.0, 3000), NDUPES_OK);
    /* Another spelling of g.txt's path. */
    char odd[PATH_MAX + 64];
    snprintf(odd, sizeof odd, "%s/./sub/../g.txt", dir);
    assert_int_equal(mkdir(path_of("sub"), 0700), 0);
    assert_int_equal(ndupes_corpus_forget(c, odd, &found), NDUPES_OK);
    assert_int_equal(found, 1);
    assert_int_equal(ndupes_corpus_forget(c, odd, &found), NDUPES_OK);
    assert_int_equal(found, 0);
    assert_int_equal(ndupes_corpus_forget(c, "/no/such/file.txt", &found), NDUPES_OK);
    assert_int_equal(found, 0);
    assert_int_equal(ndupes_corpus_forget(c, "", &found), NDUPES_ERR_ARG);
    /* The articles of the first run (first seen at 1000) go; d.txt stays. */
    assert_int_equal(ndupes_corpus_prune(c, 1500, &removed), NDUPES_OK);
    assert_int_equal(removed, 4);
    assert_int_equal(ndupes_corpus_prune(c, 1500, &removed), NDUPES_OK);
    assert_int_equal(removed, 0);
    assert_int_equal(ndupes_corpus_commit(c), NDUPES_OK);
    ndupes_corpus_free(c);
    rmdir(path_of("sub"));
    ndupes_db_counts k = counts();
    assert_int_equal(k.articles, 1);
    assert_int_equal(k.groups, 0); /* d.txt is alone in its group */
    assert_int_equal(k.oldest, 2000);

    /* A new copy of X finds d.txt and joins its group, under the group's id. */
    write_page("f.txt", "Latest", &X, 0, 4000000);
    static const char *const third[] = {"f.txt", NULL};
    r = run(third, 4000, 0, 1);
    assert_int_equal(r.ngroups, 1);
    assert_int_equal(r.gid[0], r1.gid[0]);
    assert_string_equal(r.groups, "1:d.txt,f.txt*|");
}

/* ndupes_corpus_forget_gone: the stored articles whose file is gone, under the roots. */
static void forget_gone_follows_the_disk_under_the_roots(void **state)
{
    (void)state;
    run(FIRST, 1000, 0, 1);
    assert_int_equal(unlink(path_of("c.txt")), 0);
    assert_int_equal(unlink(path_of("e.txt")), 0);
    ndupes_corpus *c = open_corpus();
    size_t removed = 99;
    assert_int_equal(ndupes_corpus_open_db_existing(c, dbpath, 5.0, 2000), NDUPES_OK);
    /* A root naming another file: nothing of it is gone. */
    const char *roots[2] = {path_of("a.txt"), NULL};
    assert_int_equal(ndupes_corpus_forget_gone(c, roots, 1, &removed), NDUPES_OK);
    assert_int_equal(removed, 0);
    /* A root naming the gone file itself. */
    roots[0] = path_of("e.txt");
    assert_int_equal(ndupes_corpus_forget_gone(c, roots, 1, &removed), NDUPES_OK);
    assert_int_equal(removed, 1);
    /* The folder (given twice: each article once). */
    roots[0] = dir;
    roots[1] = dir;
    assert_int_equal(ndupes_corpus_forget_gone(c, roots, 2, &removed), NDUPES_OK);
    assert_int_equal(removed, 1);
    assert_int_equal(ndupes_corpus_commit(c), NDUPES_OK);
    ndupes_corpus_free(c);
    ndupes_db_counts k = counts();
    assert_int_equal(k.articles, 2);
    assert_int_equal(k.groups, 1);
}

static void uncommitted_run_leaves_the_index_as_it_was(void **state)
{
    (void)state;
    run(FIRST, 1000, 0, 1);
    write_page("d.txt", "Top stories", &X, 4, 2000000);
    static const char *const second[] = {"d.txt", NULL};
    result r = run(second, 2000, 0, 0);
    assert_string_equal(r.groups, "1:a.txt,d.txt*,b.txt|");
    ndupes_db_counts k = counts();
    assert_int_equal(k.articles, 4);
    assert_int_equal(k.grouped, 2);
    r = run(second, 3000, 0, 1);
    assert_int_equal(r.read, 1);
    assert_string_equal(r.groups, "1:a.txt,d.txt*,b.txt|");
}

static void index_of_other_fingerprints_is_rebuilt_by_a_run(void **state)
{
    (void)state;
    result r1 = run(FIRST, 1000, 0, 1);
    char fmt[256];
    assert_string_equal(meta_format(fmt, sizeof fmt), ND_FP_FORMAT);
    exec_sql("UPDATE meta SET value = 'fp2-rd1-old' WHERE key = 'format'");

    /* Refused, untouched, by db stats, prune and forget. */
    ndupes_corpus *c = open_corpus();
    assert_int_equal(ndupes_corpus_open_db_readonly(c, dbpath), NDUPES_ERR_DB_SCHEMA);
    assert_non_null(strstr(ndupes_corpus_errmsg(c), "fp2-rd1-old"));
    assert_non_null(strstr(ndupes_corpus_errmsg(c), "rebuilds"));
    assert_int_equal(ndupes_corpus_has_db(c), 0);
    ndupes_corpus_free(c);
    c = open_corpus();
    assert_int_equal(ndupes_corpus_open_db_existing(c, dbpath, 5.0, 1500), NDUPES_ERR_DB_SCHEMA);
    ndupes_corpus_free(c);
    assert_string_equal(meta_format(fmt, sizeof fmt), "fp2-rd1-old");
    assert_int_equal(q1("SELECT count(*) FROM article"), 4);

    /* Rebuilt by a run: a warning, every file read anew, the group under a new id. */
    result r = run(FIRST, 2000, 0, 1);
    assert_int_equal(r.log.warns, 1);
    assert_non_null(strstr(r.log.last, "rebuilt"));
    assert_non_null(strstr(r.log.last, "fp2-rd1-old"));
    assert_int_equal(r.read, 4);
    assert_int_equal(r.unchanged, 0);
    assert_int_equal(r.ngroups, 1);
    assert_true(r.gid[0] > r1.gid[0]);
    assert_string_equal(r.groups + 2, "a.txt*,b.txt*|");
    assert_string_equal(meta_format(fmt, sizeof fmt), ND_FP_FORMAT);
    ndupes_db_counts k = counts();
    assert_int_equal(k.articles, 4);
    assert_int_equal(k.groups, 1);
    assert_int_equal(k.oldest, 2000);
    /* And read as usual after it. */
    r = run(FIRST, 3000, 0, 1);
    assert_int_equal(r.log.warns, 0);
    assert_int_equal(r.unchanged, 4);
}

/* ---- allocation failures in a run with an index ---- */

static void copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    assert_non_null(in);
    assert_non_null(out);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        assert_int_equal(fwrite(buf, 1, n, out), n);
    fclose(in);
    assert_int_equal(fclose(out), 0);
}

/* A second run (a new copy of X, a new story) on a fresh copy of the index, with the
 * library's n-th allocation failing: every call returns NDUPES_OK or NDUPES_ERR_NOMEM
 * (*failed names the first that did not), and a run that fails leaves the index as it
 * was.  *out receives the groups of a run that succeeded. */
static ndupes_status indexed_run(const char *db, char *out, size_t outlen, char *failed,
                                 size_t flen)
{
    const char *paths[2] = {path_of("d.txt"), path_of("g.txt")};
    ndupes_status st = NDUPES_OK;
    ndupes_config cfg;
    ndupes_config_init(&cfg);
    cfg.jobs = 2;
    ndupes_corpus *c = ndupes_corpus_create(&cfg, &st);
    const char *step = "create";
    if (c) {
        step = "open_db";
        st = ndupes_corpus_open_db(c, db, 5.0, 2000);
    }
    if (st == NDUPES_OK) {
        step = "add_files";
        st = ndupes_corpus_add_files(c, paths, 2);
    }
    if (st == NDUPES_OK) {
        step = "group";
        st = ndupes_corpus_group(c);
    }
    if (st == NDUPES_OK) {
        step = "commit";
        st = ndupes_corpus_commit(c);
    }
    if (st == NDUPES_OK) {
        nd_test_fail_alloc(0, 0);
        result r;
        describe(c, &r);
        snprintf(out, outlen, "%zu %s", ndupes_corpus_failed(c), r.groups);
    } else {
        snprintf(failed, flen, "%s: %s: %s", step, ndupes_strerror(st),
                 c ? ndupes_corpus_errmsg(c) : "");
    }
    ndupes_corpus_free(c);
    return st;
}

/* The articles stored in the index at path (its own read-only connection). */
static int64_t articles_in(const char *path)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM article", -1, &st, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    int64_t n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

/* Runs the second run with allocation n failing, for n = 1, 2, ... until a run with every
 * allocation from n on failing succeeds: each failure is NDUPES_ERR_NOMEM (never a damaged
 * index: once, a fingerprint whose decoding ran out of memory was taken for damaged bytes)
 * and rolled back, or absorbed with the right groups. */
static void every_allocation_failure_in_an_indexed_run(void **state)
{
    (void)state;
    /* a.txt and b.txt end with a short paragraph (held for the template count: stored
     * articles are loaded with paragraphs to finalise). */
    rng_state = 43;
    text tail = {0};
    put(&tail, "\n\n");
    sentence(&tail);
    put(&tail, "\n");
    for (int i = 0; i < 2; i++) {
        char *p = page(i ? "Front page | Local" : "Home | News", &X, i ? 2 : -1);
        text t = {0};
        put(&t, p);
        put(&t, tail.p);
        write_file(i ? "b.txt" : "a.txt", t.p);
        set_mtime(i ? "b.txt" : "a.txt", 1000000 + 'a' + i);
        free(t.p);
        free(p);
    }
    free(tail.p);
    run(FIRST, 1000, 0, 1);
    write_page("d.txt", "Top stories", &X, 4, 2000000);
    write_page("g.txt", "Home", &Y, -1, 2000001);
    char base[PATH_MAX + 64], db[PATH_MAX + 64];
    snprintf(base, sizeof base, "%s/base.db", dir);
    snprintf(db, sizeof db, "%s/try.db", dir);
    copy_file(dbpath, base);
    char ref[4096], got[4096], why[1024];
    copy_file(base, db);
    assert_int_equal(indexed_run(db, ref, sizeof ref, why, sizeof why), NDUPES_OK);
    assert_string_equal(ref, "0 1:a.txt,b.txt,d.txt*|");
    unsigned long n;
    for (n = 1; n < 100000; n++) {
        for (int sticky = 0; sticky < 2; sticky++) {
            copy_file(base, db);
            unlink(path_of("try.db-wal"));
            unlink(path_of("try.db-shm"));
            nd_test_fail_alloc(n, sticky);
            ndupes_status st = indexed_run(db, got, sizeof got, why, sizeof why);
            nd_test_fail_alloc(0, 0);
            if (st != NDUPES_OK && st != NDUPES_ERR_NOMEM)
                fail_msg("allocation %lu%s failing: %s", n, sticky ? " and after" : "", why);
            if (st == NDUPES_OK && strcmp(got, ref) != 0)
                fail_msg("allocation %lu failing: OK but %s instead of %s", n, got, ref);
            if (st != NDUPES_OK) /* rolled back: the index holds the first run only */
                assert_int_equal(articles_in(db), 4);
            if (sticky && st == NDUPES_OK)
                goto done;
        }
    }
done:
    print_message("indexed run: %lu allocations, each failed once\n", n - 1);
    assert_true(n < 100000);
}

/* The stored groups that ndupes_corpus_report_all lists are ordered by their
 * representative's name, as ndupes.h says and as a run orders its groups (once they came
 * in the order of their ids). */
static void all_groups_are_ordered_by_representative(void **state)
{
    (void)state;
    write_page("y1.txt", "Home", &Y, -1, 900000);
    write_page("y2.txt", "Home", &Y, 1, 900001);
    static const char *const first[] = {"y1.txt", "y2.txt", NULL};
    result r = run(first, 1000, 0, 1);
    assert_string_equal(r.groups, "1:y1.txt*,y2.txt*|");
    r = run(FIRST, 2000, 0, 1);
    assert_string_equal(r.groups, "2:a.txt*,b.txt*|");
    r = run(FIRST, 3000, 1, 1);
    assert_string_equal(r.groups, "2:a.txt,b.txt|1:y1.txt,y2.txt|");
}

/* With an index, ndupes_corpus_add_text under a name that is stored already (its file
 * exists) or that was given in the same run (to add_files or add_text) is refused at once
 * or handled as add_files handles a path given twice or a stored file; it never ends in a
 * database error (once, ndupes_corpus_group failed with "UNIQUE constraint failed:
 * article.path" and the whole run was lost). */
static void add_text_under_a_taken_name_is_no_database_error(void **state)
{
    (void)state;
    run(FIRST, 1000, 0, 1);
    char *body = page("Home | News", &U, -1);
    /* The name of a stored file (c.txt, whose text this is). */
    ndupes_corpus *c = open_corpus();
    assert_int_equal(ndupes_corpus_open_db(c, dbpath, 5.0, 2000), NDUPES_OK);
    ndupes_status st = ndupes_corpus_add_text(c, path_of("c.txt"), body, strlen(body), 5);
    if (st == NDUPES_OK) {
        st = ndupes_corpus_group(c);
        if (st != NDUPES_OK)
            fail_msg("group: %s: %s", ndupes_strerror(st), ndupes_corpus_errmsg(c));
    } else {
        assert_int_equal(st, NDUPES_ERR_ARG);
    }
    ndupes_corpus_free(c);
    /* A name given twice in one run. */
    c = open_corpus();
    assert_int_equal(ndupes_corpus_open_db(c, dbpath, 5.0, 2000), NDUPES_OK);
    assert_int_equal(ndupes_corpus_add_text(c, path_of("new.txt"), body, strlen(body), 5),
                     NDUPES_OK);
    st = ndupes_corpus_add_text(c, path_of("new.txt"), body, strlen(body), 5);
    if (st == NDUPES_OK) {
        st = ndupes_corpus_group(c);
        if (st != NDUPES_OK)
            fail_msg("group: %s: %s", ndupes_strerror(st), ndupes_corpus_errmsg(c));
    } else {
        assert_int_equal(st, NDUPES_ERR_ARG);
    }
    ndupes_corpus_free(c);
    free(body);
}

/* An empty name is a bad argument (with an index it was once NDUPES_ERR_NOMEM: nd_canon_path
 * gives NULL for ""). */
static void add_text_with_an_empty_name_is_an_argument_error(void **state)
{
    (void)state;
    ndupes_corpus *c = open_corpus();
    assert_int_equal(ndupes_corpus_open_db(c, dbpath, 5.0, 1000), NDUPES_OK);
    char *body = page("Home", &U, -1);
    ndupes_status st = ndupes_corpus_add_text(c, "", body, strlen(body), 1);
    free(body);
    ndupes_corpus_free(c);
    assert_int_equal(st, NDUPES_ERR_ARG);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(first_run_stores_and_groups, setup, teardown),
        cmocka_unit_test_setup_teardown(second_run_with_nothing_new_reads_nothing, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(new_copy_joins_its_stored_group, setup, teardown),
        cmocka_unit_test_setup_teardown(a_stored_group_is_loaded_whole, setup, teardown),
        cmocka_unit_test_setup_teardown(only_groups_that_gain_a_member_are_reported, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(touched_or_renamed_file_is_not_counted_again, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(forget_and_prune, setup, teardown),
        cmocka_unit_test_setup_teardown(forget_gone_follows_the_disk_under_the_roots, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(uncommitted_run_leaves_the_index_as_it_was, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(index_of_other_fingerprints_is_rebuilt_by_a_run,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(every_allocation_failure_in_an_indexed_run, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(all_groups_are_ordered_by_representative, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(add_text_under_a_taken_name_is_no_database_error,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(add_text_with_an_empty_name_is_an_argument_error,
                                        setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
