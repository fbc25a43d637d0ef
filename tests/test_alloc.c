/*
 * test_alloc.c - out-of-memory handling, by failing library allocations one at a time
 * (src/common/alloc.c's nd_test_fail_alloc hook (nd_test.h), over the whole pipeline).
 *
 * For n = 1, 2, ... a scenario is run with the n-th allocation failing: every call must
 * return NDUPES_OK or NDUPES_ERR_NOMEM (never crash), an OK result must equal the result
 * of a run without failures, and everything must be freed (the sanitizer build checks for
 * leaks at exit).  The loop ends at the first n for which a sticky failure (the n-th and
 * every later allocation) still lets the scenario succeed: then the scenario makes fewer
 * than n allocations, and every one of them has been failed once.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ndupes.h"
#include "nd_test.h"

#define LIMIT 200000UL /* a scenario with more allocations than this is a test bug */

static char *slurp(const char *name, size_t *len)
{
    const char *src = getenv("SRCDIR");
    char path[1024];
    snprintf(path, sizeof path, "%s/samples/%s", src ? src : ".", name);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    assert_non_null(buf);
    size_t r;
    while ((r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            cap *= 2;
            buf = realloc(buf, cap);
            assert_non_null(buf);
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

/* A scenario: runs some library calls, frees everything, returns the first status that
 * was not OK; *out (malloc'd, may be NULL) receives a description of a successful run's
 * result, to compare with the run without failures. */
typedef ndupes_status (*scenario)(void *ctx, char **out);

typedef struct stats {
    unsigned long allocs, ok_with_failure, wrong;
} stats;

static stats inject(const char *what, scenario fn, void *ctx)
{
    stats s = {0, 0, 0};
    char *ref = NULL;
    nd_test_fail_alloc(0, 0);
    assert_int_equal(fn(ctx, &ref), NDUPES_OK);
    unsigned long n;
    for (n = 1; n < LIMIT; n++) {
        char *got = NULL;
        nd_test_fail_alloc(n, 0);
        ndupes_status st = fn(ctx, &got);
        nd_test_fail_alloc(0, 0);
        if (st != NDUPES_OK && st != NDUPES_ERR_NOMEM)
            print_message("%s: allocation %lu failing: %s\n", what, n, ndupes_strerror(st));
        assert_true(st == NDUPES_OK || st == NDUPES_ERR_NOMEM);
        if (st == NDUPES_OK) {
            /* The failure was absorbed: the result must still be right. */
            s.ok_with_failure++;
            if (!got || strcmp(got, ref) != 0) {
                if (s.wrong++ < 5)
                    print_message("%s: allocation %lu failing: OK, but a different result:\n"
                                  "%s--- instead of ---\n%s", what, n, got ? got : "(none)\n", ref);
            }
        }
        free(got);
        got = NULL;

        nd_test_fail_alloc(n, 1);
        st = fn(ctx, &got);
        nd_test_fail_alloc(0, 0);
        assert_true(st == NDUPES_OK || st == NDUPES_ERR_NOMEM);
        free(got);
        if (st == NDUPES_OK) {
            /* Fewer than n allocations: all of them tried, and the run above with the
             * n-th failing failed nothing. */
            s.ok_with_failure--;
            break;
        }
    }
    assert_true(n < LIMIT);
    s.allocs = n - 1;
    print_message("%s: %lu allocations, each failed once (%lu absorbed, %lu of them with a "
                  "different result)\n", what, s.allocs, s.ok_with_failure, s.wrong);
    free(ref);
    return s;
}

/* ---- scenarios ---- */

typedef struct buf {
    const char *p;
    size_t len;
} buf;

/* A description of a document: each paragraph's line, reason and text. */
static char *describe_doc(const ndupes_doc *doc)
{
    size_t cap = 4096, n = 0;
    char *s = malloc(cap);
    assert_non_null(s);
    s[0] = '\0';
    for (size_t i = 0; i < ndupes_doc_count(doc); i++) {
        const ndupes_para *p = ndupes_doc_para(doc, i);
        assert_non_null(p);
        size_t need = strlen(p->text) + strlen(p->norm) + 64;
        if (n + need > cap) {
            cap = (n + need) * 2;
            s = realloc(s, cap);
            assert_non_null(s);
        }
        n += (size_t)snprintf(s + n, cap - n, "%u %s %s|%s\n", p->line,
                              ndupes_reason_name(p->reason), p->text, p->norm);
    }
    return s;
}

static ndupes_status parse_one(void *ctx, char **out)
{
    const buf *b = ctx;
    ndupes_doc *doc = NULL;
    ndupes_status st = ndupes_doc_parse(b->p, b->len, NULL, &doc);
    if (st == NDUPES_OK) {
        assert_non_null(doc);
        nd_test_fail_alloc(0, 0); /* describing is not under test */
        *out = describe_doc(doc);
    } else {
        assert_null(doc);
    }
    ndupes_doc_free(doc);
    return st;
}

static void doc_parse_survives_every_failure_on_seed_pages(void **state)
{
    (void)state;
    static const char *const seeds[] = {"foxnews-odesa.txt", "cgtn-florida.txt",
                                        "moscowtimes-florida.txt"};
    for (size_t i = 0; i < 3; i++) {
        buf b;
        char *data = slurp(seeds[i], &b.len);
        b.p = data;
        stats s = inject(seeds[i], parse_one, &b);
        free(data);
        assert_int_equal(s.wrong, 0);
    }
}

static void doc_parse_survives_every_failure_on_odd_text(void **state)
{
    (void)state;
    /* Windows-1252, entities, CRLF, non-ASCII needing NFKC, a hard-wrapped paragraph. */
    static const char text[] =
        "\xEF\xBB\xBF\x93Quoted\x94 caf\xE9 &amp; &#8217; &foo; \xEF\xAC\x81nal\r\n\r\n"
        "The city council met on Monday evening to discuss the new budget for the\r\n"
        "coming year, and members of the public were invited to speak about the\r\n"
        "plans for schools, roads and the library. Several residents said that the\r\n"
        "proposed cuts to the library would hurt families who rely on it for help\r\n"
        "with homework.\r\n\r\nStra\xC3\x9F" "e \xEF\xBC\xA1\xEF\xBC\xA2 end.\r\n";
    buf b = {text, sizeof text - 1};
    assert_int_equal(inject("odd text", parse_one, &b).wrong, 0);
}

typedef struct pair_ctx {
    buf a, b;
} pair_ctx;

static ndupes_status compare_two(void *ctx, char **out)
{
    const pair_ctx *c = ctx;
    ndupes_doc *a = NULL, *b = NULL;
    ndupes_status st = ndupes_doc_parse(c->a.p, c->a.len, NULL, &a);
    if (st == NDUPES_OK)
        st = ndupes_doc_parse(c->b.p, c->b.len, NULL, &b);
    ndupes_score s;
    if (st == NDUPES_OK)
        st = ndupes_doc_compare(a, b, NULL, &s);
    if (st == NDUPES_OK) {
        *out = malloc(128);
        assert_non_null(*out);
        snprintf(*out, 128, "%.6f %.6f %u %u", s.score, s.jaccard, s.shingles_a, s.shingles_b);
    }
    ndupes_doc_free(a);
    ndupes_doc_free(b);
    return st;
}

static void doc_compare_survives_every_failure(void **state)
{
    (void)state;
    char *x, *y;
    pair_ctx c;
    x = slurp("foxnews-odesa.txt", &c.a.len);
    y = slurp("trn-odesa.txt", &c.b.len);
    c.a.p = x;
    c.b.p = y;
    stats s = inject("compare fox/trn", compare_two, &c);
    free(x);
    free(y);
    assert_int_equal(s.wrong, 0);
}

/* The groups a corpus wrote, as text. */
static char *groups_text(const ndupes_corpus *c)
{
    char *s = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&s, &len);
    assert_non_null(f);
    assert_int_equal(ndupes_write_groups(c, f, NDUPES_FORMAT_TSV, 0), NDUPES_OK);
    fclose(f);
    return s;
}

typedef struct corpus_ctx {
    const char *const *names;
    char **data;
    size_t *len, n;
    unsigned template_min_files;
} corpus_ctx;

static ndupes_status corpus_texts(void *ctx, char **out)
{
    const corpus_ctx *k = ctx;
    ndupes_config cfg;
    ndupes_config_init(&cfg);
    cfg.jobs = 1;
    cfg.template_min_files = k->template_min_files;
    ndupes_status st = NDUPES_OK;
    ndupes_corpus *c = ndupes_corpus_create(&cfg, &st);
    if (!c) {
        assert_int_equal(st, NDUPES_ERR_NOMEM);
        return st;
    }
    for (size_t i = 0; i < k->n && st == NDUPES_OK; i++)
        st = ndupes_corpus_add_text(c, k->names[i], k->data[i], k->len[i], (int64_t)i);
    if (st == NDUPES_OK)
        st = ndupes_corpus_group(c);
    if (st == NDUPES_OK) {
        nd_test_fail_alloc(0, 0);
        *out = groups_text(c);
    }
    ndupes_corpus_free(c);
    return st;
}

static const char *const SEEDS[] = {"foxnews-odesa.txt", "internewscast-odesa.txt",
                                    "trn-odesa.txt", "cgtn-florida.txt",
                                    "moscowtimes-florida.txt"};

static void corpus_survives_every_failure(void **state)
{
    (void)state;
    char *data[5];
    size_t len[5];
    for (size_t i = 0; i < 5; i++)
        data[i] = slurp(SEEDS[i], &len[i]);
    corpus_ctx k = {SEEDS, data, len, 5, 0};
    /* Without template learning (no short paragraphs held back)... */
    stats s1 = inject("corpus of the seeds, no templates", corpus_texts, &k);
    /* ...and with it (the default): short paragraphs wait for the template count. */
    k.template_min_files = 3;
    stats s2 = inject("corpus of the seeds, templates", corpus_texts, &k);
    for (size_t i = 0; i < 5; i++)
        free(data[i]);
    assert_int_equal(s1.wrong, 0);
    assert_int_equal(s2.wrong, 0);
}

static ndupes_status corpus_files(void *ctx, char **out)
{
    const char *const *paths = ctx;
    ndupes_config cfg;
    ndupes_config_init(&cfg);
    cfg.jobs = 1;
    ndupes_status st = NDUPES_OK;
    ndupes_corpus *c = ndupes_corpus_create(&cfg, &st);
    if (!c)
        return st;
    st = ndupes_corpus_add_files(c, paths, 5);
    if (st == NDUPES_OK)
        assert_int_equal(ndupes_corpus_failed(c), 0);
    if (st == NDUPES_OK)
        st = ndupes_corpus_group(c);
    if (st == NDUPES_OK) {
        nd_test_fail_alloc(0, 0);
        *out = groups_text(c);
    }
    ndupes_corpus_free(c);
    return st;
}

static void corpus_from_files_survives_every_failure(void **state)
{
    (void)state;
    const char *src = getenv("SRCDIR");
    char paths[5][1024];
    const char *p[5];
    for (size_t i = 0; i < 5; i++) {
        snprintf(paths[i], sizeof paths[i], "%s/samples/%s", src ? src : ".", SEEDS[i]);
        p[i] = paths[i];
    }
    assert_int_equal(inject("corpus of the seed files", corpus_files, (void *)p).wrong, 0);
}

static ndupes_status metrics(void *ctx, char **out)
{
    (void)ctx;
    size_t t[] = {0, 0, 1, 1, 2}, p[] = {0, 0, 0, 1, 2};
    ndupes_metrics m;
    ndupes_status st = ndupes_metrics_compute(t, p, 5, &m);
    if (st == NDUPES_OK) {
        *out = malloc(64);
        assert_non_null(*out);
        snprintf(*out, 64, "%.6f %.6f", m.f1, m.ari);
    }
    return st;
}

static void metrics_survive_every_failure(void **state)
{
    (void)state;
    assert_int_equal(inject("metrics", metrics, NULL).wrong, 0);
}

/* ---- sticky mode, explicitly ---- */

static void sticky_failure_from_the_first_allocation(void **state)
{
    (void)state;
    nd_test_fail_alloc(1, 1);
    ndupes_doc *doc = (ndupes_doc *)1;
    ndupes_status st = ndupes_doc_parse("Some text here.", 15, NULL, &doc);
    ndupes_status cst = NDUPES_OK;
    ndupes_corpus *c = ndupes_corpus_create(NULL, &cst);
    size_t t[] = {0, 1};
    ndupes_metrics m;
    ndupes_status mst = ndupes_metrics_compute(t, t, 2, &m);
    nd_test_fail_alloc(0, 0);
    assert_int_equal(st, NDUPES_ERR_NOMEM);
    assert_null(doc);
    assert_null(c);
    assert_int_equal(cst, NDUPES_ERR_NOMEM);
    assert_int_equal(mst, NDUPES_ERR_NOMEM);
}

static void injection_off_after_reset(void **state)
{
    (void)state;
    nd_test_fail_alloc(3, 1);
    nd_test_fail_alloc(0, 0);
    ndupes_doc *doc = NULL;
    assert_int_equal(ndupes_doc_parse("Some text here.", 15, NULL, &doc), NDUPES_OK);
    ndupes_doc_free(doc);
}

static int reset(void **state)
{
    (void)state;
    nd_test_fail_alloc(0, 0);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(sticky_failure_from_the_first_allocation, reset),
        cmocka_unit_test_teardown(injection_off_after_reset, reset),
        cmocka_unit_test_teardown(metrics_survive_every_failure, reset),
        cmocka_unit_test_teardown(doc_parse_survives_every_failure_on_seed_pages, reset),
        cmocka_unit_test_teardown(doc_parse_survives_every_failure_on_odd_text, reset),
        cmocka_unit_test_teardown(doc_compare_survives_every_failure, reset),
        cmocka_unit_test_teardown(corpus_from_files_survives_every_failure, reset),
        cmocka_unit_test_teardown(corpus_survives_every_failure, reset),
    };
    int r = cmocka_run_group_tests(tests, NULL, reset);
    nd_test_fail_alloc(0, 0);
    return r;
}
