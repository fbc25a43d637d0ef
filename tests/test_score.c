/*
 * test_score.c - scoring pairs of articles through ndupes_doc_compare (src/match/score.c,
 * src/match/compare.c, src/sketch/fingerprint.c).
 *
 * The articles are generated here from a fixed seed: sentences of invented words and
 * English function words, so that two articles share a 5-word run only when the test
 * puts it in both.  The exact shingle sets are computed in the test by its own tokenizer
 * (ASCII words, per paragraph), and the library's estimates are compared with them.  The
 * seed pages give the real cases: every pair within a story at or above the default
 * threshold, every pair across the two stories below it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ndupes.h"
#include "nd_internal.h"
#include "testgen.h"

#define K 5 /* NDUPES_DEFAULT_SHINGLE */
#define SKETCH 256 /* the article sketch size: the estimate's sample size */

/* ---- a text generator ---- */


/* An invented word of 2 or 3 syllables (24^2 + 24^3 possible words). */
static void word(char *w, size_t n)
{
    int ns = 2 + (int)(rnd() % 2);
    w[0] = '\0';
    for (int i = 0; i < ns; i++)
        strncat(w, syll[rnd() % 24], n - strlen(w) - 1);
}

/* A sentence of about nw words: content words with a function word after every one or
 * two of them; a capital first letter and a full stop. */
static void sentence(text *t, int nw)
{
    char w[16];
    for (int i = 0; i < nw; i++) {
        if (i && rnd() % 5 != 0 && (i % 2 == 1 || rnd() % 3 == 0))
            snprintf(w, sizeof w, "%s", stop[rnd() % 16]);
        else
            word(w, sizeof w);
        if (i == 0)
            w[0] = (char)toupper((unsigned char)w[0]);
        else
            put(t, (rnd() % 9 == 0) ? ", " : " ");
        put(t, w);
    }
    put(t, ".");
}

/* A narrative paragraph: three sentences of 11 to 16 words. */
static void paragraph(text *t)
{
    for (int s = 0; s < 3; s++) {
        if (s)
            put(t, " ");
        sentence(t, 11 + (int)(rnd() % 6));
    }
}

/* A direct quote of nw words (the words only, no quote marks). */
static char *quote(int nw)
{
    text q = {0};
    sentence(&q, nw);
    return q.p;
}

/* A paragraph that frames quote q: "<sentence> "<q>" said <name>." */
static void quote_paragraph(text *t, const char *q)
{
    sentence(t, 12);
    put(t, " \"");
    put(t, q);
    put(t, "\" said ");
    char w[16];
    word(w, sizeof w);
    w[0] = (char)toupper((unsigned char)w[0]);
    put(t, w);
    put(t, ".");
}

/* An article of n narrative paragraphs, separated by blank lines. */
static void article(text *t, int n)
{
    for (int i = 0; i < n; i++) {
        if (t->len)
            put(t, "\n\n");
        paragraph(t);
    }
}

/* ---- exact shingles, by the test's own tokenizer ---- */

typedef struct shset {
    uint64_t *v;
    size_t n, cap;
} shset;

static void shpush(shset *s, uint64_t h)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 256;
        s->v = realloc(s->v, s->cap * sizeof *s->v);
        assert_non_null(s->v);
    }
    s->v[s->n++] = h;
}

static int cmp64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return (a > b) - (a < b);
}

static void shuniq(shset *s)
{
    if (s->n < 2)
        return;
    qsort(s->v, s->n, sizeof *s->v, cmp64);
    size_t m = 1;
    for (size_t i = 1; i < s->n; i++)
        if (s->v[i] != s->v[m - 1])
            s->v[m++] = s->v[i];
    s->n = m;
}

/* FNV-1a of a string of words. */
static uint64_t fnv(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
    return h;
}

/* The K-word shingles of every paragraph (blank-line separated) of an ASCII text;
 * quote shingles (all K words inside "...") into *q when q is not NULL. */
static void exact_shingles(const char *txt, shset *all, shset *q)
{
    const char *p = txt;
    while (*p) {
        const char *end = strstr(p, "\n\n");
        if (!end)
            end = p + strlen(p);
        /* Words of this paragraph, lower-cased, with quoted flags. */
        char words[512][20];
        int quoted[512], nw = 0, inq = 0;
        for (const char *c = p; c < end;) {
            if (*c == '"') {
                inq = !inq;
                c++;
            } else if (isalnum((unsigned char)*c)) {
                int l = 0;
                while (c < end && isalnum((unsigned char)*c) && l < 19)
                    words[nw][l++] = (char)tolower((unsigned char)*c++);
                words[nw][l] = '\0';
                quoted[nw++] = inq;
            } else {
                c++;
            }
        }
        int kk = nw < K ? nw : K;
        for (int i = 0; nw >= 3 && i + kk <= nw; i++) {
            char buf[256] = "";
            int allq = 1;
            for (int j = 0; j < kk; j++) {
                strcat(buf, words[i + j]);
                strcat(buf, " ");
                allq &= quoted[i + j];
            }
            uint64_t h = fnv(buf, strlen(buf));
            shpush(all, h);
            if (allq && q)
                shpush(q, h);
        }
        p = *end ? end + 2 : end;
    }
    shuniq(all);
    if (q)
        shuniq(q);
}

static size_t intersect(const shset *a, const shset *b)
{
    size_t i = 0, j = 0, n = 0;
    while (i < a->n && j < b->n) {
        if (a->v[i] == b->v[j])
            n++, i++, j++;
        else if (a->v[i] < b->v[j])
            i++;
        else
            j++;
    }
    return n;
}

/* ---- scoring ---- */

static ndupes_doc *parse(const text *t)
{
    ndupes_doc *d = NULL;
    assert_int_equal(ndupes_doc_parse(t->p, t->len, NULL, &d), NDUPES_OK);
    /* The generated paragraphs are all article text. */
    for (size_t i = 0; i < ndupes_doc_count(d); i++) {
        const ndupes_para *p = ndupes_doc_para(d, i);
        if (p->reason != NDUPES_KEEP)
            print_message("dropped (%s): %s\n", ndupes_reason_name(p->reason), p->text);
        assert_int_equal(p->reason, NDUPES_KEEP);
    }
    return d;
}

static ndupes_score compare(const text *a, const text *b)
{
    ndupes_doc *da = parse(a), *db = parse(b);
    ndupes_score s;
    assert_int_equal(ndupes_doc_compare(da, db, NULL, &s), NDUPES_OK);
    ndupes_doc_free(da);
    ndupes_doc_free(db);
    return s;
}

static void excerpt_is_contained_in_its_source(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= 10; seed++) {
        rng_state = seed;
        text full = {0};
        article(&full, 10);
        /* The excerpt: the first 4 of 10 paragraphs (40%). */
        const char *cut = full.p;
        for (int i = 0; i < 4; i++)
            cut = strstr(cut, "\n\n") + 2;
        size_t elen = (size_t)(cut - 2 - full.p);
        text ex = {malloc(elen + 1), elen, elen + 1};
        assert_non_null(ex.p);
        memcpy(ex.p, full.p, elen);
        ex.p[elen] = '\0';

        shset se = {0}, sf = {0};
        exact_shingles(ex.p, &se, NULL);
        exact_shingles(full.p, &sf, NULL);
        size_t inter = intersect(&se, &sf);
        assert_int_equal(inter, se.n); /* the excerpt's shingles are all in the source */
        double J = (double)inter / (double)(se.n + sf.n - inter);

        ndupes_score s = compare(&ex, &full);
        assert_int_equal(s.shingles_a, se.n);
        assert_int_equal(s.shingles_b, sf.n);
        double sigma = sqrt(J * (1 - J) / SKETCH);
        if (seed == 1)
            print_message("excerpt: exact J %.3f, estimated %.3f; containment of the excerpt "
                          "%.3f (exact 1)\n", J, s.jaccard, s.contain_a);
        assert_true(fabs(s.jaccard - J) <= 4 * sigma);
        assert_true(s.contain_a >= 0.85);
        assert_true(s.score >= NDUPES_DEFAULT_THRESHOLD);
        free(se.v);
        free(sf.v);
        free(ex.p);
        free(full.p);
    }
}

static void identical_texts_score_one(void **state)
{
    (void)state;
    rng_state = 11;
    text a = {0};
    article(&a, 8);
    ndupes_score s = compare(&a, &a);
    assert_float_equal(s.jaccard, 1.0, 1e-12);
    assert_float_equal(s.score, 1.0, 1e-12);
    free(a.p);
}

static void unrelated_texts_score_zero(void **state)
{
    (void)state;
    for (uint64_t seed = 100; seed < 110; seed++) {
        text a = {0}, b = {0};
        rng_state = seed;
        article(&a, 8);
        rng_state = seed + 1000;
        article(&b, 8);
        shset sa = {0}, sb = {0};
        exact_shingles(a.p, &sa, NULL);
        exact_shingles(b.p, &sb, NULL);
        assert_int_equal(intersect(&sa, &sb), 0); /* precondition: nothing shared */
        ndupes_score s = compare(&a, &b);
        assert_float_equal(s.score, 0.0, 1e-12);
        assert_true(s.jaccard <= 0.01);
        free(sa.v);
        free(sb.v);
        free(a.p);
        free(b.p);
    }
}

/* An article of n narrative paragraphs with the quotes q[0..nq) framed in paragraphs
 * placed after every other narrative paragraph. */
static void article_with_quotes(text *t, int n, char *const *q, int nq)
{
    int qi = 0;
    for (int i = 0; i < n; i++) {
        if (t->len)
            put(t, "\n\n");
        paragraph(t);
        if (i % 2 == 1 && qi < nq) {
            put(t, "\n\n");
            quote_paragraph(t, q[qi++]);
        }
    }
    for (; qi < nq; qi++) {
        put(t, "\n\n");
        quote_paragraph(t, q[qi]);
    }
}

static void one_shared_quote_stays_below_threshold(void **state)
{
    (void)state;
    /* A has four quotes of its own; B, another story, repeats one of them (a 25-word
     * sentence) among two of its own. */
    int bad = 0;
    for (uint64_t seed = 200; seed < 210; seed++) {
        rng_state = seed;
        char *qa[4] = {quote(25), quote(22), quote(28), quote(24)};
        char *qb[3] = {quote(20), qa[0], quote(26)};
        text a = {0}, b = {0};
        article_with_quotes(&a, 8, qa, 4);
        article_with_quotes(&b, 8, qb, 3);
        shset sa = {0}, sb = {0}, qsa = {0}, qsb = {0};
        exact_shingles(a.p, &sa, &qsa);
        exact_shingles(b.p, &sb, &qsb);
        size_t shared_q = intersect(&qsa, &qsb);
        assert_int_equal(shared_q, 21); /* the one quote's 25 - 5 + 1 shingles */
        /* Exact: B's quote shingles are 16 + 21 + 22; 21 / 59 = 0.36 of them shared,
         * 0.25 of A's 83. */
        assert_int_equal(qsb.n, 59);
        ndupes_score s = compare(&a, &b);
        if (seed == 200 || s.score >= NDUPES_DEFAULT_THRESHOLD)
            print_message("seed %llu, one shared quote: score %.3f (quote_a %.2f, quote_b %.2f, "
                          "shared quote shingles %u, exact %zu)\n",
                          (unsigned long long)seed, s.score, s.quote_a, s.quote_b,
                          s.shared_quote, shared_q);
        bad += s.score >= NDUPES_DEFAULT_THRESHOLD;
        for (int i = 0; i < 4; i++)
            free(qa[i]);
        free(qb[0]);
        free(qb[2]);
        free(sa.v);
        free(sb.v);
        free(qsa.v);
        free(qsb.v);
        free(a.p);
        free(b.p);
    }
    assert_int_equal(bad, 0);
}

static void story_whose_only_quote_is_shared_stays_below_threshold(void **state)
{
    (void)state;
    /* B, another story, quotes nobody but the one speaker A also quotes: one sentence of
     * 30 words.  One common quote must not make two stories one. */
    int bad = 0;
    for (uint64_t seed = 300; seed < 310; seed++) {
        rng_state = seed;
        char *qa[4] = {quote(30), quote(22), quote(28), quote(24)};
        text a = {0}, b = {0};
        article_with_quotes(&a, 8, qa, 4);
        article_with_quotes(&b, 8, qa, 1);
        ndupes_score s = compare(&a, &b);
        if (seed == 300)
            print_message("only quote shared: score %.3f (quote_a %.2f, quote_b %.2f, "
                          "shared quote shingles %u)\n",
                          s.score, s.quote_a, s.quote_b, s.shared_quote);
        bad += s.score >= NDUPES_DEFAULT_THRESHOLD;
        for (int i = 0; i < 4; i++)
            free(qa[i]);
        free(a.p);
        free(b.p);
    }
    assert_int_equal(bad, 0);
}

static void rewrite_keeping_four_long_quotes_scores_above_threshold(void **state)
{
    (void)state;
    /* B re-words every narrative sentence of A (new text) but keeps its four quotes of
     * 30 to 36 words word for word. */
    for (uint64_t seed = 400; seed < 410; seed++) {
        rng_state = seed;
        char *q[4] = {quote(30), quote(34), quote(36), quote(31)};
        text a = {0}, b = {0};
        article_with_quotes(&a, 10, q, 4);
        article_with_quotes(&b, 12, q, 4);
        shset sa = {0}, sb = {0}, qsa = {0}, qsb = {0};
        exact_shingles(a.p, &sa, &qsa);
        exact_shingles(b.p, &sb, &qsb);
        size_t inter = intersect(&sa, &sb);
        /* Precondition: the plain overlap is far below the threshold; only the quotes
         * are shared. */
        double ca = (double)inter / (double)sa.n, cb = (double)inter / (double)sb.n;
        assert_true(ca < NDUPES_DEFAULT_THRESHOLD && cb < NDUPES_DEFAULT_THRESHOLD);
        assert_int_equal(intersect(&qsa, &qsb), qsa.n);
        ndupes_score s = compare(&a, &b);
        if (seed == 400)
            print_message("rewrite: exact containment %.3f / %.3f; score %.3f (quote_a %.2f)\n",
                          ca, cb, s.score, s.quote_a);
        assert_true(s.score >= NDUPES_DEFAULT_THRESHOLD);
        assert_true(s.quote_a >= 0.9);
        for (int i = 0; i < 4; i++)
            free(q[i]);
        free(sa.v);
        free(sb.v);
        free(qsa.v);
        free(qsb.v);
        free(a.p);
        free(b.p);
    }
}

static void compare_refuses_null_arguments(void **state)
{
    (void)state;
    ndupes_doc *d = NULL;
    ndupes_score s;
    assert_int_equal(ndupes_doc_parse("x y z", 5, NULL, &d), NDUPES_OK);
    assert_int_equal(ndupes_doc_compare(NULL, d, NULL, &s), NDUPES_ERR_ARG);
    assert_int_equal(ndupes_doc_compare(d, NULL, NULL, &s), NDUPES_ERR_ARG);
    assert_int_equal(ndupes_doc_compare(d, d, NULL, NULL), NDUPES_ERR_ARG);
    ndupes_doc_free(d);
}

static void empty_documents_score_zero(void **state)
{
    (void)state;
    ndupes_doc *e = NULL, *f = NULL;
    assert_int_equal(ndupes_doc_parse("", 0, NULL, &e), NDUPES_OK);
    assert_int_equal(ndupes_doc_parse("", 0, NULL, &f), NDUPES_OK);
    ndupes_score s;
    assert_int_equal(ndupes_doc_compare(e, f, NULL, &s), NDUPES_OK);
    assert_float_equal(s.score, 0.0, 1e-12);
    ndupes_doc_free(e);
    ndupes_doc_free(f);
}

static void para_similarity_is_the_exact_jaccard(void **state)
{
    (void)state;
    rng_state = 500;
    /* a = s1 s2 s3, b = s1 s2 s4: the first two sentences shared. */
    char *s1 = quote(14), *s2 = quote(12), *s3 = quote(13), *s4 = quote(15);
    text a = {0}, b = {0};
    put(&a, s1), put(&a, " "), put(&a, s2), put(&a, " "), put(&a, s3);
    put(&b, s1), put(&b, " "), put(&b, s2), put(&b, " "), put(&b, s4);
    shset sa = {0}, sb = {0};
    exact_shingles(a.p, &sa, NULL);
    exact_shingles(b.p, &sb, NULL);
    size_t inter = intersect(&sa, &sb);
    assert_true(inter >= 20);
    double J = (double)inter / (double)(sa.n + sb.n - inter);
    ndupes_doc *da = parse(&a), *db = parse(&b);
    assert_float_equal(ndupes_para_similarity(da, 0, db, 0, NULL), J, 1e-12);
    assert_float_equal(ndupes_para_similarity(da, 0, da, 0, NULL), 1.0, 1e-12);
    assert_true(ndupes_para_similarity(da, 1, db, 0, NULL) == -1);
    ndupes_doc_free(da);
    ndupes_doc_free(db);
    free(sa.v);
    free(sb.v);
    free(a.p);
    free(b.p);
    free(s1);
    free(s2);
    free(s3);
    free(s4);
}

/* ---- the seed pages ---- */

static int cmp_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return (a > b) - (a < b);
}

/* The intersection of two sorted sets (four values a side at a time, then one by one)
 * against a count by binary search: increasing values dealt to a only, b only or both, in
 * proportions from disjoint to equal sets, so that shared values sit at every offset of
 * the blocks; up to 48 values a side, the last at the top of the 32-bit range. */
static void intersection_counts_every_shared_value_once(void **state)
{
    (void)state;
    uint32_t seed = 7;
    for (int round = 0; round < 4000; round++) {
        uint32_t a[64], b[64];
        size_t na = 0, nb = 0;
        size_t total = (size_t)round % 49;
        unsigned both = (unsigned)round % 5; /* in 4: 0 none shared ... 4 all */
        uint32_t v = 0;
        for (size_t k = 0; k < total; k++) {
            seed = seed * 1103515245u + 12345u;
            v += 1 + (seed >> 16) % 7;
            uint32_t x = k + 1 == total && round % 3 == 0 ? UINT32_MAX : v;
            unsigned r = (seed >> 24) % 4;
            if (r < both) {
                a[na++] = x;
                b[nb++] = x;
            } else if ((seed >> 20) & 1) {
                a[na++] = x;
            } else {
                b[nb++] = x;
            }
        }
        size_t want = 0;
        for (size_t i = 0; i < nb; i++)
            want += bsearch(&b[i], a, na, sizeof *a, cmp_u32) != NULL;
        assert_int_equal(nd_intersect_count(a, na, b, nb), want);
        assert_int_equal(nd_intersect_count(b, nb, a, na), want);
    }
}

static void seed_pairs_within_a_story_match_and_across_do_not(void **state)
{
    (void)state;
    static const char *const names[] = {"foxnews-odesa.txt", "internewscast-odesa.txt",
                                        "trn-odesa.txt", "cgtn-florida.txt",
                                        "moscowtimes-florida.txt"};
    static const int story[] = {0, 0, 0, 1, 1};
    const char *src = getenv("SRCDIR");
    ndupes_doc *d[5];
    for (int i = 0; i < 5; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/samples/%s", src ? src : ".", names[i]);
        assert_int_equal(ndupes_doc_read(path, NULL, &d[i]), NDUPES_OK);
    }
    int bad = 0;
    for (int i = 0; i < 5; i++) {
        for (int j = i + 1; j < 5; j++) {
            ndupes_score s;
            assert_int_equal(ndupes_doc_compare(d[i], d[j], NULL, &s), NDUPES_OK);
            int same = story[i] == story[j];
            int ok = same ? s.score >= NDUPES_DEFAULT_THRESHOLD
                          : s.score < NDUPES_DEFAULT_THRESHOLD;
            print_message("%-24s %-24s %s score %.3f (J %.3f, contain %.2f/%.2f, quotes "
                          "%.2f/%.2f)%s\n",
                          names[i], names[j], same ? "same " : "other", s.score, s.jaccard,
                          s.contain_a, s.contain_b, s.quote_a, s.quote_b, ok ? "" : "  WRONG");
            bad += !ok;
        }
    }
    for (int i = 0; i < 5; i++)
        ndupes_doc_free(d[i]);
    assert_int_equal(bad, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(intersection_counts_every_shared_value_once),
        cmocka_unit_test(excerpt_is_contained_in_its_source),
        cmocka_unit_test(identical_texts_score_one),
        cmocka_unit_test(unrelated_texts_score_zero),
        cmocka_unit_test(one_shared_quote_stays_below_threshold),
        cmocka_unit_test(story_whose_only_quote_is_shared_stays_below_threshold),
        cmocka_unit_test(rewrite_keeping_four_long_quotes_scores_above_threshold),
        cmocka_unit_test(compare_refuses_null_arguments),
        cmocka_unit_test(empty_documents_score_zero),
        cmocka_unit_test(para_similarity_is_the_exact_jaccard),
        cmocka_unit_test(seed_pairs_within_a_story_match_and_across_do_not),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
