/*
 * shingle.c - word shingles: every run of k consecutive words of a paragraph, hashed.
 *
 * Each token is hashed once with XXH3 (by the tokenizer); a shingle's hash combines the k token hashes with
 * rotations (order matters: "a b" and "b a" differ) and a final avalanche, so a paragraph
 * of n words costs n XXH3 calls and n*k cheap mixes.  A paragraph shorter than k words
 * (but of at least 3) gives one shingle of all its words, so short quotes still count.
 * Shingles whose every word lies inside a direct quote are also collected apart: quotes
 * are what survives a rewrite.
 */
#include "nd_internal.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

bool nd_u64v_push(nd_u64v *a, uint64_t x)
{
    if (a->n == a->cap) {
        size_t nc = a->cap ? a->cap * 2 : 256;
        uint64_t *v = nd_reallocarray(a->v, nc, sizeof *v);
        if (!v)
            return false;
        a->v = v;
        a->cap = nc;
    }
    a->v[a->n++] = x;
    return true;
}

void nd_u64v_free(nd_u64v *a)
{
    nd_free(a->v);
    a->v = NULL;
    a->n = a->cap = 0;
}

static inline uint64_t rotl64(uint64_t x, unsigned r)
{
    return (x << r) | (x >> (64 - r));
}

/* The murmur3 finaliser: spreads every input bit over the output. */
static inline uint64_t avalanche(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

bool nd_shingles(const nd_tok *toks, size_t ntok, unsigned k, nd_u64v *out, nd_u64v *qout)
{
    if (ntok < 3)
        return true;
    uint64_t stackh[128];
    uint64_t *th = ntok <= 128 ? stackh : nd_malloc(ntok * sizeof *th);
    if (!th)
        return false;
    for (size_t i = 0; i < ntok; i++)
        th[i] = toks[i].hash;
    size_t kk = ntok < k ? ntok : k;
    bool ok = true;
    for (size_t i = 0; i + kk <= ntok && ok; i++) {
        uint64_t h = kk;
        unsigned quoted = 1;
        for (size_t j = 0; j < kk; j++) {
            h = rotl64(h, 17) ^ th[i + j];
            quoted &= toks[i + j].quoted ? 1u : 0u;
        }
        h = avalanche(h);
        ok = nd_u64v_push(out, h);
        if (ok && quoted && qout)
            ok = nd_u64v_push(qout, h);
    }
    if (th != stackh)
        nd_free(th);
    return ok;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

size_t nd_sort_unique_u64(uint64_t *v, size_t n)
{
    if (n < 2)
        return n;
    qsort(v, n, sizeof *v, cmp_u64);
    size_t m = 1;
    for (size_t i = 1; i < n; i++)
        if (v[i] != v[m - 1])
            v[m++] = v[i];
    return m;
}

/* LSD radix sort of 32-bit values, a byte a pass (a pass whose byte is the same in every
 * value is skipped); tmp holds n values. */
static void radix_u32(uint32_t *v, uint32_t *tmp, size_t n)
{
    uint32_t *src = v, *dst = tmp;
    for (unsigned shift = 0; shift < 32; shift += 8) {
        size_t count[256] = {0};
        for (size_t i = 0; i < n; i++)
            count[(src[i] >> shift) & 255]++;
        if (count[(src[0] >> shift) & 255] == n)
            continue;
        size_t sum = 0;
        for (size_t b = 0; b < 256; b++) {
            size_t c = count[b];
            count[b] = sum;
            sum += c;
        }
        for (size_t i = 0; i < n; i++)
            dst[count[(src[i] >> shift) & 255]++] = src[i];
        uint32_t *t = src;
        src = dst;
        dst = t;
    }
    if (src != v)
        memcpy(v, src, n * sizeof *v);
}

size_t nd_sort_unique_u32(uint32_t *v, size_t n)
{
    if (n < 2)
        return n;
    uint32_t stackt[2048];
    uint32_t *tmp = n <= 2048 ? stackt : nd_malloc(n * sizeof *tmp);
    if (n >= 64 && tmp)
        radix_u32(v, tmp, n);
    else
        qsort(v, n, sizeof *v, cmp_u32);
    if (tmp != stackt)
        nd_free(tmp);
    size_t m = 1;
    for (size_t i = 1; i < n; i++)
        if (v[i] != v[m - 1])
            v[m++] = v[i];
    return m;
}
