/*
 * nd_common.h - what every part of the library shares: allocation, buffers, arrays and sorts,
 * worker threads and interruption.
 * Library-internal (nd_ prefix); the tool includes only ndupes.h.
 */
#ifndef ND_COMMON_H
#define ND_COMMON_H

#include "ndupes.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

/* ---- alloc.c: every library allocation goes through these, so tests can fail them ---- */
void *nd_malloc(size_t n);
void *nd_calloc(size_t n, size_t size);
void *nd_realloc(void *p, size_t n);
void *nd_reallocarray(void *p, size_t n, size_t size); /* overflow-checked */
char *nd_strdup(const char *s);
void nd_free(void *p);

/* A growable byte buffer. */
typedef struct nd_buf {
    char *p;
    size_t len, cap;
} nd_buf;
bool nd_buf_reserve(nd_buf *b, size_t extra);
bool nd_buf_add(nd_buf *b, const void *s, size_t n);
static inline bool nd_buf_addc(nd_buf *b, char c)
{
    if (b->len + 1 >= b->cap && !nd_buf_reserve(b, 1))
        return false;
    b->p[b->len++] = c;
    return true;
}
void nd_buf_free(nd_buf *b);

/* ---- sort.c ---- */
/* A growable array of 64-bit values. */
typedef struct nd_u64v {
    uint64_t *v;
    size_t n, cap;
} nd_u64v;
/* Makes room for at least one more value (doubling); false when memory ran out. */
bool nd_u64v_grow(nd_u64v *a);
static inline bool nd_u64v_push(nd_u64v *a, uint64_t x)
{
    if (a->n == a->cap && !nd_u64v_grow(a))
        return false;
    a->v[a->n++] = x;
    return true;
}
void nd_u64v_free(nd_u64v *a);
/* Sorts and removes duplicates (radix sorts); returns the new count. */
size_t nd_sort_unique_u64(uint64_t *v, size_t n);
size_t nd_sort_unique_u32(uint32_t *v, size_t n);
/* The order of int64_t values, for qsort. */
int nd_cmp_i64(const void *x, const void *y);
/* Sorts n elements of `size` bytes (at most 64) by cmp, which gets ctx; stable.  False
 * when memory ran out (base is then unchanged). */
typedef int (*nd_cmp_fn)(const void *a, const void *b, void *ctx);
bool nd_sort(void *base, size_t n, size_t size, nd_cmp_fn cmp, void *ctx);
/* qsort (not stable, allocates nothing), for arrays that may be empty and NULL: where the
 * order of equal elements cannot show. */
static inline void nd_qsort(void *base, size_t n, size_t size,
                            int (*cmp)(const void *, const void *))
{
    if (n > 1)
        qsort(base, n, size, cmp);
}


/* ---- utf8.c ---- */
/* Length of the valid UTF-8 sequence at s (1..4), or 0 when it is not valid (overlong
 * forms, surrogates and code points past U+10FFFF are invalid); *cp receives the value. */
size_t nd_utf8_seq(const unsigned char *s, size_t avail, uint32_t *cp);
/* Appends code point c as UTF-8; false when memory ran out. */
bool nd_utf8_put(nd_buf *b, uint32_t c);

/* ---- uf.c: union-find ---- */
typedef struct nd_uf {
    uint32_t *parent, *size;
    uint32_t *next, *tail; /* a group's members as a list from its root (UINT32_MAX ends) */
} nd_uf;
/* n items, each its own group; false when memory ran out (u is then freed). */
bool nd_uf_init(nd_uf *u, size_t n);
void nd_uf_free(nd_uf *u);
uint32_t nd_uf_find(nd_uf *u, uint32_t x);
/* Joins the groups of a and b; returns the root of the union. */
uint32_t nd_uf_join(nd_uf *u, uint32_t a, uint32_t b);
/* label[i] = the smallest item of i's group, for items [0, n). */
void nd_uf_labels(nd_uf *u, size_t n, uint32_t *label);

/* ---- threads.c: interruption, one run at a time ---- */
/* A run's stop flag.  ndupes_interrupt() (a signal handler's call) stops every run armed
 * before it; ndupes_corpus_interrupt() stops one run.  A run armed later is not affected:
 * the process counts the interrupts, and a run remembers the count when it is armed. */
typedef struct nd_run {
    atomic_uint stop; /* set by ndupes_corpus_interrupt */
    unsigned armed;   /* the count of ndupes_interrupt calls when armed */
} nd_run;
/* Arms r: from now on it is stopped by ndupes_interrupt or by setting r->stop. */
void nd_run_arm(nd_run *r);
/* True when r was stopped since it was armed.  r may be NULL: then false. */
bool nd_run_stopped(const nd_run *r);

/* ---- threads.c: worker threads, the clock ---- */
unsigned nd_ncpu(void);
/* Runs fn(ctx, i) for i in [0, n) on `jobs` threads (items handed out in chunks); stops
 * handing out items once ndupes_interrupt() is called during it.  True when every item
 * ran; false when it stopped (a step whose later steps need every item must check). */
bool nd_parallel_for(size_t n, unsigned jobs, void (*fn)(void *ctx, size_t i), void *ctx);
/* The same, also stopping once run is stopped (run may be NULL). */
bool nd_parallel_for_run(const nd_run *run, size_t n, unsigned jobs,
                         void (*fn)(void *ctx, size_t i), void *ctx);

double nd_now(void);

#endif /* ND_COMMON_H */
