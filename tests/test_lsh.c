/*
 * test_lsh.c - candidate pairs from the LSH band keys of paragraph fingerprints
 * (src/match/lsh.c, with src/sketch/fingerprint.c building the keys from parsed documents).
 *
 * Articles are generated from a fixed seed (sentences of invented words and English
 * function words), so which of them share a paragraph is known by construction: copies and
 * articles that share a paragraph must be candidates, unrelated articles must not, and a
 * skipped article takes part in no pair.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nd_internal.h"
#include "testgen.h"

/* ---- a text generator (as in test_score.c) ---- */


static void sentence(text *t)
{
    int nw = 11 + (int)(rnd() % 6);
    for (int i = 0; i < nw; i++) {
        char w[16] = "";
        if (i && i % 2 == 1)
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

/* A paragraph: three sentences. */
static char *paragraph(void)
{
    text t = {0};
    for (int s = 0; s < 3; s++) {
        if (s)
            put(&t, " ");
        sentence(&t);
    }
    return t.p;
}

/* An article of paragraphs paras[0..n). */
static char *join(char *const *paras, size_t n)
{
    text t = {0};
    put(&t, "");
    for (size_t i = 0; i < n; i++) {
        if (i)
            put(&t, "\n\n");
        put(&t, paras[i]);
    }
    return t.p;
}

/* ---- fingerprints ---- */

static void fingerprint(const char *s, nd_fp *fp)
{
    ndupes_config cfg;
    ndupes_config_init(&cfg);
    ndupes_doc *doc = NULL;
    assert_int_equal(ndupes_doc_parse(s, strlen(s), &cfg, &doc), NDUPES_OK);
    assert_true(nd_fp_build(doc, &cfg, false, fp));
    assert_true(fp->nkeys > 0);
    ndupes_doc_free(doc);
}

typedef struct corpus {
    nd_fp fp[80];
    size_t n;
} corpus;

static void add(corpus *c, const char *s)
{
    assert_true(c->n < 80);
    fingerprint(s, &c->fp[c->n++]);
}

static void free_corpus(corpus *c)
{
    for (size_t i = 0; i < c->n; i++)
        nd_fp_free(&c->fp[i]);
}

/* The candidate pairs, checked for form: a < b < n, strictly increasing, no repeats. */
static nd_pair *candidates(const corpus *c, const uint8_t *skip, size_t *np)
{
    nd_pair *p = NULL;
    assert_true(nd_lsh_candidates(c->fp, skip, c->n, &p, np, 1));
    assert_non_null(p);
    /* The same pairs on several threads. */
    nd_pair *q = NULL;
    size_t nq = 0;
    assert_true(nd_lsh_candidates(c->fp, skip, c->n, &q, &nq, 3));
    assert_int_equal(nq, *np);
    assert_memory_equal(q, p, nq * sizeof *q);
    nd_free(q);
    for (size_t i = 0; i < *np; i++) {
        assert_true(p[i].a < p[i].b);
        assert_true(p[i].b < c->n);
        if (i)
            assert_true(p[i - 1].a < p[i].a || (p[i - 1].a == p[i].a && p[i - 1].b < p[i].b));
    }
    return p;
}

static bool has_pair(const nd_pair *p, size_t np, uint32_t a, uint32_t b)
{
    for (size_t i = 0; i < np; i++)
        if (p[i].a == a && p[i].b == b)
            return true;
    return false;
}

/* n paragraphs of a new article. */
static void new_paras(char **p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        p[i] = paragraph();
}

static void free_paras(char **p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(p[i]);
}

static void copies_are_candidates_unrelated_are_not(void **state)
{
    (void)state;
    rng_state = 1;
    char *pa[8], *pb[8], *pc[8];
    new_paras(pa, 8);
    new_paras(pb, 8);
    new_paras(pc, 8);
    char *a = join(pa, 8), *b = join(pb, 8), *c = join(pc, 8);
    corpus k = {0};
    add(&k, a); /* 0 */
    add(&k, b); /* 1 */
    add(&k, a); /* 2: a copy of 0 */
    add(&k, c); /* 3 */
    size_t np;
    nd_pair *p = candidates(&k, NULL, &np);
    assert_int_equal(np, 1);
    assert_true(has_pair(p, np, 0, 2));
    nd_free(p);
    free_corpus(&k);
    free(a), free(b), free(c);
    free_paras(pa, 8), free_paras(pb, 8), free_paras(pc, 8);
}

static void one_shared_paragraph_makes_a_candidate(void **state)
{
    (void)state;
    rng_state = 2;
    char *pa[8], *pb[8];
    new_paras(pa, 8);
    new_paras(pb, 8);
    char *a = join(pa, 8), *b = join(pb, 8);
    /* d: a new article that repeats one paragraph of a (its 6th) among its own. */
    char *pd[6];
    new_paras(pd, 6);
    char *keep = pd[3];
    pd[3] = pa[5];
    char *d = join(pd, 6);
    corpus k = {0};
    add(&k, a);
    add(&k, b);
    add(&k, d);
    size_t np;
    nd_pair *p = candidates(&k, NULL, &np);
    assert_int_equal(np, 1);
    assert_true(has_pair(p, np, 0, 2));
    nd_free(p);
    free_corpus(&k);
    pd[3] = keep;
    free(a), free(b), free(d);
    free_paras(pa, 8), free_paras(pb, 8), free_paras(pd, 6);
}

static void reworded_copy_is_a_candidate(void **state)
{
    (void)state;
    /* Every paragraph of the copy has the first of its three sentences replaced:
     * paragraph Jaccard about 0.35, found by a band with probability about 0.65 per
     * paragraph, so by at least one of 8 paragraphs but for 1 time in 5000. */
    for (uint64_t seed = 10; seed < 20; seed++) {
        rng_state = seed;
        char *pa[8], *pe[8];
        new_paras(pa, 8);
        for (int i = 0; i < 8; i++) {
            text t = {0};
            char *dot = strchr(pa[i], '.'); /* end of the first sentence */
            sentence(&t);
            put(&t, dot + 1);
            pe[i] = t.p;
        }
        char *a = join(pa, 8), *e = join(pe, 8);
        corpus k = {0};
        add(&k, a);
        add(&k, e);
        size_t np;
        nd_pair *p = candidates(&k, NULL, &np);
        assert_int_equal(np, 1);
        nd_free(p);
        free_corpus(&k);
        free(a), free(e);
        free_paras(pa, 8), free_paras(pe, 8);
    }
}

static void skipped_articles_take_part_in_no_pair(void **state)
{
    (void)state;
    rng_state = 3;
    char *pa[6];
    new_paras(pa, 6);
    char *a = join(pa, 6);
    corpus k = {0};
    add(&k, a);
    add(&k, a);
    add(&k, a);
    size_t np;
    uint8_t skip[3] = {0, 1, 0};
    nd_pair *p = candidates(&k, skip, &np);
    assert_int_equal(np, 1);
    assert_true(has_pair(p, np, 0, 2));
    nd_free(p);
    uint8_t skip2[3] = {0, 1, 1};
    p = candidates(&k, skip2, &np);
    assert_int_equal(np, 0);
    nd_free(p);
    uint8_t none[3] = {0, 0, 0};
    p = candidates(&k, none, &np);
    assert_int_equal(np, 3);
    assert_true(has_pair(p, np, 0, 1) && has_pair(p, np, 0, 2) && has_pair(p, np, 1, 2));
    nd_free(p);
    free_corpus(&k);
    free(a);
    free_paras(pa, 6);
}

static uint32_t find(uint32_t *par, uint32_t x)
{
    while (par[x] != x)
        x = par[x] = par[par[x]];
    return x;
}

static void large_bucket_still_connects_every_copy(void **state)
{
    (void)state;
    /* 60 copies (more than a bucket pairs in full) and 10 unrelated articles. */
    rng_state = 4;
    char *pa[5];
    new_paras(pa, 5);
    char *a = join(pa, 5);
    corpus k = {0};
    char *other[10];
    for (int i = 0; i < 70; i++) {
        if (i % 7 == 3) {
            char *po[5];
            new_paras(po, 5);
            other[i / 7] = join(po, 5);
            free_paras(po, 5);
            add(&k, other[i / 7]);
        } else {
            add(&k, a);
        }
    }
    size_t np;
    nd_pair *p = candidates(&k, NULL, &np);
    uint32_t par[70];
    for (uint32_t i = 0; i < 70; i++)
        par[i] = i;
    for (size_t i = 0; i < np; i++) {
        /* No pair with an unrelated article. */
        assert_true(p[i].a % 7 != 3 && p[i].b % 7 != 3);
        par[find(par, p[i].a)] = find(par, p[i].b);
    }
    /* Fewer pairs than all 60 x 59 / 2, but one connected component. */
    assert_true(np < 60 * 59 / 2);
    uint32_t root = find(par, 0);
    for (uint32_t i = 0; i < 70; i++)
        if (i % 7 != 3)
            assert_int_equal(find(par, i), root);
    nd_free(p);
    free_corpus(&k);
    free(a);
    for (int i = 0; i < 10; i++)
        free(other[i]);
    free_paras(pa, 5);
}

static void no_articles_no_pairs(void **state)
{
    (void)state;
    nd_pair *p = (nd_pair *)1;
    size_t np = 99;
    nd_fp none[1] = {{0}};
    assert_true(nd_lsh_candidates(none, NULL, 0, &p, &np, 0));
    assert_int_equal(np, 0);
    nd_free(p);
    /* Articles without keys (no text): no pairs either. */
    nd_fp empty[2];
    memset(empty, 0, sizeof empty);
    assert_true(nd_lsh_candidates(empty, NULL, 2, &p, &np, 0));
    assert_int_equal(np, 0);
    nd_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(copies_are_candidates_unrelated_are_not),
        cmocka_unit_test(one_shared_paragraph_makes_a_candidate),
        cmocka_unit_test(reworded_copy_is_a_candidate),
        cmocka_unit_test(skipped_articles_take_part_in_no_pair),
        cmocka_unit_test(large_bucket_still_connects_every_copy),
        cmocka_unit_test(no_articles_no_pairs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
