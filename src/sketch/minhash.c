/*
 * minhash.c - MinHash band keys of a paragraph, and bottom-k sketches of an article.
 *
 * LSH keys: a paragraph's shingles are summarised by ND_BANDS*ND_ROWS MinHash values.
 * Rather than one hash call per shingle per permutation, permutations come from a
 * multiply-add of the (already well mixed) 64-bit shingle hash, h*A_i + B_i with A_i odd,
 * then an xor-shift: a bijection of 64-bit values whose top and bottom halves are two
 * permutations, so a shingle costs ND_BANDS*ND_ROWS/2 multiplies and no calls.  Each band
 * of r values is folded into one 32-bit key; two sets with Jaccard s share a given band
 * with probability s^r.  Paragraphs use 8 bands of 3 rows: a pair of paragraphs at s = 0.8
 * is found with probability 0.99, at 0.6 with 0.84, at 0.5 with 0.66, at 0.2 with 0.06.
 * Two rows found far too many unrelated pairs at scale (at 100,000 articles, seven times
 * the candidates: common phrases make low-similarity paragraphs collide, and those pairs
 * grow with the square of the corpus).  An article's quotes use 2 rows (at s = 0.5: 0.90):
 * quote sets of a rewrite overlap less than its copied paragraphs do, and are few.
 *
 * Sketches: an article keeps the k smallest 32-bit projections of its shingle hashes
 * (bottom-k).  Two bottom-k sketches under the same hash estimate Jaccard and containment
 * (score.c), and the sketch of a union is the bottom-k of the two sketches merged, which is
 * what lets short paragraphs join later, once the corpus says they are not templates.
 */
#include "nd_sketch.h"

#include <string.h>

#define ND_PERMS (ND_BANDS * ND_ROWS)

/* Odd multipliers and offsets of the permutations (from a splitmix64 stream). */
static uint64_t perm_a[ND_PERMS], perm_b[ND_PERMS];
static atomic_int perm_ready;

static uint64_t splitmix64(uint64_t *s)
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static void perm_init(void)
{
    if (atomic_load_explicit(&perm_ready, memory_order_acquire))
        return;
    uint64_t s = 0x6e64757065734c53ULL; /* fixed: keys must agree across runs */
    uint64_t a[ND_PERMS], b[ND_PERMS];
    for (int i = 0; i < ND_PERMS; i++) {
        a[i] = splitmix64(&s) | 1;
        b[i] = splitmix64(&s);
    }
    /* Every thread computes the same values, so a race only writes equal bytes; the
     * atomic flag publishes them. */
    memcpy(perm_a, a, sizeof a);
    memcpy(perm_b, b, sizeof b);
    atomic_store_explicit(&perm_ready, 1, memory_order_release);
}

/* The same arithmetic in every version; where the CPU has AVX2, GCC's vector version
 * runs (chosen once, at load time, through an ifunc).  Clang 14 does not link such clones
 * in a static library, so its builds (sanitizers, fuzzing) keep the one version. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("avx2", "default")))
#endif
void nd_minhash_keys(const uint64_t *sh, size_t n, unsigned rows, uint32_t keys[ND_BANDS])
{
    perm_init();
    uint32_t mins[ND_PERMS];
    for (int i = 0; i < ND_PERMS; i++)
        mins[i] = UINT32_MAX;
    /* Each multiply-add gives two permutations: after an xor-shift that folds the high
     * bits into the low ones, the top and the bottom 32 bits of a 64-bit bijection. */
    for (size_t s = 0; s < n; s++) {
        uint64_t h = sh[s];
        for (int i = 0; i < ND_PERMS / 2; i++) {
            uint64_t x = h * perm_a[i] + perm_b[i];
            x ^= x >> 29;
            uint32_t hi = (uint32_t)(x >> 32), lo = (uint32_t)x;
            mins[2 * i] = hi < mins[2 * i] ? hi : mins[2 * i];
            mins[2 * i + 1] = lo < mins[2 * i + 1] ? lo : mins[2 * i + 1];
        }
    }
    for (int b = 0; b < ND_BANDS; b++) {
        uint64_t k = (uint64_t)(b + 1) * 0x9e3779b97f4a7c15ULL;
        for (unsigned r = 0; r < rows; r++)
            k = (k ^ mins[b * ND_ROWS + r]) * 0xff51afd7ed558ccdULL;
        k ^= k >> 29;
        keys[b] = (uint32_t)(k >> 32) & ~ND_RUN_KEY; /* the low bit marks run keys */
    }
}

size_t nd_bottomk(const uint64_t *sh, size_t n, uint32_t *out, size_t k)
{
    /* Project, sort, deduplicate, keep the k smallest.  n is a few hundred to a few
     * thousand; a temporary array keeps the caller's data intact. */
    uint32_t stackv[1024];
    uint32_t *v = n <= 1024 ? stackv : nd_malloc(n * sizeof *v);
    if (!v)
        return SIZE_MAX;
    for (size_t i = 0; i < n; i++)
        v[i] = (uint32_t)(sh[i] >> 32);
    size_t m = nd_sort_unique_u32(v, n);
    if (m > k)
        m = k;
    memcpy(out, v, m * sizeof *v);
    if (v != stackv)
        nd_free(v);
    return m;
}

size_t nd_bottomk_merge(const uint32_t *a, size_t na, const uint32_t *b, size_t nb, uint32_t *out,
                        size_t k)
{
    size_t i = 0, j = 0, m = 0;
    while (m < k && (i < na || j < nb)) {
        uint32_t x;
        if (j >= nb || (i < na && a[i] < b[j]))
            x = a[i++];
        else if (i >= na || b[j] < a[i])
            x = b[j++];
        else {
            x = a[i++];
            j++;
        }
        out[m++] = x;
    }
    return m;
}
