/*
 * test_interrupt.c - interruption is per run (src/common/threads.c; issue #11 point 5, issue #13).
 *
 * ndupes_interrupt() (what a SIGINT handler calls) stops every corpus created before it, and
 * only those: a corpus created afterwards runs normally, where before one interrupt set a
 * process-wide flag for good and every later run of the process failed.  ndupes_corpus_resume
 * clears a corpus's interruption; ndupes_corpus_interrupt stops one corpus and no other.
 * ndupes_parallel_for, the library's thread pool, calls its function once per item on any
 * number of threads, and an interrupt during it stops it, not a later call.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdatomic.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ndupes.h"
#include "nd_internal.h"

static char dir[256], file_a[300], file_b[300];

static const char *const STORY =
    "The council voted on Tuesday to close the old bridge over the river for repairs that "
    "will take most of the summer, after engineers found cracks in two of its supports.\n\n"
    "\"We cannot take the risk of leaving it open,\" the council leader, Ana Ruiz, told the "
    "meeting. \"The repairs will cost more than we hoped, but the bridge must be safe.\"\n\n"
    "Drivers will be sent along the ring road, which adds about twenty minutes to a trip "
    "into the town centre at the busiest hours of the morning and the evening.\n";

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    assert_int_equal(fputs(text, f) >= 0, 1);
    assert_int_equal(fclose(f), 0);
}

static int setup(void **state)
{
    (void)state;
    const char *t = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/ndupes-interrupt.XXXXXX", t && *t ? t : "/tmp");
    if (!mkdtemp(dir))
        return -1;
    snprintf(file_a, sizeof file_a, "%s/a.txt", dir);
    snprintf(file_b, sizeof file_b, "%s/b.txt", dir);
    write_file(file_a, STORY);
    write_file(file_b, STORY);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unlink(file_a);
    unlink(file_b);
    rmdir(dir);
    return 0;
}

static ndupes_corpus *corpus(void)
{
    ndupes_config cfg;
    ndupes_config_init(&cfg);
    cfg.jobs = 2;
    ndupes_corpus *c = ndupes_corpus_create(&cfg, NULL);
    assert_non_null(c);
    return c;
}

/* Reads the two copies and groups them: NDUPES_OK and one group, or the first error. */
static ndupes_status run(ndupes_corpus *c)
{
    const char *paths[2] = {file_a, file_b};
    ndupes_status st = ndupes_corpus_add_files(c, paths, 2);
    if (st == NDUPES_OK)
        st = ndupes_corpus_group(c);
    if (st == NDUPES_OK)
        assert_int_equal(ndupes_corpus_ngroups(c), 1);
    return st;
}

static void an_interrupt_stops_the_corpora_that_exist(void **state)
{
    (void)state;
    ndupes_corpus *c = corpus();
    assert_int_equal(ndupes_corpus_interrupted(c), 0);
    ndupes_interrupt();
    assert_int_equal(ndupes_corpus_interrupted(c), 1);
    assert_int_equal(run(c), NDUPES_ERR_INTERRUPTED);
    assert_int_equal(ndupes_corpus_size(c), 0); /* an interrupted add_files adds nothing */
    FILE *f = fopen("/dev/null", "w");
    assert_non_null(f);
    assert_int_equal(ndupes_write_groups(c, f, NDUPES_FORMAT_TEXT, 0), NDUPES_OK); /* no group */
    fclose(f);
    ndupes_corpus_free(c);
}

static void a_corpus_made_after_an_interrupt_runs(void **state)
{
    (void)state;
    ndupes_interrupt();
    ndupes_corpus *c = corpus();
    assert_int_equal(ndupes_corpus_interrupted(c), 0);
    assert_int_equal(run(c), NDUPES_OK);
    ndupes_corpus_free(c);
}

static void resume_clears_the_interruption(void **state)
{
    (void)state;
    ndupes_corpus *c = corpus();
    ndupes_interrupt();
    assert_int_equal(run(c), NDUPES_ERR_INTERRUPTED);
    ndupes_corpus_resume(c);
    assert_int_equal(ndupes_corpus_interrupted(c), 0);
    assert_int_equal(run(c), NDUPES_OK);
    /* Interrupted again after grouping: the writer stops before the first group. */
    ndupes_interrupt();
    FILE *f = fopen("/dev/null", "w");
    assert_non_null(f);
    assert_int_equal(ndupes_write_groups(c, f, NDUPES_FORMAT_TEXT, 0), NDUPES_ERR_INTERRUPTED);
    fclose(f);
    ndupes_corpus_free(c);
}

static void one_corpus_interrupted_alone(void **state)
{
    (void)state;
    ndupes_corpus *a = corpus(), *b = corpus();
    ndupes_corpus_interrupt(a);
    ndupes_corpus_interrupt(NULL); /* allowed, does nothing */
    assert_int_equal(ndupes_corpus_interrupted(a), 1);
    assert_int_equal(ndupes_corpus_interrupted(b), 0);
    assert_int_equal(run(a), NDUPES_ERR_INTERRUPTED);
    assert_int_equal(run(b), NDUPES_OK);
    ndupes_corpus_free(a);
    ndupes_corpus_free(b);
    assert_int_equal(ndupes_corpus_interrupted(NULL), 0);
}

typedef struct visits {
    atomic_uint *seen;
    atomic_uint calls;
    size_t stop_at; /* the item that calls ndupes_interrupt, or SIZE_MAX */
} visits;

static void visit(void *ctx, size_t i)
{
    visits *v = ctx;
    atomic_fetch_add(&v->seen[i], 1);
    atomic_fetch_add(&v->calls, 1);
    if (i == v->stop_at)
        ndupes_interrupt();
}

static void parallel_for_calls_each_item_once(void **state)
{
    (void)state;
    enum { N = 20000 };
    static atomic_uint seen[N];
    const unsigned jobs[] = {1, 2, 4, 0, 300};
    for (size_t k = 0; k < sizeof jobs / sizeof *jobs; k++) {
        for (size_t i = 0; i < N; i++)
            atomic_init(&seen[i], 0);
        visits v = {.seen = seen, .stop_at = SIZE_MAX};
        atomic_init(&v.calls, 0);
        ndupes_parallel_for(N, jobs[k], visit, &v);
        assert_int_equal(atomic_load(&v.calls), N);
        for (size_t i = 0; i < N; i++)
            assert_int_equal(atomic_load(&seen[i]), 1);
    }
    visits none = {.seen = seen, .stop_at = SIZE_MAX};
    atomic_init(&none.calls, 0);
    ndupes_parallel_for(0, 4, visit, &none);
    assert_int_equal(atomic_load(&none.calls), 0);
}

static void an_interrupt_stops_a_parallel_for(void **state)
{
    (void)state;
    enum { N = 5000 };
    static atomic_uint seen[N];
    for (size_t i = 0; i < N; i++)
        atomic_init(&seen[i], 0);
    visits v = {.seen = seen, .stop_at = 0};
    atomic_init(&v.calls, 0);
    ndupes_parallel_for(N, 1, visit, &v); /* one thread: item 0 interrupts, no other runs */
    assert_int_equal(atomic_load(&v.calls), 1);
    v.stop_at = SIZE_MAX;
    atomic_init(&v.calls, 0);
    ndupes_parallel_for(N, 4, visit, &v); /* a later call is not affected */
    assert_int_equal(atomic_load(&v.calls), N);
}

/* nd_parallel_for says whether every item ran. */
static void a_parallel_for_tells_whether_it_was_cut(void **state)
{
    (void)state;
    enum { N = 3000 };
    static atomic_uint seen[N];
    for (size_t i = 0; i < N; i++)
        atomic_init(&seen[i], 0);
    visits v = {.seen = seen, .stop_at = SIZE_MAX};
    atomic_init(&v.calls, 0);
    assert_true(nd_parallel_for(N, 2, visit, &v));
    v.stop_at = 10;
    assert_false(nd_parallel_for(N, 1, visit, &v));
    v.stop_at = N - 1; /* the last item interrupts: every item has run */
    assert_true(nd_parallel_for(N, 1, visit, &v));
}

static atomic_int spinning;

static void *keep_interrupting(void *arg)
{
    (void)arg;
    while (atomic_load(&spinning))
        ndupes_interrupt();
    return NULL;
}

/* The candidate index cut short by interrupts (another thread interrupting all the while)
 * either says so or gives exactly the pairs of a run left alone: each of its steps needs
 * every item of the one before, and an incomplete step once made pairs out of bytes never
 * written (articles beyond n, writes out of bounds). */
static void an_interrupted_candidate_index_gives_no_wrong_pairs(void **state)
{
    (void)state;
    enum { N = 1500, K = 8 };
    nd_fp *fp = calloc(N, sizeof *fp);
    uint32_t(*keys)[K] = malloc(N * sizeof *keys);
    assert_true(fp && keys);
    for (size_t i = 0; i < N; i++) {
        fp[i].keys = keys[i];
        fp[i].nkeys = K;
        for (size_t k = 0; k < K; k++) /* band keys shared by articles 3 apart at most */
            keys[i][k] = (uint32_t)((i / 3 * K + k) * 0x9E3779B1u) & ~1u;
    }
    nd_pair *want = NULL;
    size_t nwant = 0;
    assert_true(nd_lsh_candidates(fp, NULL, N, &want, &nwant, 2));
    assert_true(nwant > 0);
    size_t whole = 0;
    for (int round = 0; round < 200; round++) {
        void *junk = malloc(N * K * 8); /* memory the index may be handed, not zeroed */
        assert_non_null(junk);
        memset(junk, 0xA5, N * K * 8);
        free(junk);
        atomic_store(&spinning, 1);
        pthread_t t;
        assert_int_equal(pthread_create(&t, NULL, keep_interrupting, NULL), 0);
        nd_pair *p = NULL;
        size_t np = 0;
        bool ok = nd_lsh_candidates(fp, NULL, N, &p, &np, 1 + (unsigned)round % 2);
        atomic_store(&spinning, 0);
        pthread_join(t, NULL);
        if (ok) {
            whole++;
            assert_int_equal(np, nwant);
            assert_memory_equal(p, want, np * sizeof *p);
        }
        nd_free(p);
    }
    print_message("%zu of 200 interrupted runs of the candidate index ran whole\n", whole);
    nd_free(want);
    free(keys);
    free(fp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(an_interrupt_stops_the_corpora_that_exist),
        cmocka_unit_test(a_corpus_made_after_an_interrupt_runs),
        cmocka_unit_test(resume_clears_the_interruption),
        cmocka_unit_test(one_corpus_interrupted_alone),
        cmocka_unit_test(parallel_for_calls_each_item_once),
        cmocka_unit_test(an_interrupt_stops_a_parallel_for),
        cmocka_unit_test(a_parallel_for_tells_whether_it_was_cut),
        cmocka_unit_test(an_interrupted_candidate_index_gives_no_wrong_pairs),
    };
    return cmocka_run_group_tests_name("interrupt", tests, setup, teardown);
}
