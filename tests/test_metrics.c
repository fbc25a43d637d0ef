/*
 * test_metrics.c - pairwise precision, recall, F1 and the adjusted Rand index
 * (src/match/metrics.c).
 *
 * Small labelings are worked out by hand in the comments; larger random ones are checked
 * against a brute-force count over all pairs done here, with the ARI from its textbook
 * formula (Hubert and Arabie 1985) over those counts.
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

#define EPS 1e-12

static ndupes_metrics compute(const size_t *truth, const size_t *pred, size_t n)
{
    ndupes_metrics m;
    memset(&m, 0xAB, sizeof m);
    assert_int_equal(ndupes_metrics_compute(truth, pred, n, &m), NDUPES_OK);
    return m;
}

static void perfect_grouping_scores_one(void **state)
{
    (void)state;
    /* Two pairs and a singleton, the same in both: tp = 2. */
    size_t t[] = {0, 0, 1, 1, 2}, p[] = {7, 7, 3, 3, 9};
    ndupes_metrics m = compute(t, p, 5);
    assert_int_equal(m.tp, 2);
    assert_int_equal(m.fp, 0);
    assert_int_equal(m.fn, 0);
    assert_float_equal(m.precision, 1, EPS);
    assert_float_equal(m.recall, 1, EPS);
    assert_float_equal(m.f1, 1, EPS);
    assert_float_equal(m.ari, 1, EPS);
}

static void all_singletons_have_zero_recall(void **state)
{
    (void)state;
    /* Truth: two pairs; prediction: every file alone.  Nothing found: tp 0, fn 2. */
    size_t t[] = {0, 0, 1, 1}, p[] = {0, 1, 2, 3};
    ndupes_metrics m = compute(t, p, 4);
    assert_int_equal(m.tp, 0);
    assert_int_equal(m.fp, 0);
    assert_int_equal(m.fn, 2);
    assert_float_equal(m.recall, 0, EPS);
    assert_float_equal(m.f1, 0, EPS);
    /* ARI: index 0, expected index 2 * 0 / 6 = 0, max (2 + 0) / 2 = 1: (0 - 0) / 1 = 0. */
    assert_float_equal(m.ari, 0, EPS);
}

static void everything_in_one_group_has_low_precision(void **state)
{
    (void)state;
    /* Truth: two pairs; prediction: one group of 4 (6 pairs, 2 right). */
    size_t t[] = {0, 0, 1, 1}, p[] = {5, 5, 5, 5};
    ndupes_metrics m = compute(t, p, 4);
    assert_int_equal(m.tp, 2);
    assert_int_equal(m.fp, 4);
    assert_int_equal(m.fn, 0);
    assert_float_equal(m.precision, 2.0 / 6.0, EPS);
    assert_float_equal(m.recall, 1, EPS);
    assert_float_equal(m.f1, 2 * (1.0 / 3) / (1.0 / 3 + 1), EPS); /* 0.5 */
    /* ARI: index 2, expected 2 * 6 / 6 = 2, max (2 + 6) / 2 = 4: (2 - 2) / (4 - 2) = 0. */
    assert_float_equal(m.ari, 0, EPS);
}

static void known_ari_example(void **state)
{
    (void)state;
    /* truth {0,1}{2,3}, prediction {0,1}{2}{3}: pairs 6, truth pairs 2, predicted 1,
     * both 1.  Expected index 2 * 1 / 6 = 1/3; max (2 + 1) / 2 = 3/2.
     * ARI = (1 - 1/3) / (3/2 - 1/3) = 4/7 (as scikit-learn's adjusted_rand_score). */
    size_t t[] = {0, 0, 1, 1}, p[] = {0, 0, 1, 2};
    ndupes_metrics m = compute(t, p, 4);
    assert_float_equal(m.ari, 4.0 / 7.0, EPS);
    assert_float_equal(m.precision, 1, EPS);
    assert_float_equal(m.recall, 0.5, EPS);
    assert_float_equal(m.f1, 2.0 / 3.0, EPS);
    /* The ARI is symmetric. */
    m = compute(p, t, 4);
    assert_float_equal(m.ari, 4.0 / 7.0, EPS);
    assert_float_equal(m.precision, 0.5, EPS);
    assert_float_equal(m.recall, 1, EPS);
}

static void second_ari_example(void **state)
{
    (void)state;
    /* truth {0,1,2}{3,4,5}, prediction {0,1}{2,3}{4,5}: 15 pairs; truth pairs 3 + 3 = 6;
     * predicted 1 + 1 + 1 = 3; both: (0,1) and (4,5) = 2.
     * Expected 6 * 3 / 15 = 1.2; max (6 + 3) / 2 = 4.5; ARI = 0.8 / 3.3 = 8/33. */
    size_t t[] = {0, 0, 0, 1, 1, 1}, p[] = {0, 0, 1, 1, 2, 2};
    ndupes_metrics m = compute(t, p, 6);
    assert_int_equal(m.tp, 2);
    assert_int_equal(m.fp, 1);
    assert_int_equal(m.fn, 4);
    assert_float_equal(m.ari, 8.0 / 33.0, EPS);
    assert_float_equal(m.precision, 2.0 / 3.0, EPS);
    assert_float_equal(m.recall, 2.0 / 6.0, EPS);
}

static void labels_are_arbitrary_integers(void **state)
{
    (void)state;
    /* Only equality of labels matters, not their values or order. */
    size_t t[] = {SIZE_MAX, 3, SIZE_MAX, 0, 3}, p[] = {42, 0, 42, SIZE_MAX, 0};
    ndupes_metrics m = compute(t, p, 5);
    assert_int_equal(m.tp, 2);
    assert_float_equal(m.f1, 1, EPS);
    assert_float_equal(m.ari, 1, EPS);
}

static void empty_and_tiny_inputs(void **state)
{
    (void)state;
    ndupes_metrics m;
    assert_int_equal(ndupes_metrics_compute(NULL, NULL, 0, &m), NDUPES_OK);
    assert_int_equal(m.tp + m.fp + m.fn, 0);
    size_t one[] = {1};
    m = compute(one, one, 1);
    assert_int_equal(m.tp + m.fp + m.fn, 0);
}

static void bad_arguments_are_refused(void **state)
{
    (void)state;
    size_t a[] = {1, 2};
    ndupes_metrics m;
    assert_int_equal(ndupes_metrics_compute(NULL, a, 2, &m), NDUPES_ERR_ARG);
    assert_int_equal(ndupes_metrics_compute(a, NULL, 2, &m), NDUPES_ERR_ARG);
    assert_int_equal(ndupes_metrics_compute(a, a, 2, NULL), NDUPES_ERR_ARG);
}

static uint64_t rng_state = 99;

static uint64_t rnd(void)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static void random_labelings_match_brute_force(void **state)
{
    (void)state;
    enum { N = 300 };
    size_t t[N], p[N];
    for (int round = 0; round < 20; round++) {
        /* Truth: clusters of a few files; prediction: truth with some files moved. */
        size_t nclusters = 20 + rnd() % 100;
        for (size_t i = 0; i < N; i++) {
            t[i] = rnd() % nclusters;
            p[i] = rnd() % 4 == 0 ? rnd() % (nclusters + 30) : t[i] * 7 + 1000;
        }
        uint64_t tp = 0, fp = 0, fn = 0, tn = 0;
        for (size_t i = 0; i < N; i++)
            for (size_t j = i + 1; j < N; j++) {
                int st = t[i] == t[j], sp = p[i] == p[j];
                tp += st && sp;
                fp += !st && sp;
                fn += st && !sp;
                tn += !st && !sp;
            }
        ndupes_metrics m = compute(t, p, N);
        assert_int_equal(m.tp, tp);
        assert_int_equal(m.fp, fp);
        assert_int_equal(m.fn, fn);
        double P = (double)tp / (double)(tp + fp), R = (double)tp / (double)(tp + fn);
        assert_float_equal(m.precision, P, 1e-12);
        assert_float_equal(m.recall, R, 1e-12);
        assert_float_equal(m.f1, 2 * P * R / (P + R), 1e-12);
        /* ARI from pair counts: 2 (tp tn - fn fp) / ((tp + fn)(fn + tn) + (tp + fp)(fp + tn)). */
        double a = (double)tp, b = (double)fn, c = (double)fp, d = (double)tn;
        double ari = 2 * (a * d - b * c) / ((a + b) * (b + d) + (a + c) * (c + d));
        assert_float_equal(m.ari, ari, 1e-9);
        /* And it is symmetric. */
        ndupes_metrics r = compute(p, t, N);
        assert_float_equal(r.ari, m.ari, 1e-12);
        assert_float_equal(r.precision, m.recall, 1e-12);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(perfect_grouping_scores_one),
        cmocka_unit_test(all_singletons_have_zero_recall),
        cmocka_unit_test(everything_in_one_group_has_low_precision),
        cmocka_unit_test(known_ari_example),
        cmocka_unit_test(second_ari_example),
        cmocka_unit_test(labels_are_arbitrary_integers),
        cmocka_unit_test(empty_and_tiny_inputs),
        cmocka_unit_test(bad_arguments_are_refused),
        cmocka_unit_test(random_labelings_match_brute_force),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
