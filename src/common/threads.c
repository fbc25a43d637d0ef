/*
 * threads.c - worker threads, interruption, the clock.
 *
 * Interruption is per run.  ndupes_interrupt() is called from signal handlers, so it may
 * only touch a lock-free atomic: it adds one to a process-wide count of interrupts.  A run
 * (a corpus, or one nd_parallel_for) remembers that count when it is armed and is stopped
 * once the count moves on, or once its own flag is set (ndupes_corpus_interrupt); a run
 * armed after an interrupt runs normally, so one Ctrl-C does not disable the library for
 * the rest of the process.
 */
#include "nd_common.h"

#include <pthread.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static atomic_uint interrupts; /* ndupes_interrupt calls so far */

void ndupes_interrupt(void)
{
    atomic_fetch_add(&interrupts, 1);
}

void nd_run_arm(nd_run *r)
{
    atomic_store(&r->stop, 0);
    r->armed = atomic_load(&interrupts);
}

bool nd_run_stopped(const nd_run *r)
{
    return r && (atomic_load_explicit(&r->stop, memory_order_relaxed) ||
                 atomic_load_explicit(&interrupts, memory_order_relaxed) != r->armed);
}

unsigned nd_ncpu(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 256 ? 256 : (unsigned)n;
}

double nd_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Work shared by the threads of one nd_parallel_for: items are handed out in chunks
 * through an atomic cursor, so uneven items (a long file) do not idle the other threads.
 * The stop flags are looked at before every item: one item is the longest a stop waits. */
typedef struct pfor {
    size_t n, chunk;
    atomic_size_t next;
    void (*fn)(void *, size_t);
    void *ctx;
    const nd_run *run; /* the caller's run, or NULL */
    nd_run call;       /* armed at the call: ndupes_interrupt during it stops it */
    atomic_bool cut;   /* some worker stopped before the items ran out */
} pfor;

static void *pfor_worker(void *arg)
{
    pfor *p = arg;
    for (;;) {
        size_t i = atomic_fetch_add(&p->next, p->chunk);
        if (i >= p->n)
            break;
        size_t end = i + p->chunk < p->n ? i + p->chunk : p->n;
        for (; i < end; i++) {
            if (nd_run_stopped(&p->call) || nd_run_stopped(p->run)) {
                atomic_store(&p->cut, true);
                return NULL;
            }
            p->fn(p->ctx, i);
        }
    }
    return NULL;
}

bool nd_parallel_for_run(const nd_run *run, size_t n, unsigned jobs,
                         void (*fn)(void *ctx, size_t i), void *ctx)
{
    if (jobs == 0)
        jobs = nd_ncpu();
    pfor p = {.n = n, .fn = fn, .ctx = ctx, .run = run};
    nd_run_arm(&p.call);
    atomic_init(&p.cut, false);
    p.chunk = n / (jobs * 64u) + 1;
    if (p.chunk > 64)
        p.chunk = 64;
    atomic_init(&p.next, 0);
    if (jobs == 1 || n < 2) {
        pfor_worker(&p);
        return !atomic_load(&p.cut);
    }
    pthread_t tid[256];
    unsigned started = 0;
    for (unsigned t = 1; t < jobs && t < 256; t++) {
        if (pthread_create(&tid[started], NULL, pfor_worker, &p) == 0)
            started++;
    }
    pfor_worker(&p); /* the calling thread works too; it finishes the rest if none started */
    for (unsigned t = 0; t < started; t++)
        pthread_join(tid[t], NULL);
    return !atomic_load(&p.cut);
}

bool nd_parallel_for(size_t n, unsigned jobs, void (*fn)(void *ctx, size_t i), void *ctx)
{
    return nd_parallel_for_run(NULL, n, jobs, fn, ctx);
}

void ndupes_parallel_for(size_t n, unsigned jobs, void (*fn)(void *ctx, size_t i), void *ctx)
{
    nd_parallel_for_run(NULL, n, jobs, fn, ctx);
}
