/*
 * sort.c - sorting for every stage: growable arrays of 64-bit values, sorting with their
 * duplicates removed (a radix sort for 32-bit values, the common case of sketches and
 * keys), and a portable sort with a context argument (qsort_r's signature differs between
 * the C libraries, so the library keeps its own: a merge sort, stable, which a sort by
 * several keys relies on).
 */
#include "nd_common.h"

#include <stdlib.h>
#include <string.h>

bool nd_u64v_grow(nd_u64v *a)
{
    if (a->n < a->cap)
        return true;
    size_t nc = a->cap ? a->cap * 2 : 256;
    uint64_t *v = nd_reallocarray(a->v, nc, sizeof *v);
    if (!v)
        return false;
    a->v = v;
    a->cap = nc;
    return true;
}

void nd_u64v_free(nd_u64v *a)
{
    nd_free(a->v);
    a->v = NULL;
    a->n = a->cap = 0;
}

int nd_cmp_i64(const void *x, const void *y)
{
    int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
    return (a > b) - (a < b);
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

/* LSD radix sort of 32-bit values, a byte a pass, the four histograms counted in one read
 * (a pass whose byte is the same in every value is skipped); tmp holds n values. */
static void radix_u32(uint32_t *v, uint32_t *tmp, size_t n)
{
    uint32_t count[4][256] = {{0}};
    for (size_t i = 0; i < n; i++) {
        uint32_t x = v[i];
        count[0][x & 255]++;
        count[1][(x >> 8) & 255]++;
        count[2][(x >> 16) & 255]++;
        count[3][x >> 24]++;
    }
    uint32_t *src = v, *dst = tmp;
    for (unsigned pass = 0, shift = 0; pass < 4; pass++, shift += 8) {
        uint32_t *c = count[pass];
        if (c[(v[0] >> shift) & 255] == n)
            continue;
        uint32_t sum = 0;
        for (size_t b = 0; b < 256; b++) {
            uint32_t k = c[b];
            c[b] = sum;
            sum += k;
        }
        for (size_t i = 0; i < n; i++)
            dst[c[(src[i] >> shift) & 255]++] = src[i];
        uint32_t *t = src;
        src = dst;
        dst = t;
    }
    if (src != v)
        memcpy(v, src, n * sizeof *v);
}

/* Insertion sort of v[0..n): a few values. */
static void insertion_u32(uint32_t *v, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        uint32_t x = v[i];
        size_t j = i;
        for (; j > 0 && v[j - 1] > x; j--)
            v[j] = v[j - 1];
        v[j] = x;
    }
}

/* Sorts a few thousand values at most: one pass by the top byte into tmp, then an
 * insertion sort of each of the 256 buckets (a handful of values each, as the values are
 * hashes; a skewed input costs at most the square of the bucket), copied back. */
static void msd_u32(uint32_t *v, uint32_t *tmp, size_t n)
{
    uint32_t count[257] = {0};
    for (size_t i = 0; i < n; i++)
        count[(v[i] >> 24) + 1]++;
    for (size_t b = 1; b <= 256; b++)
        count[b] += count[b - 1];
    uint32_t pos[256];
    memcpy(pos, count, sizeof pos);
    for (size_t i = 0; i < n; i++)
        tmp[pos[v[i] >> 24]++] = v[i];
    for (size_t b = 0; b < 256; b++)
        insertion_u32(tmp + count[b], count[b + 1] - count[b]);
    memcpy(v, tmp, n * sizeof *v);
}

size_t nd_sort_unique_u32(uint32_t *v, size_t n)
{
    if (n < 2)
        return n;
    uint32_t stackt[2048];
    uint32_t *tmp = n <= 2048 ? stackt : nd_malloc(n * sizeof *tmp);
    if (n < 64)
        insertion_u32(v, n);
    else if (n <= 2048)
        msd_u32(v, stackt, n);
    else if (tmp && n <= UINT32_MAX)
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

/* Merges the sorted runs a[0..na) and b[0..nb) (each `size` bytes an element) into out. */
static void merge(const char *a, size_t na, const char *b, size_t nb, char *out, size_t size,
                  nd_cmp_fn cmp, void *ctx)
{
    while (na && nb) {
        if (cmp(b, a, ctx) < 0) { /* b first only when strictly smaller: stable */
            memcpy(out, b, size);
            b += size;
            nb--;
        } else {
            memcpy(out, a, size);
            a += size;
            na--;
        }
        out += size;
    }
    memcpy(out, a, na * size);
    memcpy(out + na * size, b, nb * size);
}

bool nd_sort(void *base, size_t n, size_t size, nd_cmp_fn cmp, void *ctx)
{
    if (n < 2)
        return true;
    char *tmp = nd_malloc(n * size);
    if (!tmp)
        return false;
    char *src = base, *dst = tmp;
    /* Insertion sort of runs of 8, then merges of doubling width (bottom-up). */
    enum { RUN = 8 };
    char el[64];
    for (size_t lo = 0; lo < n; lo += RUN) {
        size_t hi = lo + RUN < n ? lo + RUN : n;
        for (size_t i = lo + 1; i < hi; i++) {
            size_t j = i;
            memcpy(el, src + i * size, size);
            while (j > lo && cmp(el, src + (j - 1) * size, ctx) < 0) {
                memcpy(src + j * size, src + (j - 1) * size, size);
                j--;
            }
            memcpy(src + j * size, el, size);
        }
    }
    for (size_t w = RUN; w < n; w *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * w) {
            size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
            merge(src + lo * size, mid - lo, src + mid * size, hi - mid, dst + lo * size, size,
                  cmp, ctx);
        }
        char *t = src;
        src = dst;
        dst = t;
    }
    if (src != base)
        memcpy(base, src, n * size);
    nd_free(tmp);
    return true;
}
