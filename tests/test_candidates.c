/*
 * test_candidates.c - the candidate rules of the LSH index (src/match/lsh.c:
 * nd_lsh_candidates, nd_all_pairs), on fingerprints whose keys are set by hand.
 *
 * Two articles are a candidate pair when they share one band key (low bit clear) or
 * ND_RUN_PAIR distinct run keys (low bit ND_RUN_KEY set): one shared run key (a stock
 * phrase) is not enough, and a run key repeated inside both articles is still one key.
 * A bucket of more than 48 articles pairs each with its next 6 only, which still
 * connects neighbours and so the whole bucket; there one run key is enough, as the
 * windows of two crowded buckets need not meet.  The pairs are sorted, without repeats,
 * the same for any number of jobs, and skipped articles take part in none.  nd_all_pairs
 * lists every pair of articles that are not skipped, in order.
 * (test_lsh.c checks the same index on keys built from text.)
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nd_internal.h"

#define MAXN 420
#define MAXK 8

/* Articles with hand-set keys. */
typedef struct arts {
    nd_fp fp[MAXN];
    uint32_t keys[MAXN][MAXK];
    size_t n;
} arts;

static arts A;

static void reset(size_t n)
{
    memset(&A, 0, sizeof A);
    A.n = n;
    for (size_t i = 0; i < n; i++)
        A.fp[i].keys = A.keys[i];
}

static void give(size_t i, uint32_t key)
{
    assert_true(A.fp[i].nkeys < MAXK);
    A.keys[i][A.fp[i].nkeys++] = key;
}

/* Band keys are even, run keys odd.  Keys of one test differ in their top byte too, so
 * that they fall in different parts of the index. */
static uint32_t band(uint32_t k)
{
    return (k * 0x9E3779B1u) & ~ND_RUN_KEY;
}

static uint32_t run(uint32_t k)
{
    return (k * 0x9E3779B1u) | ND_RUN_KEY;
}

/* The candidate pairs on 1 job, checked for form and against 2 and 4 jobs. */
static nd_pair *pairs(const uint8_t *skip, size_t *np)
{
    nd_pair *p = NULL;
    assert_true(nd_lsh_candidates(A.fp, skip, A.n, &p, np, 1));
    assert_non_null(p);
    for (unsigned jobs = 2; jobs <= 4; jobs += 2) {
        nd_pair *q = NULL;
        size_t nq = 0;
        assert_true(nd_lsh_candidates(A.fp, skip, A.n, &q, &nq, jobs));
        assert_int_equal(nq, *np);
        if (nq)
            assert_memory_equal(q, p, nq * sizeof *q);
        nd_free(q);
    }
    for (size_t i = 0; i < *np; i++) {
        assert_true(p[i].a < p[i].b);
        assert_true(p[i].b < A.n);
        if (i)
            assert_true(p[i - 1].a < p[i].a || (p[i - 1].a == p[i].a && p[i - 1].b < p[i].b));
        if (skip)
            assert_true(!skip[p[i].a] && !skip[p[i].b]);
    }
    return p;
}

static bool has(const nd_pair *p, size_t np, uint32_t a, uint32_t b)
{
    for (size_t i = 0; i < np; i++)
        if (p[i].a == a && p[i].b == b)
            return true;
    return false;
}

/* The number of pairs of two articles alone with the given keys each. */
static size_t pairs_of_two(const uint32_t *ka, size_t na, const uint32_t *kb, size_t nb)
{
    reset(2);
    for (size_t i = 0; i < na; i++)
        give(0, ka[i]);
    for (size_t i = 0; i < nb; i++)
        give(1, kb[i]);
    size_t np;
    nd_pair *p = pairs(NULL, &np);
    if (np)
        assert_true(has(p, np, 0, 1));
    nd_free(p);
    return np;
}

static void one_shared_run_key_is_no_pair(void **state)
{
    (void)state;
    uint32_t a[] = {run(1), run(2), band(3)}, b[] = {run(1), run(4), band(5)};
    assert_int_equal(pairs_of_two(a, 3, b, 3), 0);
    /* The same run key twice in each article: still one key. */
    uint32_t c[] = {run(1), run(1), band(3)}, d[] = {run(1), band(5), run(1)};
    assert_int_equal(pairs_of_two(c, 3, d, 3), 0);
    uint32_t e[] = {run(1), run(1)}, f[] = {run(1)};
    assert_int_equal(pairs_of_two(e, 2, f, 1), 0);
}

static void two_shared_run_keys_make_a_pair(void **state)
{
    (void)state;
    uint32_t a[] = {run(1), run(2), band(3)}, b[] = {run(2), band(5), run(1)};
    assert_int_equal(pairs_of_two(a, 3, b, 3), 1);
    /* Keys of different top bytes (parts of the index sorted apart): counted together. */
    uint32_t lo = 0x01000001u, hi = 0xFE000001u;
    uint32_t c[] = {lo, hi}, d[] = {hi, lo};
    assert_int_equal(pairs_of_two(c, 2, d, 2), 1);
    uint32_t e[] = {run(7), run(8), run(9)}, f[] = {run(9), run(8), run(7)};
    assert_int_equal(pairs_of_two(e, 3, f, 3), 1);
}

static void one_shared_band_key_makes_a_pair(void **state)
{
    (void)state;
    uint32_t a[] = {band(1), run(2)}, b[] = {run(4), band(1)};
    assert_int_equal(pairs_of_two(a, 2, b, 2), 1);
    /* With one shared run key besides: one pair, not two. */
    uint32_t c[] = {band(1), run(2)}, d[] = {run(2), band(1)};
    assert_int_equal(pairs_of_two(c, 2, d, 2), 1);
    /* Nothing shared: nothing. */
    uint32_t e[] = {band(1), run(2)}, f[] = {band(3), run(4)};
    assert_int_equal(pairs_of_two(e, 2, f, 2), 0);
    /* Keys that differ in their low bits only: each sorted into a bucket of its own. */
    uint32_t near_a[] = {0x12345600u, 0x12345602u, 0x12345700u};
    uint32_t near_b[] = {0x12345700u, 0x12345602u, 0x12345600u};
    assert_int_equal(pairs_of_two(near_a, 3, near_b, 3), 1);
    uint32_t run_a[] = {0x12345601u, 0x12345603u}, run_b[] = {0x12345603u, 0x12345601u};
    assert_int_equal(pairs_of_two(run_a, 2, run_b, 2), 1);
    /* A band key and a run key that differ only in the low bit are different keys. */
    uint32_t g[] = {band(6)}, h[] = {band(6) | ND_RUN_KEY};
    assert_int_equal(pairs_of_two(g, 1, h, 1), 0);
}

/* The run keys are counted per pair: A and B share one, B and C another, A and C a third;
 * no pair has two. */
static void run_keys_count_per_pair(void **state)
{
    (void)state;
    reset(4);
    give(0, run(1)), give(1, run(1));
    give(1, run(2)), give(2, run(2));
    give(0, run(3)), give(2, run(3));
    size_t np;
    nd_pair *p = pairs(NULL, &np);
    assert_int_equal(np, 0);
    nd_free(p);
    /* One more shared by A and C: they are a pair, and only they. */
    give(0, run(4)), give(2, run(4));
    p = pairs(NULL, &np);
    assert_int_equal(np, 1);
    assert_true(has(p, np, 0, 2));
    nd_free(p);
    /* D shares band keys with everyone. */
    give(3, band(10)), give(0, band(10)), give(1, band(10)), give(2, band(10));
    p = pairs(NULL, &np);
    assert_int_equal(np, 6);
    nd_free(p);
}

/* Union-find over the pairs: are articles [0, n) one component? */
static uint32_t find(uint32_t *par, uint32_t x)
{
    while (par[x] != x)
        x = par[x] = par[par[x]];
    return x;
}

static bool connected(const nd_pair *p, size_t np, size_t n)
{
    uint32_t par[MAXN];
    for (uint32_t i = 0; i < n; i++)
        par[i] = i;
    for (size_t i = 0; i < np; i++)
        par[find(par, p[i].a)] = find(par, p[i].b);
    for (uint32_t i = 1; i < n; i++)
        if (find(par, i) != find(par, 0))
            return false;
    return true;
}

/* A bucket of m articles sharing one band key (and, with runs, two run keys). */
static nd_pair *bucket(size_t m, bool runs, size_t *np)
{
    reset(m);
    for (size_t i = 0; i < m; i++) {
        if (runs)
            give(i, run(100)), give(i, run(200));
        else
            give(i, band(100));
        give(i, band(1000 + (uint32_t)i)); /* a key of its own */
    }
    return pairs(NULL, np);
}

static void large_buckets_still_connect_neighbours(void **state)
{
    (void)state;
    size_t np;
    /* Up to 48 articles: every pair. */
    nd_pair *p = bucket(48, false, &np);
    assert_int_equal(np, 48 * 47 / 2);
    nd_free(p);
    /* More: each with its next 6; every neighbour pair present, one component. */
    for (int runs = 0; runs < 2; runs++) {
        static const size_t sizes[] = {49, 60, 200};
        for (size_t s = 0; s < 3; s++) {
            size_t m = sizes[s];
            p = bucket(m, runs, &np);
            assert_int_equal(np, 6 * m - 21); /* sum of min(6, m - 1 - x) */
            for (uint32_t x = 0; x + 1 < m; x++)
                assert_true(has(p, np, x, x + 1));
            for (uint32_t x = 0; x + 6 < m; x++)
                assert_true(has(p, np, x, x + 6));
            for (uint32_t x = 0; x + 7 < m; x++)
                assert_false(has(p, np, x, x + 7));
            assert_true(connected(p, np, m));
            nd_free(p);
        }
    }
    /* A large bucket with its own pairs besides: an article far from another in the
     * bucket but sharing a band key with it elsewhere is still paired with it. */
    reset(100);
    for (size_t i = 0; i < 100; i++)
        give(i, band(100));
    give(3, band(7)), give(90, band(7));
    p = pairs(NULL, &np);
    assert_true(has(p, np, 3, 90));
    assert_int_equal(np, 6 * 100 - 21 + 1);
    nd_free(p);
}

/* In a bucket of more than 48 articles each is paired with its next 6 only, and a pair
 * from run keys needs ND_RUN_PAIR buckets that pair it.  When one of two run keys that
 * sixty articles share is also held by other articles that sit between them, the windows
 * of the two buckets do not meet; so in a crowded bucket one run key makes the pair, and
 * the sixty stay connected (the scorer then judges each pair). */
static void crowded_run_key_bucket_still_connects_the_articles_sharing_two(void **state)
{
    (void)state;
    /* Article 7i (i < 60) has run keys K1 and K2; articles 7i + 1 .. 7i + 6 have K2. */
    reset(60 * 7);
    for (size_t i = 0; i < 60 * 7; i++) {
        if (i % 7 == 0)
            give(i, run(1));
        give(i, run(2));
    }
    size_t np;
    nd_pair *p = pairs(NULL, &np);
    uint32_t par[60 * 7];
    for (uint32_t i = 0; i < 60 * 7; i++)
        par[i] = i;
    for (size_t i = 0; i < np; i++)
        par[find(par, p[i].a)] = find(par, p[i].b);
    size_t apart = 0;
    for (uint32_t i = 7; i < 60 * 7; i += 7)
        apart += find(par, i) != find(par, 0);
    print_message("%zu pairs; %zu of the 59 other articles sharing two run keys with "
                  "article 0 are not connected to it\n", np, apart);
    nd_free(p);
    assert_int_equal(apart, 0);
}

static void skipped_articles_are_in_no_pair(void **state)
{
    (void)state;
    reset(6);
    for (size_t i = 0; i < 6; i++)
        give(i, band(1));
    uint8_t skip[6] = {0, 1, 0, 0, 1, 0};
    size_t np;
    nd_pair *p = pairs(skip, &np);
    assert_int_equal(np, 6); /* 0, 2, 3, 5: four articles */
    assert_true(has(p, np, 0, 2) && has(p, np, 0, 3) && has(p, np, 0, 5));
    assert_true(has(p, np, 2, 3) && has(p, np, 2, 5) && has(p, np, 3, 5));
    nd_free(p);
    uint8_t all[6] = {1, 1, 1, 1, 1, 1};
    p = pairs(all, &np);
    assert_int_equal(np, 0);
    nd_free(p);
    /* In a large bucket, the skipped ones do not break the chain of neighbours. */
    reset(120);
    uint8_t sk[120] = {0};
    for (size_t i = 0; i < 120; i++) {
        give(i, band(5));
        sk[i] = i % 2 == 1;
    }
    p = pairs(sk, &np);
    assert_int_equal(np, 6 * 60 - 21);
    for (uint32_t x = 0; x + 2 < 120; x += 2)
        assert_true(has(p, np, x, x + 2));
    nd_free(p);
}

static void no_keys_no_pairs(void **state)
{
    (void)state;
    reset(3);
    size_t np = 7;
    nd_pair *p = pairs(NULL, &np);
    assert_int_equal(np, 0);
    nd_free(p);
    reset(0);
    p = pairs(NULL, &np);
    assert_int_equal(np, 0);
    nd_free(p);
}

/* ---- nd_all_pairs ---- */

static void all_pairs_lists_every_pair_but_the_skipped(void **state)
{
    (void)state;
    nd_pair *p = NULL;
    size_t np = 99;
    assert_true(nd_all_pairs(NULL, 4, &p, &np));
    assert_int_equal(np, 6);
    static const nd_pair want4[] = {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}};
    assert_memory_equal(p, want4, sizeof want4);
    nd_free(p);

    uint8_t skip[6] = {0, 1, 0, 0, 1, 0};
    assert_true(nd_all_pairs(skip, 6, &p, &np));
    static const nd_pair want6[] = {{0, 2}, {0, 3}, {0, 5}, {2, 3}, {2, 5}, {3, 5}};
    assert_int_equal(np, 6);
    assert_memory_equal(p, want6, sizeof want6);
    nd_free(p);

    /* The first and the last skipped. */
    uint8_t ends[5] = {1, 0, 0, 0, 1};
    assert_true(nd_all_pairs(ends, 5, &p, &np));
    static const nd_pair want5[] = {{1, 2}, {1, 3}, {2, 3}};
    assert_int_equal(np, 3);
    assert_memory_equal(p, want5, sizeof want5);
    nd_free(p);

    /* None, one, all skipped. */
    assert_true(nd_all_pairs(NULL, 0, &p, &np));
    assert_int_equal(np, 0);
    nd_free(p);
    assert_true(nd_all_pairs(NULL, 1, &p, &np));
    assert_int_equal(np, 0);
    nd_free(p);
    uint8_t every[3] = {1, 1, 1};
    assert_true(nd_all_pairs(every, 3, &p, &np));
    assert_int_equal(np, 0);
    nd_free(p);
    uint8_t one_left[3] = {1, 0, 1};
    assert_true(nd_all_pairs(one_left, 3, &p, &np));
    assert_int_equal(np, 0);
    nd_free(p);

    /* Many: n (n - 1) / 2, each once, in order. */
    assert_true(nd_all_pairs(NULL, 300, &p, &np));
    assert_int_equal(np, 300 * 299 / 2);
    size_t k = 0;
    for (uint32_t a = 0; a < 300; a++)
        for (uint32_t b = a + 1; b < 300; b++, k++)
            assert_true(p[k].a == a && p[k].b == b);
    nd_free(p);

    /* Beside them, the LSH on five articles: a pair by a band key, one by two run keys. */
    reset(5);
    give(0, band(1)), give(3, band(1)), give(1, run(2)), give(4, run(2)), give(1, run(3));
    give(4, run(3));
    nd_pair *c = pairs(NULL, &np);
    assert_int_equal(np, 2);
    assert_true(has(c, np, 0, 3) && has(c, np, 1, 4));
    nd_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(one_shared_run_key_is_no_pair),
        cmocka_unit_test(two_shared_run_keys_make_a_pair),
        cmocka_unit_test(one_shared_band_key_makes_a_pair),
        cmocka_unit_test(run_keys_count_per_pair),
        cmocka_unit_test(large_buckets_still_connect_neighbours),
        cmocka_unit_test(crowded_run_key_bucket_still_connects_the_articles_sharing_two),
        cmocka_unit_test(skipped_articles_are_in_no_pair),
        cmocka_unit_test(no_keys_no_pairs),
        cmocka_unit_test(all_pairs_lists_every_pair_but_the_skipped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
