/*
 * test_minhash.c - bottom-k sketches, the Jaccard estimate made from them, and the LSH
 * band keys (src/sketch/minhash.c, src/match/score.c).
 *
 * Sets of random 64-bit "shingle hashes" are built with a known overlap, so the exact
 * Jaccard is computed here from the set sizes.  The estimates must fall within a stated
 * number of standard deviations of it: for a bottom-k sketch the estimate is a sample
 * proportion over at least k union elements, so sigma <= sqrt(J (1 - J) / k).  The LSH keys
 * are checked against the designed collision curve 1 - (1 - s^ND_ROWS)^ND_BANDS.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nd_internal.h"
#include "testgen.h"

/* Two random sets: c common values, then na - c and nb - c of their own.  The values are
 * random 64-bit numbers, so (with overwhelming probability) all distinct. */
typedef struct pair_sets {
    uint64_t *a, *b;
    size_t na, nb, c;
} pair_sets;

static pair_sets make_sets(size_t na, size_t nb, size_t c)
{
    pair_sets p = {malloc((na ? na : 1) * sizeof(uint64_t)), malloc((nb ? nb : 1) * sizeof(uint64_t)),
                   na, nb, c};
    assert_non_null(p.a);
    assert_non_null(p.b);
    for (size_t i = 0; i < c; i++)
        p.a[i] = p.b[i] = rnd();
    for (size_t i = c; i < na; i++)
        p.a[i] = rnd();
    for (size_t i = c; i < nb; i++)
        p.b[i] = rnd();
    /* Shuffle b, so that the common values are not at the same positions. */
    for (size_t i = nb ? nb - 1 : 0; i > 0; i--) {
        size_t j = rnd() % (i + 1);
        uint64_t t = p.b[i];
        p.b[i] = p.b[j];
        p.b[j] = t;
    }
    return p;
}

static void free_sets(pair_sets *p)
{
    free(p->a);
    free(p->b);
}

static double exact_jaccard(const pair_sets *p)
{
    return (double)p->c / (double)(p->na + p->nb - p->c);
}

/* A fingerprint by hand: the sketch of the set, no quotes, no keys. */
static void make_fp(nd_fp *fp, const uint64_t *sh, size_t n)
{
    memset(fp, 0, sizeof *fp);
    fp->nsh = (uint32_t)n;
    size_t k = nd_bottomk(sh, n, fp->sk, ND_SKETCH_K);
    assert_true(k != SIZE_MAX);
    fp->nsk = (uint16_t)k;
}

static ndupes_score score_sets(const pair_sets *p)
{
    nd_fp fa, fb;
    make_fp(&fa, p->a, p->na);
    make_fp(&fb, p->b, p->nb);
    ndupes_config cfg;
    ndupes_config_init(&cfg);
    ndupes_score s;
    nd_score(&fa, &fb, &cfg, &s);
    return s;
}

/* ---- the Jaccard estimate ---- */

static void jaccard_estimate_within_error_bound(void **state)
{
    (void)state;
    static const struct {
        size_t na, nb, c;
    } cases[] = {
        {2000, 2000, 1333}, /* J = 0.50 */
        {3000, 3000, 545},  /* J = 0.10 */
        {3000, 3000, 1385}, /* J = 0.30 */
        {1500, 1500, 1333}, /* J = 0.80 */
        {1000, 4000, 800},  /* J = 0.19, unequal sizes */
        {5000, 600, 300},   /* J = 0.05 */
    };
    enum { TRIALS = 40 };
    const double k = ND_SKETCH_K;
    for (size_t ci = 0; ci < sizeof cases / sizeof cases[0]; ci++) {
        double sum_err = 0, worst = 0;
        unsigned within2 = 0;
        double J = 0, sigma = 0;
        for (unsigned t = 0; t < TRIALS; t++) {
            rng_state = 1000 * ci + t + 1;
            pair_sets p = make_sets(cases[ci].na, cases[ci].nb, cases[ci].c);
            J = exact_jaccard(&p);
            sigma = sqrt(J * (1 - J) / k);
            ndupes_score s = score_sets(&p);
            double err = s.jaccard - J;
            sum_err += err;
            if (fabs(err) > worst)
                worst = fabs(err);
            within2 += fabs(err) <= 2 * sigma;
            /* Every single estimate within 4 sigma (p < 1e-4 each). */
            assert_true(fabs(err) <= 4 * sigma);
            /* The set sizes are exact, not estimated. */
            assert_int_equal(s.shingles_a, cases[ci].na);
            assert_int_equal(s.shingles_b, cases[ci].nb);
            free_sets(&p);
        }
        double mean = sum_err / TRIALS;
        print_message("J=%.3f sigma=%.4f: mean error %+.4f, worst %.4f, %u/%u within 2 sigma\n",
                      J, sigma, mean, worst, within2, (unsigned)TRIALS);
        /* No bias: the mean of TRIALS estimates within 3 sigma / sqrt(TRIALS). */
        assert_true(fabs(mean) <= 3 * sigma / sqrt((double)TRIALS));
        /* About 95% are within 2 sigma; demand 85%. */
        assert_true(within2 * 100 >= TRIALS * 85);
    }
}

static void small_sets_give_the_exact_jaccard(void **state)
{
    (void)state;
    /* Both sets smaller than the sketch: the sketches hold everything. */
    rng_state = 77;
    pair_sets p = make_sets(100, 120, 60);
    ndupes_score s = score_sets(&p);
    assert_float_equal(s.jaccard, 60.0 / 160.0, 1e-9);
    assert_int_equal(s.shared, 60);
    assert_float_equal(s.contain_a, 0.6, 1e-9);
    assert_float_equal(s.contain_b, 0.5, 1e-9);
    free_sets(&p);
}

static void identical_sets_score_one(void **state)
{
    (void)state;
    rng_state = 5;
    pair_sets p = make_sets(3000, 3000, 3000);
    ndupes_score s = score_sets(&p);
    assert_float_equal(s.jaccard, 1.0, 1e-12);
    assert_float_equal(s.contain_a, 1.0, 1e-12);
    assert_float_equal(s.score, 1.0, 1e-12);
    free_sets(&p);
}

static void disjoint_sets_score_zero(void **state)
{
    (void)state;
    rng_state = 6;
    pair_sets p = make_sets(3000, 2000, 0);
    ndupes_score s = score_sets(&p);
    assert_float_equal(s.jaccard, 0.0, 1e-12);
    assert_int_equal(s.shared, 0);
    assert_float_equal(s.score, 0.0, 1e-12);
    free_sets(&p);
}

static void subset_has_containment_near_one(void **state)
{
    (void)state;
    /* An excerpt: A (800) inside B (2000).  J = 0.4, containment of A in B = 1.  The
     * containment follows from J: shared = J (|A| + |B|) / (1 + J); its error is
     * (|A| + |B|) / (1 + J)^2 / |A| times that of J, about 0.055 here. */
    for (unsigned t = 0; t < 20; t++) {
        rng_state = 500 + t;
        pair_sets p = make_sets(800, 2000, 800);
        ndupes_score s = score_sets(&p);
        double sj = sqrt(0.4 * 0.6 / ND_SKETCH_K);
        double sc = sj * 2800.0 / (1.4 * 1.4) / 800.0;
        assert_true(s.contain_a >= 1.0 - 4 * sc);
        assert_true(s.contain_a <= 1.0);
        assert_true(fabs(s.contain_b - 0.4) <= 4 * sc * 800.0 / 2000.0);
        assert_true(s.score >= NDUPES_DEFAULT_THRESHOLD);
        free_sets(&p);
    }
}

/* ---- nd_bottomk ---- */

static int cmp_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return (a > b) - (a < b);
}

/* The k smallest distinct top-32-bit projections of sh, computed the slow way. */
static size_t ref_bottomk(const uint64_t *sh, size_t n, uint32_t *out, size_t k)
{
    uint32_t *v = malloc((n ? n : 1) * sizeof *v);
    assert_non_null(v);
    for (size_t i = 0; i < n; i++)
        v[i] = (uint32_t)(sh[i] >> 32);
    qsort(v, n, sizeof *v, cmp_u32);
    size_t m = 0;
    for (size_t i = 0; i < n && m < k; i++)
        if (m == 0 || v[i] != out[m - 1])
            out[m++] = v[i];
    free(v);
    return m;
}

static void check_bottomk(size_t n, size_t k)
{
    uint64_t *sh = malloc(n * sizeof *sh), *copy = malloc(n * sizeof *copy);
    uint32_t *got = malloc(k * sizeof *got), *want = malloc(k * sizeof *want);
    assert_non_null(sh);
    assert_non_null(copy);
    assert_non_null(got);
    assert_non_null(want);
    for (size_t i = 0; i < n; i++)
        sh[i] = rnd();
    memcpy(copy, sh, n * sizeof *sh);
    size_t m = nd_bottomk(sh, n, got, k);
    size_t w = ref_bottomk(sh, n, want, k);
    assert_int_equal(m, w);
    assert_int_equal(m, n < k ? n : k);
    assert_memory_equal(got, want, m * sizeof *got);
    /* The caller's data is left alone. */
    assert_memory_equal(sh, copy, n * sizeof *sh);
    free(sh);
    free(copy);
    free(got);
    free(want);
}

static void bottomk_keeps_the_k_smallest(void **state)
{
    (void)state;
    rng_state = 31;
    check_bottomk(500, 256);  /* on the stack */
    check_bottomk(5000, 256); /* on the heap */
    check_bottomk(100, 256);  /* fewer than k */
    check_bottomk(2000, 16);
    check_bottomk(1, 1);
}

static void bottomk_removes_duplicates(void **state)
{
    (void)state;
    /* 300 distinct values, each three times, plus variants differing only in the low 32
     * bits (the same projection). */
    enum { D = 300 };
    uint64_t sh[D * 4];
    uint32_t out[D];
    rng_state = 99;
    for (size_t i = 0; i < D; i++) {
        uint64_t x = rnd();
        sh[4 * i] = sh[4 * i + 1] = sh[4 * i + 2] = x;
        sh[4 * i + 3] = x ^ 0xFFFFu;
    }
    size_t m = nd_bottomk(sh, D * 4, out, D);
    assert_int_equal(m, D);
    for (size_t i = 1; i < m; i++)
        assert_true(out[i - 1] < out[i]);
}

static void bottomk_of_nothing_is_empty(void **state)
{
    (void)state;
    uint32_t out[4];
    assert_int_equal(nd_bottomk(NULL, 0, out, 4), 0);
}

/* ---- nd_bottomk_merge ---- */

static void check_merge(size_t na, size_t nb, size_t c, size_t k)
{
    pair_sets p = make_sets(na, nb, c);
    uint32_t *ska = malloc(k * sizeof(uint32_t)), *skb = malloc(k * sizeof(uint32_t));
    uint32_t *got = malloc(k * sizeof(uint32_t)), *want = malloc(k * sizeof(uint32_t));
    uint64_t *uni = malloc((na + nb + 1) * sizeof(uint64_t));
    assert_non_null(ska);
    assert_non_null(skb);
    assert_non_null(got);
    assert_non_null(want);
    assert_non_null(uni);
    size_t ma = ref_bottomk(p.a, na, ska, k), mb = ref_bottomk(p.b, nb, skb, k);
    memcpy(uni, p.a, na * sizeof *uni);
    memcpy(uni + na, p.b, nb * sizeof *uni);
    size_t w = ref_bottomk(uni, na + nb, want, k);
    size_t m = nd_bottomk_merge(ska, ma, skb, mb, got, k);
    assert_int_equal(m, w);
    assert_memory_equal(got, want, m * sizeof *got);
    /* Merging is symmetric. */
    m = nd_bottomk_merge(skb, mb, ska, ma, got, k);
    assert_int_equal(m, w);
    assert_memory_equal(got, want, m * sizeof *got);
    free(ska);
    free(skb);
    free(got);
    free(want);
    free(uni);
    free_sets(&p);
}

static void bottomk_merge_equals_bottomk_of_union(void **state)
{
    (void)state;
    rng_state = 4242;
    check_merge(2000, 3000, 700, 256);
    check_merge(2000, 3000, 0, 256);
    check_merge(2000, 2000, 2000, 256);
    check_merge(100, 50, 20, 256); /* both partial: the union has 130 */
    check_merge(300, 40, 10, 64);
    check_merge(0, 40, 0, 16);
    check_merge(40, 0, 0, 16);
}

/* ---- LSH keys ---- */

static bool share_a_band(const uint32_t ka[ND_BANDS], const uint32_t kb[ND_BANDS])
{
    for (int b = 0; b < ND_BANDS; b++)
        if (ka[b] == kb[b])
            return true;
    return false;
}

/* The fraction of TRIALS pairs of m-element sets with c in common whose keys share a band;
 * *J receives their exact Jaccard. */
static double band_hit_rate(size_t m, size_t c, unsigned trials, uint64_t seed, double *J,
                            unsigned rows)
{
    unsigned hits = 0;
    rng_state = seed;
    for (unsigned t = 0; t < trials; t++) {
        pair_sets p = make_sets(m, m, c);
        *J = exact_jaccard(&p);
        uint32_t ka[ND_BANDS], kb[ND_BANDS];
        nd_minhash_keys(p.a, m, rows, ka);
        nd_minhash_keys(p.b, m, rows, kb);
        hits += share_a_band(ka, kb);
        free_sets(&p);
    }
    return (double)hits / trials;
}

static double designed(double s, unsigned rows)
{
    return 1 - pow(1 - pow(s, rows), ND_BANDS);
}

static void lsh_recall_at_the_designed_threshold(void **state)
{
    (void)state;
    enum { TRIALS = 2000 };
    double J;
    /* Paragraphs (ND_ROWS rows a band): s = 0.8 (c = 89 of 100: J = 0.802), designed 0.99;
     * s = 0.6 (c = 75: J = 0.6), designed 0.84, checked within 3 binomial sd (0.025). */
    double r = band_hit_rate(100, 89, TRIALS, 2, &J, ND_ROWS);
    print_message("paragraphs s=%.3f: %.3f share a band (designed %.4f)\n", J, r,
                  designed(J, ND_ROWS));
    assert_true(r >= 0.97);
    r = band_hit_rate(100, 75, TRIALS, 1, &J, ND_ROWS);
    print_message("paragraphs s=%.3f: %.3f share a band (designed %.3f)\n", J, r,
                  designed(J, ND_ROWS));
    assert_true(fabs(r - designed(J, ND_ROWS)) <= 0.03);
    /* Quotes (ND_QUOTE_ROWS rows): s = 0.5 (c = 67 of 100: J = 0.504), designed 0.90. */
    r = band_hit_rate(100, 67, TRIALS, 1, &J, ND_QUOTE_ROWS);
    print_message("quotes s=%.3f: %.3f share a band (designed %.3f)\n", J, r,
                  designed(J, ND_QUOTE_ROWS));
    assert_true(r >= 0.85);
}

static void lsh_rate_follows_the_designed_curve(void **state)
{
    (void)state;
    enum { TRIALS = 2000 };
    double J;
    /* s = 0.3 (c = 46 of 100: J = 0.299): within 0.08 (beyond 3 sd) of the design. */
    double r = band_hit_rate(100, 46, TRIALS, 3, &J, ND_ROWS);
    print_message("s=%.3f: %.3f of pairs share a band (designed %.3f)\n", J, r,
                  designed(J, ND_ROWS));
    assert_true(fabs(r - designed(J, ND_ROWS)) <= 0.08);
    r = band_hit_rate(100, 46, TRIALS, 3, &J, ND_QUOTE_ROWS);
    assert_true(fabs(r - designed(J, ND_QUOTE_ROWS)) <= 0.08);
    /* s = 0.05 (c = 10 of 100: J = 0.053): expect few. */
    r = band_hit_rate(100, 10, TRIALS, 4, &J, ND_QUOTE_ROWS);
    print_message("s=%.3f: %.3f of pairs share a band (designed %.3f)\n", J, r,
                  designed(J, ND_QUOTE_ROWS));
    assert_true(r <= 0.06);
    /* Disjoint paragraphs: none. */
    r = band_hit_rate(100, 0, TRIALS, 5, &J, ND_ROWS);
    assert_true(r == 0.0);
}

static void minhash_keys_depend_on_the_set_only(void **state)
{
    (void)state;
    enum { M = 80 };
    uint64_t a[M], b[2 * M];
    rng_state = 8;
    for (size_t i = 0; i < M; i++)
        a[i] = rnd();
    /* b: a reversed, every value twice. */
    for (size_t i = 0; i < M; i++)
        b[2 * i] = b[2 * i + 1] = a[M - 1 - i];
    uint32_t ka[ND_BANDS], kb[ND_BANDS];
    nd_minhash_keys(a, M, ND_ROWS, ka);
    nd_minhash_keys(b, 2 * M, ND_ROWS, kb);
    assert_memory_equal(ka, kb, sizeof ka);
    /* Bands are distinct from each other even for a one-element set. */
    nd_minhash_keys(a, 1, ND_ROWS, ka);
    for (int i = 0; i < ND_BANDS; i++)
        for (int j = i + 1; j < ND_BANDS; j++)
            assert_true(ka[i] != ka[j]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(jaccard_estimate_within_error_bound),
        cmocka_unit_test(small_sets_give_the_exact_jaccard),
        cmocka_unit_test(identical_sets_score_one),
        cmocka_unit_test(disjoint_sets_score_zero),
        cmocka_unit_test(subset_has_containment_near_one),
        cmocka_unit_test(bottomk_keeps_the_k_smallest),
        cmocka_unit_test(bottomk_removes_duplicates),
        cmocka_unit_test(bottomk_of_nothing_is_empty),
        cmocka_unit_test(bottomk_merge_equals_bottomk_of_union),
        cmocka_unit_test(lsh_recall_at_the_designed_threshold),
        cmocka_unit_test(lsh_rate_follows_the_designed_curve),
        cmocka_unit_test(minhash_keys_depend_on_the_set_only),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
