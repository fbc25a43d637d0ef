/*
 * status.c - status codes, version, configuration defaults, and the small threading and
 * timing helpers the pipeline stages share.
 */
#include "nd_internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

atomic_int nd_interrupted;

const char *ndupes_version(void)
{
    return NDUPES_VERSION_STRING;
}

const char *ndupes_strerror(ndupes_status st)
{
    static const char *const msg[NDUPES_STATUS_COUNT] = {
        [NDUPES_OK] = "success",
        [NDUPES_ERR_NOMEM] = "out of memory",
        [NDUPES_ERR_ARG] = "invalid argument",
        [NDUPES_ERR_IO] = "input/output error",
        [NDUPES_ERR_NOTREG] = "not a regular file",
        [NDUPES_ERR_TOOBIG] = "file too large",
        [NDUPES_ERR_BINARY] = "binary data, not text",
        [NDUPES_ERR_PARSE] = "malformed input",
        [NDUPES_ERR_DB] = "database error",
        [NDUPES_ERR_DB_BUSY] = "database is locked by another run",
        [NDUPES_ERR_DB_SCHEMA] = "not an ndupes database, or from a newer version",
        [NDUPES_ERR_INTERRUPTED] = "interrupted",
    };
    if ((unsigned)st >= NDUPES_STATUS_COUNT)
        return "unknown status";
    return msg[st];
}

void ndupes_config_init(ndupes_config *cfg)
{
    cfg->threshold = NDUPES_DEFAULT_THRESHOLD;
    cfg->shingle = NDUPES_DEFAULT_SHINGLE;
    cfg->jobs = 0;
    cfg->max_size = NDUPES_DEFAULT_MAX_SIZE;
    cfg->baseline = 0;
    cfg->keep_boilerplate = 0;
    cfg->template_min_files = 3;
    cfg->exhaustive = 0;
}

void ndupes_interrupt(void)
{
    atomic_store(&nd_interrupted, 1);
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
 * through an atomic cursor, so uneven items (a long file) do not idle the other threads. */
typedef struct pfor {
    size_t n, chunk;
    atomic_size_t next;
    void (*fn)(void *, size_t);
    void *ctx;
} pfor;

static void *pfor_worker(void *arg)
{
    pfor *p = arg;
    for (;;) {
        if (atomic_load_explicit(&nd_interrupted, memory_order_relaxed))
            break;
        size_t i = atomic_fetch_add(&p->next, p->chunk);
        if (i >= p->n)
            break;
        size_t end = i + p->chunk < p->n ? i + p->chunk : p->n;
        for (; i < end; i++)
            p->fn(p->ctx, i);
    }
    return NULL;
}

void nd_parallel_for(size_t n, unsigned jobs, void (*fn)(void *ctx, size_t i), void *ctx)
{
    if (jobs == 0)
        jobs = nd_ncpu();
    pfor p = {.n = n, .fn = fn, .ctx = ctx};
    p.chunk = n / (jobs * 64u) + 1;
    if (p.chunk > 64)
        p.chunk = 64;
    atomic_init(&p.next, 0);
    if (jobs == 1 || n < 2) {
        pfor_worker(&p);
        return;
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
}
