/*
 * test_corpus.c - a corpus grouped (src/run/corpus.c, read.c, group.c, groups.c), through
 * the public API only: ndupes_corpus_add_text and _add_files, ndupes_corpus_group, and what
 * a caller reads of the groups.
 *
 *  - Two copies of an article among unrelated ones are one group; the representative is
 *    the one ndupes.h names (the original when the text tells it: a cut is not; else the
 *    earliest mtime, then the most words, then the name); members follow by descending
 *    score, then name; groups are ordered by their representative's name.
 *  - Identical pages that the reader empties (menus only) are grouped.
 *  - ndupes_corpus_group_of, ndupes_corpus_compare, ndupes_group_id, the stats.
 *  - The groups do not depend on cfg.jobs (1, 2, 4), and cfg.exhaustive (every pair
 *    scored) finds the groups the LSH finds on a small set.
 *  - With the n-th allocation failing, for every n, each call returns NDUPES_OK or
 *    NDUPES_ERR_NOMEM, an OK result is the right one, and nothing leaks (the sanitizer
 *    build checks that).
 * Articles are generated from fixed seeds (testgen.h: invented words between function
 * words), so what each pair shares is known by construction.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ndupes.h"
#include "nd_test.h" /* nd_test_fail_alloc */
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

/* A story: np paragraphs of four sentences each (each paragraph malloc'd). */
typedef struct story {
    char *para[8];
    int np;
} story;

static story new_story(int np)
{
    story s = {.np = np};
    for (int i = 0; i < np; i++) {
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
    for (int i = 0; i < s->np; i++)
        free(s->para[i]);
}

/* A page: chrome lines, the first np paragraphs of s (paragraph `reword`, if >= 0, with
 * its first sentence replaced by a new one), an extra paragraph (may be NULL), chrome. */
static char *page(const char *top, const story *s, int np, int reword, const char *extra,
                  const char *bottom)
{
    text t = {0};
    put(&t, top);
    for (int i = 0; i < np; i++) {
        put(&t, "\n\n");
        if (i == reword) {
            sentence(&t);
            put(&t, strchr(s->para[i], '.') + 1);
        } else {
            put(&t, s->para[i]);
        }
    }
    if (extra) {
        put(&t, "\n\n");
        put(&t, extra);
    }
    put(&t, "\n\n");
    put(&t, bottom);
    put(&t, "\n");
    return t.p;
}

/* Pages the reader empties: menu lines only. */
static const char MENU[] = "Home\n\nWorld News Politics Business Economy Markets Technology\n\n"
                           "Sport Football Tennis Golf Cricket Rugby Cycling\n\n"
                           "Weather Forecast Maps Radar\n\nContact Us Careers Advertise\n";
static const char OTHER_MENU[] = "Start\n\nAbout Team Jobs Press Investors Partners Events\n\n"
                                 "Terms Privacy Cookies Accessibility Sitemap Help Support\n";

/* ---- a set of named articles ---- */

typedef struct art {
    char name[64];
    char *text;
    int64_t mtime;
} art;

typedef struct set {
    art a[64];
    size_t n;
} set;

static size_t add_art(set *s, const char *name, char *body, int64_t mtime)
{
    assert_true(s->n < 64);
    art *a = &s->a[s->n];
    snprintf(a->name, sizeof a->name, "%s", name);
    a->text = body;
    a->mtime = mtime;
    return s->n++;
}

static void free_set(set *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->a[i].text);
    s->n = 0;
}

static ndupes_config config(unsigned jobs)
{
    ndupes_config cfg;
    ndupes_config_init(&cfg);
    cfg.jobs = jobs;
    return cfg;
}

/* A corpus of the set (add_text, in order); NULL and *st on an error. */
static ndupes_corpus *load(const set *s, const ndupes_config *cfg, ndupes_status *st)
{
    ndupes_corpus *c = ndupes_corpus_create(cfg, st);
    if (!c)
        return NULL;
    for (size_t i = 0; i < s->n && *st == NDUPES_OK; i++)
        *st = ndupes_corpus_add_text(c, s->a[i].name, s->a[i].text, strlen(s->a[i].text),
                                     s->a[i].mtime);
    if (*st == NDUPES_OK)
        *st = ndupes_corpus_group(c);
    if (*st != NDUPES_OK) {
        ndupes_corpus_free(c);
        return NULL;
    }
    return c;
}

static ndupes_corpus *load_ok(const set *s, const ndupes_config *cfg)
{
    ndupes_status st = NDUPES_OK;
    ndupes_corpus *c = load(s, cfg, &st);
    assert_int_equal(st, NDUPES_OK);
    assert_non_null(c);
    return c;
}

/* The groups as text: per group its id, then each member's name and score. */
static char *describe(const ndupes_corpus *c)
{
    char *s = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&s, &len);
    assert_non_null(f);
    for (size_t g = 0; g < ndupes_corpus_ngroups(c); g++) {
        fprintf(f, "group %lld:", (long long)ndupes_group_id(c, g));
        double score;
        const char *name;
        for (size_t i = 0; (name = ndupes_group_member(c, g, i, &score)); i++)
            fprintf(f, " %s(%.4f)", name, score);
        fputc('\n', f);
    }
    fclose(f);
    return s;
}

/* The names of each group, representative first, as "a b c|d e|". */
static char *group_names(const ndupes_corpus *c)
{
    char *s = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&s, &len);
    assert_non_null(f);
    for (size_t g = 0; g < ndupes_corpus_ngroups(c); g++) {
        const char *name;
        for (size_t i = 0; (name = ndupes_group_member(c, g, i, NULL)); i++)
            fprintf(f, "%s%s", i ? " " : "", name);
        fputc('|', f);
    }
    fclose(f);
    return s;
}

/* The index of the article named name, or SIZE_MAX. */
static size_t index_of(const ndupes_corpus *c, const char *name)
{
    for (size_t i = 0; i < ndupes_corpus_size(c); i++)
        if (strcmp(ndupes_corpus_name(c, i), name) == 0)
            return i;
    return SIZE_MAX;
}

/* ---- one group among unrelated articles ---- */

static void two_copies_among_unrelated_articles_are_one_group(void **state)
{
    (void)state;
    rng_state = 11;
    set s = {0};
    story u[6];
    uint64_t bytes = 0;
    for (int i = 0; i < 6; i++) {
        u[i] = new_story(5);
        char name[16];
        snprintf(name, sizeof name, "u%d.txt", i);
        add_art(&s, name, page("Home | News | Sport", &u[i], 5, -1, NULL, "Share"), 100);
    }
    story x = new_story(5);
    /* The copy: other chrome, the first sentence of its third paragraph reworded; its
     * file is older, and the text cannot tell which came first. */
    size_t ia = add_art(&s, "x-orig.txt", page("Home | News", &x, 5, -1, NULL, "Share"), 200);
    size_t ib = add_art(&s, "a-copy.txt",
                        page("Front page | Local", &x, 5, 2, NULL, "Follow us"), 150);
    for (size_t i = 0; i < s.n; i++)
        bytes += strlen(s.a[i].text);
    ndupes_config cfg = config(2);
    ndupes_corpus *c = load_ok(&s, &cfg);

    assert_int_equal(ndupes_corpus_size(c), 8);
    for (size_t i = 0; i < s.n; i++)
        assert_string_equal(ndupes_corpus_name(c, i), s.a[i].name);
    assert_null(ndupes_corpus_name(c, 8));
    assert_int_equal(ndupes_corpus_ngroups(c), 1);
    assert_int_equal(ndupes_group_size(c, 0), 2);
    assert_int_equal(ndupes_group_size(c, 1), 0);
    assert_int_equal(ndupes_group_id(c, 0), 1);
    assert_int_equal(ndupes_group_id(c, 1), 0);
    double s0 = 0, s1 = 0;
    /* The earliest mtime first. */
    assert_string_equal(ndupes_group_member(c, 0, 0, &s0), "a-copy.txt");
    assert_string_equal(ndupes_group_member(c, 0, 1, &s1), "x-orig.txt");
    assert_null(ndupes_group_member(c, 0, 2, NULL));
    assert_null(ndupes_group_member(c, 1, 0, NULL));
    assert_true(s0 == 1.0);
    assert_true(s1 >= cfg.threshold && s1 < 1.0);
    for (size_t i = 0; i < 8; i++)
        assert_int_equal(ndupes_corpus_group_of(c, i), i == ia || i == ib ? 0 : SIZE_MAX);
    assert_int_equal(ndupes_corpus_group_of(c, 8), SIZE_MAX);
    assert_int_equal(ndupes_corpus_group_of(c, SIZE_MAX), SIZE_MAX);

    /* compare: the pair's score as grouped (the member's best link), 1.0 for itself. */
    ndupes_score sc;
    assert_int_equal(ndupes_corpus_compare(c, ia, ib, &sc), NDUPES_OK);
    assert_true(sc.score >= cfg.threshold && sc.score < 1.0);
    assert_float_equal(sc.score, s1, 1e-6);
    ndupes_score sc2;
    assert_int_equal(ndupes_corpus_compare(c, ib, ia, &sc2), NDUPES_OK);
    assert_float_equal(sc2.score, sc.score, 1e-9);
    assert_int_equal(ndupes_corpus_compare(c, ia, ia, &sc), NDUPES_OK);
    assert_true(sc.score == 1.0);
    for (size_t i = 0; i < 6; i++) {
        assert_int_equal(ndupes_corpus_compare(c, ia, i, &sc), NDUPES_OK);
        assert_true(sc.score < cfg.threshold);
    }
    assert_int_equal(ndupes_corpus_compare(c, ia, 8, &sc), NDUPES_ERR_ARG);
    assert_int_equal(ndupes_corpus_compare(c, 8, ia, &sc), NDUPES_ERR_ARG);
    assert_int_equal(ndupes_corpus_compare(c, 0, 1, NULL), NDUPES_ERR_ARG);
    assert_int_equal(ndupes_corpus_compare(NULL, 0, 1, &sc), NDUPES_ERR_ARG);

    ndupes_stats st;
    ndupes_corpus_stats(c, &st);
    assert_int_equal(st.articles, 8);
    assert_int_equal(st.failed, 0);
    assert_int_equal(st.empty, 0);
    assert_int_equal(st.cp1252, 0);
    assert_int_equal(st.bytes, bytes);
    assert_true(st.candidates >= 1);
    assert_int_equal(st.scored, st.candidates);
    assert_int_equal(st.edges, 1);
    assert_int_equal(st.merges_refused, 0);
    assert_int_equal(ndupes_corpus_failed(c), 0);
    ndupes_corpus_free(c);

    /* The other way round in time: the other one first. */
    s.a[ia].mtime = 100;
    c = load_ok(&s, &cfg);
    assert_string_equal(ndupes_group_member(c, 0, 0, NULL), "x-orig.txt");
    ndupes_corpus_free(c);
    free_set(&s);
    for (int i = 0; i < 6; i++)
        free_story(&u[i]);
    free_story(&x);
}

/* A cut of an article (its first paragraphs) is not the representative, however old;
 * among copies the text cannot tell apart, the earliest mtime, then the most words, then
 * the name; groups are ordered by their representatives' names; members by score, then
 * name. */
static void representatives_and_order_as_documented(void **state)
{
    (void)state;
    rng_state = 12;
    set s = {0};
    story x = new_story(6), y = new_story(5), z = new_story(5), w = new_story(5);
    add_art(&s, "z-other.txt", page("Home", &z, 5, -1, NULL, "Share"), 10);
    /* Group x: the original (newest) and a cut of it (oldest). */
    add_art(&s, "0-cut.txt", page("Home", &x, 3, -1, NULL, "Share"), 10);
    add_art(&s, "x-full.txt", page("Home", &x, 6, -1, NULL, "Share"), 900);
    /* Group y: three identical copies of one mtime, a near copy that is newer. */
    add_art(&s, "m-one.txt", page("Home", &y, 5, -1, NULL, "Share"), 100);
    add_art(&s, "a-near.txt", page("Home", &y, 5, 1, NULL, "Share"), 200);
    add_art(&s, "k-three.txt", page("Home", &y, 5, -1, NULL, "Share"), 100);
    add_art(&s, "b-two.txt", page("Home", &y, 5, -1, NULL, "Share"), 100);
    /* Group w: one mtime, the text cannot tell (one has a sentence more): the most words
     * first, before the name. */
    text more = {0};
    put(&more, "");
    sentence(&more);
    add_art(&s, "w-short.txt", page("Home", &w, 5, -1, NULL, "Share"), 50);
    add_art(&s, "w-zlong.txt", page("Home", &w, 5, -1, more.p, "Share"), 50);
    free(more.p);
    ndupes_config cfg = config(1);
    ndupes_corpus *c = load_ok(&s, &cfg);
    char *d = describe(c);
    print_message("%s", d);
    assert_int_equal(ndupes_corpus_ngroups(c), 3);
    assert_string_equal(ndupes_group_member(c, 1, 0, NULL), "w-zlong.txt");
    assert_string_equal(ndupes_group_member(c, 1, 1, NULL), "w-short.txt");
    /* Ordered by representative: "b-two.txt" < "w-zlong.txt" < "x-full.txt". */
    double sc[4];
    assert_int_equal(ndupes_group_size(c, 0), 4);
    assert_string_equal(ndupes_group_member(c, 0, 0, &sc[0]), "b-two.txt");
    assert_string_equal(ndupes_group_member(c, 0, 1, &sc[1]), "k-three.txt");
    assert_string_equal(ndupes_group_member(c, 0, 2, &sc[2]), "m-one.txt");
    assert_string_equal(ndupes_group_member(c, 0, 3, &sc[3]), "a-near.txt");
    assert_true(sc[0] == 1.0 && sc[1] == 1.0 && sc[2] == 1.0);
    assert_true(sc[3] < 1.0 && sc[3] >= cfg.threshold);
    assert_int_equal(ndupes_group_size(c, 2), 2);
    assert_string_equal(ndupes_group_member(c, 2, 0, NULL), "x-full.txt");
    assert_string_equal(ndupes_group_member(c, 2, 1, &sc[1]), "0-cut.txt");
    assert_true(sc[1] == 1.0); /* wholly found in the original */
    assert_int_equal(ndupes_group_id(c, 0), 1);
    assert_int_equal(ndupes_group_id(c, 2), 3);
    /* Identical texts compare as 1.0. */
    ndupes_score cmp;
    assert_int_equal(ndupes_corpus_compare(c, index_of(c, "m-one.txt"),
                                           index_of(c, "b-two.txt"), &cmp),
                     NDUPES_OK);
    assert_true(cmp.score == 1.0);
    assert_int_equal(ndupes_corpus_group_of(c, index_of(c, "0-cut.txt")), 2);
    assert_int_equal(ndupes_corpus_group_of(c, index_of(c, "w-short.txt")), 1);
    assert_int_equal(ndupes_corpus_group_of(c, index_of(c, "a-near.txt")), 0);
    assert_int_equal(ndupes_corpus_group_of(c, index_of(c, "z-other.txt")), SIZE_MAX);
    free(d);
    ndupes_corpus_free(c);
    free_set(&s);
    free_story(&x), free_story(&y), free_story(&z), free_story(&w);
}

/* ---- pages the reader empties ---- */

/* A site's template: a short paragraph that reads like text (the reader keeps it). */
static const char TEMPLATE[] = "Our reporters cover the towns and the farms of the valley on "
                               "every day of the week.";


static char tmpdir[256];

static void write_file(const char *path, const char *body)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    assert_true(fputs(body, f) >= 0);
    assert_int_equal(fclose(f), 0);
}

static void identical_emptied_pages_are_grouped(void **state)
{
    (void)state;
    rng_state = 13;
    story u = new_story(5);
    char *article = page("Home", &u, 5, -1, NULL, "Share");
    /* From memory... */
    set s = {0};
    add_art(&s, "menu1.txt", strdup(MENU), 1);
    add_art(&s, "article.txt", strdup(article), 1);
    add_art(&s, "other-menu.txt", strdup(OTHER_MENU), 1);
    add_art(&s, "menu2.txt", strdup(MENU), 2);
    ndupes_config cfg = config(1);
    ndupes_corpus *c = load_ok(&s, &cfg);
    assert_int_equal(ndupes_corpus_ngroups(c), 1);
    assert_int_equal(ndupes_group_size(c, 0), 2);
    assert_string_equal(ndupes_group_member(c, 0, 0, NULL), "menu1.txt");
    assert_string_equal(ndupes_group_member(c, 0, 1, NULL), "menu2.txt");
    ndupes_score sc;
    assert_int_equal(ndupes_corpus_compare(c, 0, 3, &sc), NDUPES_OK);
    assert_true(sc.score == 1.0);
    ndupes_corpus_free(c);
    free_set(&s);

    /* ... and from files (the two copies under two names). */
    const char *names[4] = {"menu1.txt", "article.txt", "other-menu.txt", "menu2.txt"};
    const char *texts[4] = {MENU, article, OTHER_MENU, MENU};
    char paths[4][512];
    const char *p[4];
    for (int i = 0; i < 4; i++) {
        snprintf(paths[i], sizeof paths[i], "%s/%s", tmpdir, names[i]);
        write_file(paths[i], texts[i]);
        p[i] = paths[i];
    }
    ndupes_status st;
    c = ndupes_corpus_create(&cfg, &st);
    assert_non_null(c);
    assert_int_equal(ndupes_corpus_add_files(c, p, 4), NDUPES_OK);
    assert_int_equal(ndupes_corpus_group(c), NDUPES_OK);
    assert_int_equal(ndupes_corpus_ngroups(c), 1);
    assert_int_equal(ndupes_group_size(c, 0), 2);
    ndupes_stats stats;
    ndupes_corpus_stats(c, &stats);
    assert_int_equal(stats.articles, 4);
    assert_int_equal(stats.empty, 3); /* the three menu pages */
    ndupes_corpus_free(c);
    for (int i = 0; i < 4; i++)
        unlink(paths[i]);
    free(article);
    free_story(&u);
}

/* Two copies of a page whose only text is its site's template: once the template is
 * learned (three other pages of the site have it), they have no text left, and only the
 * hash of the whole page tells they are one. */
static void identical_pages_left_without_text_are_grouped(void **state)
{
    (void)state;
    rng_state = 17;
    set s = {0};
    story u[3];
    for (int i = 0; i < 3; i++) {
        u[i] = new_story(4);
        char name[16];
        snprintf(name, sizeof name, "site%d.txt", i);
        add_art(&s, name, page("Meridian | Home", &u[i], 4, -1, TEMPLATE, "Share"), 1);
    }
    story none = {.np = 0};
    add_art(&s, "empty1.txt", page("Meridian | Home", &none, 0, -1, TEMPLATE, "Share"), 2);
    add_art(&s, "empty2.txt", page("Meridian | Home", &none, 0, -1, TEMPLATE, "Share"), 3);
    ndupes_config cfg = config(1);
    ndupes_corpus *c = load_ok(&s, &cfg);
    char *names = group_names(c);
    assert_string_equal(names, "empty1.txt empty2.txt|");
    ndupes_stats st;
    ndupes_corpus_stats(c, &st);
    assert_int_equal(st.templates, 5);
    ndupes_score sc;
    assert_int_equal(ndupes_corpus_compare(c, 3, 4, &sc), NDUPES_OK);
    assert_true(sc.score == 1.0);
    free(names);
    ndupes_corpus_free(c);
    free_set(&s);
    for (int i = 0; i < 3; i++)
        free_story(&u[i]);
}

typedef struct errors {
    unsigned n;
    char last[512];
} errors;

static void on_log(void *ctx, ndupes_level level, const char *path, const char *msg)
{
    errors *e = ctx;
    if (level == NDUPES_LOG_ERROR) {
        e->n++;
        snprintf(e->last, sizeof e->last, "%s: %s", path ? path : "(none)", msg);
    }
}

/* A file given twice, or under a second name (a hard link), is one article; a file that
 * cannot be read is reported through the log and counted, and the others are read. */
static void add_files_reads_a_file_once_and_reports_the_unreadable(void **state)
{
    (void)state;
    rng_state = 18;
    story u = new_story(4);
    char *article = page("Home", &u, 4, -1, NULL, "Share");
    char a[512], link_name[512], missing[512];
    snprintf(a, sizeof a, "%s/a.txt", tmpdir);
    snprintf(link_name, sizeof link_name, "%s/hard.txt", tmpdir);
    snprintf(missing, sizeof missing, "%s/missing.txt", tmpdir);
    write_file(a, article);
    assert_int_equal(link(a, link_name), 0);
    const char *paths[4] = {a, missing, a, link_name};
    ndupes_config cfg = config(2);
    ndupes_corpus *c = ndupes_corpus_create(&cfg, NULL);
    assert_non_null(c);
    errors e = {0};
    ndupes_corpus_set_log(c, on_log, &e);
    assert_int_equal(ndupes_corpus_add_files(c, paths, 4), NDUPES_OK);
    assert_int_equal(ndupes_corpus_size(c), 1);
    assert_string_equal(ndupes_corpus_name(c, 0), a);
    assert_int_equal(ndupes_corpus_failed(c), 1);
    assert_int_equal(e.n, 1);
    assert_non_null(strstr(e.last, "missing.txt: No such file or directory"));
    assert_int_equal(ndupes_corpus_add_files(c, NULL, 1), NDUPES_ERR_ARG);
    assert_int_equal(ndupes_corpus_add_files(c, NULL, 0), NDUPES_OK);
    /* Added again later: still one. */
    assert_int_equal(ndupes_corpus_add_files(c, paths, 1), NDUPES_OK);
    assert_int_equal(ndupes_corpus_size(c), 1);
    assert_int_equal(ndupes_corpus_group(c), NDUPES_OK);
    assert_int_equal(ndupes_corpus_ngroups(c), 0);
    ndupes_stats st;
    ndupes_corpus_stats(c, &st);
    assert_int_equal(st.failed, 1);
    assert_int_equal(st.articles, 1);
    assert_int_equal(st.bytes, strlen(article));
    ndupes_corpus_free(c);
    unlink(a);
    unlink(link_name);
    free(article);
    free_story(&u);
}

/* ndupes_corpus_add_text counts pages fingerprinted whole in stats.empty and Windows-1252
 * pages in stats.cp1252, as ndupes_corpus_add_files does (read.c's admit): the same pages,
 * the same stats, whichever way they came (once a bug: add_text counted neither). */
static void add_text_counts_empty_and_cp1252_as_add_files_does(void **state)
{
    (void)state;
    static const char cp1252[] = "The caf\xE9 on the corner of the square was closed on "
                                 "Monday for the first time in forty years, and its owner "
                                 "said that he would not open it again this summer.\n";
    ndupes_config cfg = config(1);
    ndupes_corpus *c = ndupes_corpus_create(&cfg, NULL);
    assert_non_null(c);
    assert_int_equal(ndupes_corpus_add_text(c, "menu.txt", MENU, strlen(MENU), 1), NDUPES_OK);
    assert_int_equal(ndupes_corpus_add_text(c, "cafe.txt", cp1252, strlen(cp1252), 1),
                     NDUPES_OK);
    ndupes_stats st;
    ndupes_corpus_stats(c, &st);
    ndupes_corpus_free(c);
    assert_int_equal(st.articles, 2);
    assert_int_equal(st.empty, 1);
    assert_int_equal(st.cp1252, 1);
}

/* ndupes_stats.paragraphs and .kept count the pages' paragraphs and those the reader kept
 * (once a bug: they were never filled). */
static void stats_count_paragraphs_and_kept(void **state)
{
    (void)state;
    rng_state = 14;
    story u = new_story(5);
    char *a = page("Home | News | Sport", &u, 5, -1, NULL, "Share this article");
    ndupes_config cfg = config(1);
    ndupes_corpus *c = ndupes_corpus_create(&cfg, NULL);
    assert_non_null(c);
    assert_int_equal(ndupes_corpus_add_text(c, "a.txt", a, strlen(a), 1), NDUPES_OK);
    assert_int_equal(ndupes_corpus_group(c), NDUPES_OK);
    ndupes_stats st;
    ndupes_corpus_stats(c, &st);
    ndupes_corpus_free(c);
    free(a);
    free_story(&u);
    assert_int_equal(st.paragraphs, 7);
    assert_int_equal(st.kept, 5);
}

/* ---- a mixed set: the same groups whatever the jobs, with or without the LSH ---- */


/* 12 unrelated articles (four of one site, with its template paragraph), an original with
 * a reworded copy and a cut, an article with an exact copy, two identical menu pages, one
 * other menu page (the groups: MIXED_GROUPS below). */
static void mixed_set(set *s)
{
    rng_state = 15;
    story st[14];
    for (int i = 0; i < 14; i++)
        st[i] = new_story(5);
    for (int i = 0; i < 12; i++) {
        char name[16];
        snprintf(name, sizeof name, "u%02d.txt", i);
        bool site = i % 3 == 0;
        add_art(s, name, page(site ? "Meridian | Home" : "Home", &st[i], 5, -1,
                              site ? TEMPLATE : NULL, "Share"), 1000 + i);
    }
    add_art(s, "g1-orig.txt", page("Home", &st[12], 5, -1, NULL, "Share"), 10);
    add_art(s, "g1-reworded.txt", page("Top", &st[12], 5, 3, NULL, "Follow"), 20);
    add_art(s, "g1-cut.txt", page("Home", &st[12], 3, -1, NULL, "Share"), 5);
    add_art(s, "g2-a.txt", page("Home", &st[13], 5, -1, NULL, "Share"), 30);
    add_art(s, "g2-b.txt", page("Home", &st[13], 5, -1, NULL, "Share"), 30);
    add_art(s, "menu-a.txt", strdup(MENU), 40);
    add_art(s, "menu-other.txt", strdup(OTHER_MENU), 40);
    add_art(s, "menu-b.txt", strdup(MENU), 41);
    for (int i = 0; i < 14; i++)
        free_story(&st[i]);
}

/* The cut is wholly found in the original: it scores 1 (containment), above the reworded
 * copy; the exact copies and the menus by their mtimes. */
static const char MIXED_GROUPS[] =
    "g1-orig.txt g1-cut.txt g1-reworded.txt|g2-a.txt g2-b.txt|menu-a.txt menu-b.txt|";

static void same_groups_whatever_the_jobs(void **state)
{
    (void)state;
    set s = {0};
    mixed_set(&s);
    char *ref = NULL;
    ndupes_stats ref_stats;
    static const unsigned jobs[] = {1, 2, 4};
    for (size_t j = 0; j < 3; j++) {
        ndupes_config cfg = config(jobs[j]);
        ndupes_corpus *c = load_ok(&s, &cfg);
        char *names = group_names(c);
        assert_string_equal(names, MIXED_GROUPS);
        free(names);
        char *d = describe(c);
        ndupes_stats st;
        ndupes_corpus_stats(c, &st);
        assert_true(st.templates >= 4); /* the site's paragraph, in four files */
        if (!ref) {
            ref = d;
            ref_stats = st;
            print_message("%s", d);
        } else {
            assert_string_equal(d, ref);
            assert_int_equal(st.candidates, ref_stats.candidates);
            assert_int_equal(st.edges, ref_stats.edges);
            assert_int_equal(st.templates, ref_stats.templates);
            free(d);
        }
        ndupes_corpus_free(c);
    }
    free(ref);
    free_set(&s);
}

static void exhaustive_finds_the_groups_of_the_lsh(void **state)
{
    (void)state;
    set s = {0};
    mixed_set(&s);
    ndupes_config cfg = config(2);
    ndupes_corpus *c = load_ok(&s, &cfg);
    char *lsh = describe(c);
    ndupes_stats ls;
    ndupes_corpus_stats(c, &ls);
    ndupes_corpus_free(c);
    cfg.exhaustive = 1;
    c = load_ok(&s, &cfg);
    char *all = describe(c);
    char *names = group_names(c);
    ndupes_stats es;
    ndupes_corpus_stats(c, &es);
    ndupes_corpus_free(c);
    assert_string_equal(names, MIXED_GROUPS);
    assert_string_equal(all, lsh);
    /* Every pair scored: the exact copies count once (g2-b, menu-b left out). */
    size_t m = s.n - 2;
    assert_int_equal(es.candidates, m * (m - 1) / 2);
    assert_true(ls.candidates < es.candidates);
    assert_int_equal(es.scored, es.candidates);
    free(lsh), free(all), free(names);
    free_set(&s);
}

/* ndupes_corpus_group may be called again after more articles are added: the groups are
 * those of all the articles, wherever the first call was made (before or after the site's
 * template was seen three times, between the copies of a story). */
static void grouping_again_after_more_articles(void **state)
{
    (void)state;
    set s = {0};
    mixed_set(&s);
    ndupes_config cfg = config(2);
    for (size_t split = 1; split < s.n; split++) {
        ndupes_corpus *c = ndupes_corpus_create(&cfg, NULL);
        assert_non_null(c);
        for (size_t i = 0; i < s.n; i++) {
            if (i == split)
                assert_int_equal(ndupes_corpus_group(c), NDUPES_OK);
            assert_int_equal(ndupes_corpus_add_text(c, s.a[i].name, s.a[i].text,
                                                    strlen(s.a[i].text), s.a[i].mtime),
                             NDUPES_OK);
        }
        assert_int_equal(ndupes_corpus_group(c), NDUPES_OK);
        char *names = group_names(c);
        if (strcmp(names, MIXED_GROUPS) != 0)
            fail_msg("grouped first after %zu articles: %s", split, names);
        free(names);
        /* And once more with nothing new: the same. */
        assert_int_equal(ndupes_corpus_group(c), NDUPES_OK);
        names = group_names(c);
        assert_string_equal(names, MIXED_GROUPS);
        free(names);
        ndupes_corpus_free(c);
    }
    free_set(&s);
}

static void bad_configurations_are_refused(void **state)
{
    (void)state;
    ndupes_config cfg = config(1);
    ndupes_status st = NDUPES_OK;
    cfg.threshold = 0;
    assert_null(ndupes_corpus_create(&cfg, &st));
    assert_int_equal(st, NDUPES_ERR_ARG);
    cfg = config(1);
    cfg.shingle = 9;
    st = NDUPES_OK;
    assert_null(ndupes_corpus_create(&cfg, &st));
    assert_int_equal(st, NDUPES_ERR_ARG);
    cfg = config(1);
    cfg.shingle = 1;
    assert_null(ndupes_corpus_create(&cfg, NULL));
    cfg = config(257);
    assert_null(ndupes_corpus_create(&cfg, NULL));
    /* The defaults, and an empty corpus grouped. */
    ndupes_corpus *c = ndupes_corpus_create(NULL, &st);
    assert_non_null(c);
    assert_int_equal(st, NDUPES_OK);
    assert_int_equal(ndupes_corpus_group(c), NDUPES_OK);
    assert_int_equal(ndupes_corpus_ngroups(c), 0);
    assert_int_equal(ndupes_corpus_size(c), 0);
    assert_int_equal(ndupes_corpus_add_text(c, NULL, "x", 1, 0), NDUPES_ERR_ARG);
    assert_int_equal(ndupes_corpus_add_text(c, "x", NULL, 1, 0), NDUPES_ERR_ARG);
    assert_int_equal(ndupes_corpus_add_text(c, "bin", "\x7f" "ELF\0\0\0\0\0\0", 10, 0),
                     NDUPES_ERR_BINARY);
    assert_int_equal(ndupes_corpus_size(c), 0);
    ndupes_corpus_free(c);
    ndupes_corpus_free(NULL);
}

/* ---- allocation failures ---- */

#define LIMIT 200000UL

typedef struct alloc_ctx {
    const set *s;
    unsigned jobs;
    int exhaustive;
} alloc_ctx;

/* One run: the set added and grouped; the groups described when it succeeds. */
static ndupes_status run_once(const alloc_ctx *k, char **out)
{
    ndupes_config cfg = config(k->jobs);
    cfg.exhaustive = k->exhaustive;
    ndupes_status st = NDUPES_OK;
    ndupes_corpus *c = load(k->s, &cfg, &st);
    if (c) {
        nd_test_fail_alloc(0, 0); /* describing is not under test */
        *out = describe(c);
        ndupes_corpus_free(c);
    }
    return st;
}

/* Fails allocation n for n = 1, 2, ... until a run with every allocation from n on
 * failing still succeeds (then the run makes fewer than n). */
static void inject(const char *what, const alloc_ctx *k)
{
    char *ref = NULL;
    nd_test_fail_alloc(0, 0);
    assert_int_equal(run_once(k, &ref), NDUPES_OK);
    unsigned long n, absorbed = 0;
    for (n = 1; n < LIMIT; n++) {
        char *got = NULL;
        nd_test_fail_alloc(n, 0);
        ndupes_status st = run_once(k, &got);
        nd_test_fail_alloc(0, 0);
        if (st != NDUPES_OK && st != NDUPES_ERR_NOMEM)
            fail_msg("%s: allocation %lu failing: %s", what, n, ndupes_strerror(st));
        if (st == NDUPES_OK) {
            absorbed++;
            if (strcmp(got, ref) != 0)
                fail_msg("%s: allocation %lu failing: OK but other groups:\n%s--- instead "
                         "of ---\n%s", what, n, got, ref);
        }
        free(got);
        got = NULL;
        nd_test_fail_alloc(n, 1);
        st = run_once(k, &got);
        nd_test_fail_alloc(0, 0);
        assert_true(st == NDUPES_OK || st == NDUPES_ERR_NOMEM);
        free(got);
        if (st == NDUPES_OK)
            break;
    }
    assert_true(n < LIMIT);
    print_message("%s: %lu allocations, each failed once (%lu absorbed)\n", what, n - 1,
                  absorbed ? absorbed - 1 : 0);
    free(ref);
}

static void every_allocation_failure_is_reported_or_absorbed(void **state)
{
    (void)state;
    set s = {0};
    rng_state = 16;
    story a = new_story(4), b = new_story(4), u = new_story(3);
    add_art(&s, "a1.txt", page("Meridian | Home", &a, 4, -1, TEMPLATE, "Share"), 1);
    add_art(&s, "a2.txt", page("Top", &a, 4, 2, TEMPLATE, "Follow"), 2);
    add_art(&s, "b1.txt", page("Meridian | Home", &b, 4, -1, TEMPLATE, "Share"), 3);
    add_art(&s, "b2.txt", page("Meridian | Home", &b, 4, -1, NULL, "Share"), 4);
    add_art(&s, "u.txt", page("Home", &u, 3, -1, NULL, "Share"), 5);
    add_art(&s, "m1.txt", strdup(MENU), 6);
    add_art(&s, "m2.txt", strdup(MENU), 7);
    alloc_ctx k = {&s, 1, 0};
    inject("corpus, 1 job", &k);
    k.jobs = 2;
    inject("corpus, 2 jobs", &k);
    k.exhaustive = 1;
    inject("corpus, 2 jobs, exhaustive", &k);
    free_set(&s);
    free_story(&a), free_story(&b), free_story(&u);
}

static int setup(void **state)
{
    (void)state;
    const char *t = getenv("TMPDIR");
    snprintf(tmpdir, sizeof tmpdir, "%s/ndupes-corpus.XXXXXX", t && *t ? t : "/tmp");
    return mkdtemp(tmpdir) ? 0 : -1;
}

/* Removes the folder, with what a failed test may have left in it. */
static int teardown(void **state)
{
    (void)state;
    nd_test_fail_alloc(0, 0);
    DIR *d = opendir(tmpdir);
    if (!d)
        return -1;
    struct dirent *e;
    char path[768];
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
            snprintf(path, sizeof path, "%s/%s", tmpdir, e->d_name);
            remove(path);
        }
    closedir(d);
    return rmdir(tmpdir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(two_copies_among_unrelated_articles_are_one_group),
        cmocka_unit_test(representatives_and_order_as_documented),
        cmocka_unit_test(identical_emptied_pages_are_grouped),
        cmocka_unit_test(identical_pages_left_without_text_are_grouped),
        cmocka_unit_test(add_files_reads_a_file_once_and_reports_the_unreadable),
        cmocka_unit_test(add_text_counts_empty_and_cp1252_as_add_files_does),
        cmocka_unit_test(stats_count_paragraphs_and_kept),
        cmocka_unit_test(same_groups_whatever_the_jobs),
        cmocka_unit_test(exhaustive_finds_the_groups_of_the_lsh),
        cmocka_unit_test(grouping_again_after_more_articles),
        cmocka_unit_test(bad_configurations_are_refused),
        cmocka_unit_test(every_allocation_failure_is_reported_or_absorbed),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
