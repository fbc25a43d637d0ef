/*
 * test_cluster.c - grouping scored pairs, with the guard against chaining (src/match/cluster.c).
 *
 * The edges and the score function are hand-made: a small score matrix per test, whose
 * expected groups follow from the rule "two groups merge when the average score of their
 * cross pairs reaches link" (with the guard) or from plain connectivity (without).
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

/* The corpus's chaining guard: link = 0.6 x the default threshold. */
#define LINK (0.6f * (float)NDUPES_DEFAULT_THRESHOLD)

/* A symmetric score matrix of up to 8 items, counting the calls. */
typedef struct matrix {
    float s[8][8];
    unsigned calls;
} matrix;

static float mscore(void *ctx, uint32_t a, uint32_t b)
{
    matrix *m = ctx;
    m->calls++;
    assert_true(a < 8 && b < 8 && a != b);
    return m->s[a][b];
}

static void set(matrix *m, uint32_t a, uint32_t b, float v)
{
    m->s[a][b] = m->s[b][a] = v;
}

/* Edges from the matrix: every pair at or above threshold. */
static size_t edges_of(const matrix *m, size_t n, nd_edge *e)
{
    size_t ne = 0;
    for (uint32_t a = 0; a < n; a++)
        for (uint32_t b = a + 1; b < n; b++)
            if (m->s[a][b] >= (float)NDUPES_DEFAULT_THRESHOLD)
                e[ne++] = (nd_edge){a, b, m->s[a][b]};
    return ne;
}

static void expect_labels(const uint32_t *got, const uint32_t *want, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (got[i] != want[i])
            print_message("item %zu: label %u, expected %u\n", i, got[i], want[i]);
        assert_int_equal(got[i], want[i]);
    }
}

static void simple_pairs_form_groups(void **state)
{
    (void)state;
    matrix m = {0};
    set(&m, 0, 1, 0.9f);
    set(&m, 2, 3, 0.8f);
    nd_edge e[8];
    size_t ne = edges_of(&m, 5, e);
    uint32_t label[5];
    size_t refused = 0;
    assert_true(nd_cluster(5, e, ne, NULL, true, LINK, mscore, &m, label, &refused));
    static const uint32_t want[5] = {0, 0, 2, 2, 4};
    expect_labels(label, want, 5);
    assert_int_equal(refused, 0);
    /* Two singletons merging need no cross scores beyond their own edge. */
    assert_int_equal(m.calls, 0);
}

static void label_is_the_smallest_member_index(void **state)
{
    (void)state;
    matrix m = {0};
    set(&m, 4, 1, 0.9f);
    set(&m, 3, 4, 0.9f);
    set(&m, 1, 3, 0.9f);
    set(&m, 5, 2, 0.5f);
    nd_edge e[16];
    size_t ne = edges_of(&m, 6, e);
    uint32_t label[6];
    assert_true(nd_cluster(6, e, ne, NULL, true, LINK, mscore, &m, label, NULL));
    static const uint32_t want[6] = {0, 1, 2, 1, 1, 2};
    expect_labels(label, want, 6);
}

static void chaining_is_refused_with_the_guard(void **state)
{
    (void)state;
    /* A~B strongly (a copy), B~C just above the threshold (a follow-up that shares a
     * paragraph with B), A and C unrelated: the average of C's scores against {A, B} is
     * (0 + 0.40) / 2 = 0.20, below link = 0.21. */
    matrix m = {0};
    set(&m, 0, 1, 0.9f);
    set(&m, 1, 2, 0.40f);
    set(&m, 0, 2, 0.0f);
    nd_edge e[8];
    size_t ne = edges_of(&m, 3, e);
    assert_int_equal(ne, 2);
    uint32_t label[3];
    size_t refused = 0;
    assert_true(nd_cluster(3, e, ne, NULL, true, LINK, mscore, &m, label, &refused));
    static const uint32_t want[3] = {0, 0, 2};
    expect_labels(label, want, 3);
    assert_int_equal(refused, 1);
    assert_true(m.calls >= 2); /* C was scored against both A and B */
}

static void chaining_merges_without_the_guard(void **state)
{
    (void)state;
    matrix m = {0};
    set(&m, 0, 1, 0.9f);
    set(&m, 1, 2, 0.40f);
    nd_edge e[8];
    size_t ne = edges_of(&m, 3, e);
    uint32_t label[3];
    size_t refused = 0;
    assert_true(nd_cluster(3, e, ne, NULL, false, LINK, mscore, &m, label, &refused));
    static const uint32_t want[3] = {0, 0, 0};
    expect_labels(label, want, 3);
    assert_int_equal(refused, 0);
    assert_int_equal(m.calls, 0);
}

static void guard_merges_when_the_average_link_is_high(void **state)
{
    (void)state;
    /* A, B, C all related (C~A weaker but real): average (0.3 + 0.8) / 2 >= link. */
    matrix m = {0};
    set(&m, 0, 1, 0.9f);
    set(&m, 1, 2, 0.8f);
    set(&m, 0, 2, 0.3f);
    nd_edge e[8];
    size_t ne = edges_of(&m, 3, e);
    uint32_t label[3];
    size_t refused = 0;
    assert_true(nd_cluster(3, e, ne, NULL, true, LINK, mscore, &m, label, &refused));
    static const uint32_t want[3] = {0, 0, 0};
    expect_labels(label, want, 3);
    assert_int_equal(refused, 0);
}

static void two_groups_merge_on_their_average_cross_score(void **state)
{
    (void)state;
    /* {0,1} and {2,3}, one bridging edge 1~2.  Cross pairs: 0-2, 0-3, 1-2, 1-3. */
    matrix m = {0};
    set(&m, 0, 1, 0.95f);
    set(&m, 2, 3, 0.95f);
    set(&m, 1, 2, 0.5f);
    set(&m, 0, 3, 0.1f);
    /* average (0 + 0.1 + 0.5 + 0) / 4 = 0.15 < 0.21: refused */
    nd_edge e[8];
    size_t ne = edges_of(&m, 4, e);
    uint32_t label[4];
    size_t refused = 0;
    assert_true(nd_cluster(4, e, ne, NULL, true, LINK, mscore, &m, label, &refused));
    static const uint32_t apart[4] = {0, 0, 2, 2};
    expect_labels(label, apart, 4);
    assert_int_equal(refused, 1);
    /* Raise the hidden cross pairs: (0.3 + 0.1 + 0.5 + 0.2) / 4 = 0.275 >= 0.21: merged. */
    set(&m, 0, 2, 0.3f);
    set(&m, 1, 3, 0.2f);
    ne = edges_of(&m, 4, e);
    refused = 0;
    assert_true(nd_cluster(4, e, ne, NULL, true, LINK, mscore, &m, label, &refused));
    static const uint32_t merged[4] = {0, 0, 0, 0};
    expect_labels(label, merged, 4);
    assert_int_equal(refused, 0);
}

static void pre_label_starts_from_exact_duplicates(void **state)
{
    (void)state;
    matrix m = {0};
    /* Items 0 and 3 are exact duplicates (pre-labelled), no edges at all. */
    uint32_t pre[5] = {0, 1, 2, 0, 4};
    uint32_t label[5];
    nd_edge none[1] = {{0, 0, 0.0f}};
    assert_true(nd_cluster(5, none, 0, pre, true, LINK, mscore, &m, label, NULL));
    static const uint32_t want[5] = {0, 1, 2, 0, 4};
    expect_labels(label, want, 5);
    /* A pre-label pointing forward: 1 and 4 are one class, labelled by 1. */
    uint32_t pre2[5] = {0, 4, 2, 3, 4};
    assert_true(nd_cluster(5, none, 0, pre2, true, LINK, mscore, &m, label, NULL));
    static const uint32_t want2[5] = {0, 1, 2, 3, 1};
    expect_labels(label, want2, 5);
}

static void pre_labelled_group_joins_a_near_duplicate(void **state)
{
    (void)state;
    /* 0 and 1 identical (score 1), 2 a near-duplicate of both. */
    matrix m = {0};
    set(&m, 0, 1, 1.0f);
    set(&m, 0, 2, 0.6f);
    set(&m, 1, 2, 0.6f);
    uint32_t pre[3] = {0, 0, 2};
    nd_edge e[1] = {{0, 2, 0.6f}}; /* 1 was skipped by the index as a duplicate of 0 */
    uint32_t label[3];
    assert_true(nd_cluster(3, e, 1, pre, true, LINK, mscore, &m, label, NULL));
    static const uint32_t want[3] = {0, 0, 0};
    expect_labels(label, want, 3);
}

static void ties_are_broken_by_index_whatever_the_input_order(void **state)
{
    (void)state;
    /* 0~1 and 1~2 at the same score, 0-2 unrelated: whichever edge is taken first wins,
     * and the other is refused.  The rule: ties by the smaller index pair, so {0,1}. */
    matrix m = {0};
    set(&m, 0, 1, 0.5f);
    set(&m, 1, 2, 0.5f);
    static const nd_edge base[2] = {{0, 1, 0.5f}, {1, 2, 0.5f}};
    static const int orders[2][2] = {{0, 1}, {1, 0}};
    static const uint32_t want[3] = {0, 0, 2};
    for (int o = 0; o < 2; o++) {
        nd_edge e[2] = {base[orders[o][0]], base[orders[o][1]]};
        uint32_t label[3];
        assert_true(nd_cluster(3, e, 2, NULL, true, 0.3f, mscore, &m, label, NULL));
        expect_labels(label, want, 3);
    }
}

static void ties_deterministic_over_all_permutations(void **state)
{
    (void)state;
    /* A star of equal edges around item 2 and a pair: every permutation of the edge
     * list gives the same labels. */
    matrix m = {0};
    set(&m, 2, 0, 0.6f);
    set(&m, 2, 1, 0.6f);
    set(&m, 2, 3, 0.6f);
    set(&m, 4, 5, 0.6f);
    nd_edge base[4] = {{0, 2, 0.6f}, {1, 2, 0.6f}, {2, 3, 0.6f}, {4, 5, 0.6f}};
    uint32_t first[6];
    int perm[4] = {0, 1, 2, 3}, nperm = 0;
    /* Heap's algorithm, iteratively. */
    int c[4] = {0};
    for (int i = 0;;) {
        nd_edge e[4];
        for (int k = 0; k < 4; k++)
            e[k] = base[perm[k]];
        uint32_t label[6];
        assert_true(nd_cluster(6, e, 4, NULL, true, 0.5f, mscore, &m, label, NULL));
        if (nperm++ == 0)
            memcpy(first, label, sizeof label);
        else
            expect_labels(label, first, 6);
        while (i < 4 && c[i] >= i) {
            c[i] = 0;
            i++;
        }
        if (i >= 4)
            break;
        int j = i % 2 ? c[i] : 0;
        int t = perm[j];
        perm[j] = perm[i];
        perm[i] = t;
        c[i]++;
        i = 0;
    }
    assert_int_equal(nperm, 24);
    /* And the outcome is the one the rule gives: 0~2 first (smallest pair), then 1 joins
     * {0,2} only if avg(1-0, 1-2) = 0.3 >= 0.5: no; so {0,2}, {1}, {3}, {4,5}. */
    static const uint32_t want[6] = {0, 1, 0, 3, 4, 4};
    expect_labels(first, want, 6);
}

static void higher_scores_merge_first(void **state)
{
    (void)state;
    /* 1~2 is stronger than 0~1: {1,2} forms first, then 0 must clear the average. */
    matrix m = {0};
    set(&m, 0, 1, 0.5f);
    set(&m, 1, 2, 0.95f);
    nd_edge e[2] = {{0, 1, 0.5f}, {1, 2, 0.95f}};
    uint32_t label[3];
    size_t refused = 0;
    /* avg(0-1, 0-2) = 0.25 < 0.3: refused. */
    assert_true(nd_cluster(3, e, 2, NULL, true, 0.3f, mscore, &m, label, &refused));
    static const uint32_t want[3] = {0, 1, 1};
    expect_labels(label, want, 3);
    assert_int_equal(refused, 1);
}

static void no_items_no_edges(void **state)
{
    (void)state;
    uint32_t label[1] = {7};
    nd_edge none[1] = {{0, 0, 0.0f}};
    assert_true(nd_cluster(0, none, 0, NULL, true, LINK, mscore, NULL, label, NULL));
    assert_int_equal(label[0], 7);
    uint32_t l3[3];
    assert_true(nd_cluster(3, none, 0, NULL, false, LINK, mscore, NULL, l3, NULL));
    static const uint32_t want[3] = {0, 1, 2};
    expect_labels(l3, want, 3);
}

typedef struct stories {
    uint32_t size;  /* items per story: i / size is i's story */
    uint32_t a, b;  /* the bridging pair */
    float bridge;   /* its score */
} stories;

static float story_score(void *ctx, uint32_t a, uint32_t b)
{
    const stories *st = ctx;
    if ((a == st->a && b == st->b) || (a == st->b && b == st->a))
        return st->bridge;
    return a / st->size == b / st->size ? 0.8f : 0.0f;
}

/* Two stories of size items each, fully connected inside at 0.8, and one pair across
 * them at bridge (a follow-up sharing a paragraph with one copy). */
static void check_bridge(uint32_t size)
{
    uint32_t n = 2 * size;
    stories st = {size, 1, size + 2, 0.6f};
    nd_edge *e = malloc(sizeof(nd_edge) * (size * size + 1));
    uint32_t *label = malloc(sizeof(uint32_t) * n);
    assert_non_null(e);
    assert_non_null(label);
    size_t ne = 0;
    for (uint32_t a = 0; a < n; a++)
        for (uint32_t b = a + 1; b < n; b++)
            if (a / size == b / size)
                e[ne++] = (nd_edge){a, b, 0.8f};
    e[ne++] = (nd_edge){st.a, st.b, st.bridge};
    size_t refused = 0;
    assert_true(nd_cluster(n, e, ne, NULL, true, LINK, story_score, &st, label, &refused));
    for (uint32_t i = 0; i < n; i++)
        assert_int_equal(label[i], i / size * size);
    assert_int_equal(refused, 1);
    free(e);
    free(label);
}

static void large_groups_stay_apart_with_one_bridge(void **state)
{
    (void)state;
    check_bridge(10);
    check_bridge(40); /* larger than the sample of 24 members */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(simple_pairs_form_groups),
        cmocka_unit_test(label_is_the_smallest_member_index),
        cmocka_unit_test(chaining_is_refused_with_the_guard),
        cmocka_unit_test(chaining_merges_without_the_guard),
        cmocka_unit_test(guard_merges_when_the_average_link_is_high),
        cmocka_unit_test(two_groups_merge_on_their_average_cross_score),
        cmocka_unit_test(pre_label_starts_from_exact_duplicates),
        cmocka_unit_test(pre_labelled_group_joins_a_near_duplicate),
        cmocka_unit_test(ties_are_broken_by_index_whatever_the_input_order),
        cmocka_unit_test(ties_deterministic_over_all_permutations),
        cmocka_unit_test(higher_scores_merge_first),
        cmocka_unit_test(no_items_no_edges),
        cmocka_unit_test(large_groups_stay_apart_with_one_bridge),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
