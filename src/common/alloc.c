/*
 * alloc.c - the library's one way to allocate memory.
 *
 * Every allocation of libndupes goes through nd_malloc/nd_calloc/nd_realloc, so that a
 * test can make the n-th one fail (nd_test_fail_alloc) and check that the failure is
 * reported as NDUPES_ERR_NOMEM and nothing leaks or crashes.  The counter is atomic
 * because the fingerprinting runs on several threads.
 */
#include "nd_common.h"
#include "nd_test.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static atomic_ulong fail_at;     /* 0: never fail */
static atomic_ulong alloc_count;
static atomic_int fail_sticky;

void nd_test_fail_alloc(unsigned long n, int sticky)
{
    atomic_store(&alloc_count, 0);
    atomic_store(&fail_sticky, sticky);
    atomic_store(&fail_at, n);
}

/* True when this allocation is to fail, by the test hook's count. */
static bool should_fail(void)
{
    unsigned long at = atomic_load_explicit(&fail_at, memory_order_relaxed);
    if (at == 0)
        return false;
    unsigned long k = atomic_fetch_add(&alloc_count, 1) + 1;
    return k == at || (k > at && atomic_load(&fail_sticky));
}

/* Large arrays (the fingerprints of a whole corpus, the LSH entries, the template
 * counts) are filled once, page after page.  With transparent huge pages a first touch
 * maps 2 MB instead of 4 KB; on a virtual machine, where a page fault is dear, that
 * removes most of their cost (100,000 articles: 190,000 faults -> 30,000, and 2 s of a
 * 12 s run).  Only advice: where huge pages are off, nothing changes. */
#define HUGE_MIN ((size_t)4 << 20)

static void *advise_huge(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
    if (p && n >= HUGE_MIN) {
        /* Worker threads allocate too: the page size is asked each time (a cheap call,
         * next to an allocation of megabytes) rather than cached without a lock. */
        long ps = sysconf(_SC_PAGESIZE);
        size_t page = ps > 0 ? (size_t)ps : 4096;
        uintptr_t a = ((uintptr_t)p + page - 1) & ~(uintptr_t)(page - 1);
        uintptr_t e = ((uintptr_t)p + n) & ~(uintptr_t)(page - 1);
        if (e > a) {
            int saved = errno;
            (void)madvise((void *)a, e - a, MADV_HUGEPAGE);
            errno = saved;
        }
    }
#else
    (void)n;
#endif
    return p;
}

void *nd_malloc(size_t n)
{
    if (should_fail()) {
        errno = ENOMEM;
        return NULL;
    }
    return advise_huge(malloc(n ? n : 1), n);
}

void *nd_calloc(size_t n, size_t size)
{
    if (should_fail()) {
        errno = ENOMEM;
        return NULL;
    }
    void *p = calloc(n ? n : 1, size ? size : 1);
    return advise_huge(p, size && n <= SIZE_MAX / size ? n * size : 0);
}

void *nd_realloc(void *p, size_t n)
{
    if (should_fail()) {
        errno = ENOMEM;
        return NULL;
    }
    return advise_huge(realloc(p, n ? n : 1), n);
}

void *nd_reallocarray(void *p, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size) {
        errno = ENOMEM;
        return NULL;
    }
    return nd_realloc(p, n * size);
}

char *nd_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = nd_malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

void nd_free(void *p)
{
    free(p);
}

bool nd_buf_reserve(nd_buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1) {
        if (cap > SIZE_MAX / 2)
            return false;
        cap *= 2;
    }
    char *p = nd_realloc(b->p, cap);
    if (!p)
        return false;
    b->p = p;
    b->cap = cap;
    return true;
}

bool nd_buf_add(nd_buf *b, const void *s, size_t n)
{
    if (!nd_buf_reserve(b, n))
        return false;
    if (n)
        memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
    return true;
}

void nd_buf_free(nd_buf *b)
{
    nd_free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}
