/*
 * alloc.c - the library's one way to allocate memory.
 *
 * Every allocation of libndupes goes through nd_malloc/nd_calloc/nd_realloc, so that a
 * test can make the n-th one fail (ndupes_test_fail_alloc) and check that the failure is
 * reported as NDUPES_ERR_NOMEM and nothing leaks or crashes.  The counter is atomic
 * because the fingerprinting runs on several threads.
 */
#include "nd_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static atomic_ulong fail_at;     /* 0: never fail */
static atomic_ulong alloc_count;
static atomic_int fail_sticky;

void ndupes_test_fail_alloc(unsigned long n, int sticky)
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

void *nd_malloc(size_t n)
{
    if (should_fail()) {
        errno = ENOMEM;
        return NULL;
    }
    return malloc(n ? n : 1);
}

void *nd_calloc(size_t n, size_t size)
{
    if (should_fail()) {
        errno = ENOMEM;
        return NULL;
    }
    return calloc(n ? n : 1, size ? size : 1);
}

void *nd_realloc(void *p, size_t n)
{
    if (should_fail()) {
        errno = ENOMEM;
        return NULL;
    }
    return realloc(p, n ? n : 1);
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
