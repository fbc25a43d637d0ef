/*
 * test_shingle.c - word shingles and their hashes (src/sketch/shingle.c), and the sort-unique
 * helpers.
 *
 * The number of shingles, which of them are equal and which are quote shingles follow
 * from the word sequences built here; the hashes themselves are only compared with each
 * other, never with stored values.
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

/* The shingles of s (k words) into *out (and quote shingles into *q when q is not NULL). */
static void shingles_of(const char *s, unsigned k, nd_u64v *out, nd_u64v *q)
{
    nd_tok *toks = NULL;
    size_t cap = 0;
    size_t n = nd_tokenize(s, strlen(s), &toks, &cap, 0, NULL);
    assert_true(n != SIZE_MAX);
    assert_true(nd_shingles(toks, n, k, out, q));
    nd_free(toks);
}

/* "w0 w1 ... w(n-1)" */
static char *words(size_t n, const char *prefix)
{
    char *s = malloc(n * 16 + 1);
    assert_non_null(s);
    size_t len = 0;
    s[0] = '\0';
    for (size_t i = 0; i < n; i++)
        len += (size_t)snprintf(s + len, n * 16 + 1 - len, "%s%s%zu", i ? " " : "", prefix, i);
    return s;
}

static void count_is_words_minus_k_plus_one(void **state)
{
    (void)state;
    for (unsigned k = 2; k <= 8; k++) {
        for (size_t n = k < 3 ? 3 : k; n < 300; n += 37) {
            char *s = words(n, "w");
            nd_u64v v = {0};
            shingles_of(s, k, &v, NULL);
            assert_int_equal(v.n, n - k + 1);
            /* Distinct words: every shingle distinct. */
            assert_int_equal(nd_sort_unique_u64(v.v, v.n), n - k + 1);
            nd_u64v_free(&v);
            free(s);
        }
    }
}

static void long_paragraph_beyond_stack_buffer(void **state)
{
    (void)state;
    char *s = words(1000, "x");
    nd_u64v v = {0};
    shingles_of(s, 5, &v, NULL);
    assert_int_equal(v.n, 996);
    nd_u64v_free(&v);
    free(s);
}

static void output_is_appended_not_replaced(void **state)
{
    (void)state;
    nd_u64v v = {0};
    shingles_of("one two three four five six", 5, &v, NULL);
    shingles_of("seven eight nine ten eleven", 5, &v, NULL);
    assert_int_equal(v.n, 3);
    nd_u64v_free(&v);
}

static void identical_runs_hash_equal(void **state)
{
    (void)state;
    nd_u64v a = {0}, b = {0};
    /* The run "the talks will continue tomorrow" at two positions of two texts. */
    shingles_of("the talks will continue tomorrow in miami", 5, &a, NULL);
    shingles_of("officials said the talks will continue tomorrow", 5, &b, NULL);
    assert_int_equal(a.n, 3);
    assert_int_equal(b.n, 3);
    assert_true(a.v[0] == b.v[2]);
    assert_true(a.v[1] != b.v[2]);
    /* And within one text. */
    nd_u64v c = {0};
    shingles_of("a b c d e x a b c d e", 5, &c, NULL);
    assert_int_equal(c.n, 7);
    assert_true(c.v[0] == c.v[6]);
    assert_int_equal(nd_sort_unique_u64(c.v, c.n), 6);
    nd_u64v_free(&a);
    nd_u64v_free(&b);
    nd_u64v_free(&c);
}

static void word_order_matters(void **state)
{
    (void)state;
    nd_u64v a = {0}, b = {0};
    shingles_of("alpha beta gamma delta epsilon", 5, &a, NULL);
    shingles_of("beta alpha gamma delta epsilon", 5, &b, NULL);
    assert_int_equal(a.n, 1);
    assert_int_equal(b.n, 1);
    assert_true(a.v[0] != b.v[0]);
    /* Also for reversed order and for a swap at the end. */
    nd_u64v_free(&b);
    shingles_of("epsilon delta gamma beta alpha", 5, &b, NULL);
    assert_true(a.v[0] != b.v[0]);
    nd_u64v_free(&b);
    shingles_of("alpha beta gamma epsilon delta", 5, &b, NULL);
    assert_true(a.v[0] != b.v[0]);
    nd_u64v_free(&a);
    nd_u64v_free(&b);
}

static void word_boundaries_matter(void **state)
{
    (void)state;
    nd_u64v a = {0}, b = {0};
    shingles_of("ab c d e f", 5, &a, NULL);
    shingles_of("a bc d e f", 5, &b, NULL);
    assert_true(a.v[0] != b.v[0]);
    nd_u64v_free(&a);
    nd_u64v_free(&b);
}

static void short_paragraphs_give_one_shingle(void **state)
{
    (void)state;
    /* 3 .. k-1 words: one shingle of all the words. */
    for (size_t n = 3; n < 5; n++) {
        char *s = words(n, "s");
        nd_u64v v = {0};
        shingles_of(s, 5, &v, NULL);
        assert_int_equal(v.n, 1);
        nd_u64v_free(&v);
        free(s);
    }
    /* Different short paragraphs give different shingles. */
    nd_u64v a = {0}, b = {0};
    shingles_of("peace talks resume", 5, &a, NULL);
    shingles_of("peace talks resume today", 5, &b, NULL);
    assert_true(a.v[0] != b.v[0]);
    nd_u64v_free(&a);
    nd_u64v_free(&b);
}

static void fewer_than_three_words_give_none(void **state)
{
    (void)state;
    nd_u64v v = {0}, q = {0};
    shingles_of("", 5, &v, &q);
    shingles_of("one", 5, &v, &q);
    shingles_of("\"one two\"", 5, &v, &q);
    assert_int_equal(v.n, 0);
    assert_int_equal(q.n, 0);
    nd_u64v_free(&v);
    nd_u64v_free(&q);
}

static void quote_shingles_only_when_all_words_quoted(void **state)
{
    (void)state;
    /* x "a b c d e f" y: 8 words, 4 shingles of 5; "a..e" and "b..f" are wholly quoted. */
    nd_u64v v = {0}, q = {0};
    shingles_of("x \"a b c d e f\" y", 5, &v, &q);
    assert_int_equal(v.n, 4);
    assert_int_equal(q.n, 2);
    assert_true(q.v[0] == v.v[1]);
    assert_true(q.v[1] == v.v[2]);
    nd_u64v_free(&v);
    nd_u64v_free(&q);
}

static void quote_shingles_do_not_span_two_quotes(void **state)
{
    (void)state;
    /* "a b c" x "d e f": every 5-word window contains the unquoted x. */
    nd_u64v v = {0}, q = {0};
    shingles_of("\"a b c\" x \"d e f\"", 5, &v, &q);
    assert_int_equal(v.n, 3);
    assert_int_equal(q.n, 0);
    nd_u64v_free(&v);
    nd_u64v_free(&q);
}

static void quote_hash_equals_the_same_words_unquoted(void **state)
{
    (void)state;
    /* The quote shingle of a quoted run is the same hash as the run elsewhere: a rewrite
     * that drops the quote marks still matches. */
    nd_u64v a = {0}, qa = {0}, b = {0};
    shingles_of("he said \"we are encouraged by this meeting\" today", 5, &a, &qa);
    shingles_of("we are encouraged by this meeting", 5, &b, NULL);
    assert_int_equal(qa.n, 2);
    assert_int_equal(b.n, 2);
    assert_true(qa.v[0] == b.v[0]);
    assert_true(qa.v[1] == b.v[1]);
    nd_u64v_free(&a);
    nd_u64v_free(&qa);
    nd_u64v_free(&b);
}

static void short_quoted_paragraph_gives_one_quote_shingle(void **state)
{
    (void)state;
    nd_u64v v = {0}, q = {0};
    shingles_of("\"we will win\"", 5, &v, &q);
    assert_int_equal(v.n, 1);
    assert_int_equal(q.n, 1);
    assert_true(v.v[0] == q.v[0]);
    nd_u64v_free(&v);
    nd_u64v_free(&q);
}

static void shingle_size_changes_the_hashes(void **state)
{
    (void)state;
    nd_u64v a = {0}, b = {0};
    shingles_of("one two three four five six", 5, &a, NULL);
    shingles_of("one two three four five six", 4, &b, NULL);
    assert_int_equal(a.n, 2);
    assert_int_equal(b.n, 3);
    for (size_t i = 0; i < a.n; i++)
        for (size_t j = 0; j < b.n; j++)
            assert_true(a.v[i] != b.v[j]);
    nd_u64v_free(&a);
    nd_u64v_free(&b);
}

/* ---- nd_u64v ---- */

static void u64v_push_grows_and_free_resets(void **state)
{
    (void)state;
    nd_u64v v = {0};
    for (uint64_t i = 0; i < 1000; i++)
        assert_true(nd_u64v_push(&v, i * 3));
    assert_int_equal(v.n, 1000);
    for (uint64_t i = 0; i < 1000; i++)
        assert_true(v.v[i] == i * 3);
    nd_u64v_free(&v);
    assert_null(v.v);
    assert_int_equal(v.n, 0);
    assert_int_equal(v.cap, 0);
}

/* ---- sort unique ---- */

static uint64_t rng_state = 12345;
static uint64_t rnd(void)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static void sort_unique_u64_small_cases(void **state)
{
    (void)state;
    assert_int_equal(nd_sort_unique_u64(NULL, 0), 0);
    uint64_t one[] = {42};
    assert_int_equal(nd_sort_unique_u64(one, 1), 1);
    assert_true(one[0] == 42);
    uint64_t same[] = {7, 7, 7, 7};
    assert_int_equal(nd_sort_unique_u64(same, 4), 1);
    assert_true(same[0] == 7);
    /* Extremes: a comparator that subtracts would misorder these. */
    uint64_t ext[] = {UINT64_MAX, 0, 1ULL << 63, 1, UINT64_MAX, (1ULL << 63) - 1, 0};
    assert_int_equal(nd_sort_unique_u64(ext, 7), 5);
    uint64_t want[] = {0, 1, (1ULL << 63) - 1, 1ULL << 63, UINT64_MAX};
    for (int i = 0; i < 5; i++)
        assert_true(ext[i] == want[i]);
}

static void sort_unique_u64_random(void **state)
{
    (void)state;
    /* 200 distinct values (multiples of a large odd constant: spread over all 64 bits),
     * each repeated 1..5 times, shuffled. */
    enum { D = 200 };
    uint64_t vals[D], *v = malloc(D * 5 * sizeof *v);
    assert_non_null(v);
    size_t n = 0;
    for (size_t i = 0; i < D; i++) {
        vals[i] = (uint64_t)i * 0x9E3779B97F4A7C15ULL;
        size_t rep = 1 + rnd() % 5;
        for (size_t r = 0; r < rep; r++)
            v[n++] = vals[i];
    }
    for (size_t i = n - 1; i > 0; i--) {
        size_t j = rnd() % (i + 1);
        uint64_t t = v[i];
        v[i] = v[j];
        v[j] = t;
    }
    size_t m = nd_sort_unique_u64(v, n);
    assert_int_equal(m, D);
    for (size_t i = 1; i < m; i++)
        assert_true(v[i - 1] < v[i]);
    /* Every value present: each vals[i] found in the output. */
    for (size_t i = 0; i < D; i++) {
        bool found = false;
        for (size_t j = 0; j < m && !found; j++)
            found = v[j] == vals[i];
        assert_true(found);
    }
    free(v);
}

static int cmp_u32_test(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static void sort_unique_u32_cases(void **state)
{
    (void)state;
    assert_int_equal(nd_sort_unique_u32(NULL, 0), 0);
    uint32_t ext[] = {UINT32_MAX, 0, 1u << 31, 5, 5, UINT32_MAX, (1u << 31) - 1};
    assert_int_equal(nd_sort_unique_u32(ext, 7), 5);
    uint32_t want[] = {0, 5, (1u << 31) - 1, 1u << 31, UINT32_MAX};
    for (int i = 0; i < 5; i++)
        assert_true(ext[i] == want[i]);
    /* Random values with a known number of distinct ones: a counting check. */
    enum { N = 5000 };
    uint32_t *v = malloc(N * sizeof *v);
    static uint8_t seen[1u << 12];
    assert_non_null(v);
    memset(seen, 0, sizeof seen);
    size_t distinct = 0;
    for (size_t i = 0; i < N; i++) {
        uint32_t x = (uint32_t)(rnd() % (1u << 12)) << 20; /* top 12 bits only */
        v[i] = x;
        if (!seen[x >> 20]) {
            seen[x >> 20] = 1;
            distinct++;
        }
    }
    size_t m = nd_sort_unique_u32(v, N);
    assert_int_equal(m, distinct);
    for (size_t i = 1; i < m; i++)
        assert_true(v[i - 1] < v[i]);
    free(v);
    /* Full 32-bit values, on each side of the sizes where the method changes (insertion
     * sort, radix sort on the stack, radix sort on the heap): increasing, and every value
     * of the input is still there. */
    static const size_t sizes[] = {2, 63, 64, 65, 700, 2048, 2049, 9000};
    for (size_t t = 0; t < sizeof sizes / sizeof sizes[0]; t++) {
        size_t n = sizes[t];
        uint32_t *in = malloc(n * sizeof *in), *out = malloc(n * sizeof *out);
        assert_true(in && out);
        for (size_t i = 0; i < n; i++)
            in[i] = (uint32_t)rnd() ^ (uint32_t)(rnd() << 16) ^ (i % 7 == 0 ? 0 : 1u << 31);
        in[n - 1] = in[0]; /* one repeat at least */
        memcpy(out, in, n * sizeof *in);
        size_t k = nd_sort_unique_u32(out, n);
        assert_true(k < n);
        uint32_t *ref = malloc(n * sizeof *ref); /* the distinct count, by qsort */
        assert_non_null(ref);
        memcpy(ref, in, n * sizeof *in);
        qsort(ref, n, sizeof *ref, cmp_u32_test);
        size_t distinct_ref = 1;
        for (size_t i = 1; i < n; i++)
            distinct_ref += ref[i] != ref[i - 1];
        free(ref);
        assert_int_equal(k, distinct_ref);
        for (size_t i = 1; i < k; i++)
            assert_true(out[i - 1] < out[i]);
        for (size_t i = 0; i < n; i++)
            assert_non_null(bsearch(&in[i], out, k, sizeof *out, cmp_u32_test));
        free(in);
        free(out);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(count_is_words_minus_k_plus_one),
        cmocka_unit_test(long_paragraph_beyond_stack_buffer),
        cmocka_unit_test(output_is_appended_not_replaced),
        cmocka_unit_test(identical_runs_hash_equal),
        cmocka_unit_test(word_order_matters),
        cmocka_unit_test(word_boundaries_matter),
        cmocka_unit_test(short_paragraphs_give_one_shingle),
        cmocka_unit_test(fewer_than_three_words_give_none),
        cmocka_unit_test(quote_shingles_only_when_all_words_quoted),
        cmocka_unit_test(quote_shingles_do_not_span_two_quotes),
        cmocka_unit_test(quote_hash_equals_the_same_words_unquoted),
        cmocka_unit_test(short_quoted_paragraph_gives_one_quote_shingle),
        cmocka_unit_test(shingle_size_changes_the_hashes),
        cmocka_unit_test(u64v_push_grows_and_free_resets),
        cmocka_unit_test(sort_unique_u64_small_cases),
        cmocka_unit_test(sort_unique_u64_random),
        cmocka_unit_test(sort_unique_u32_cases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
