/*
 * score.c - how much two articles share, from their fingerprints.
 *
 * Jaccard from bottom-k sketches: below tau, the smaller of the two sketches' largest
 * values (or everything, when a sketch holds all of its article's shingles), both
 * sketches hold every shingle of their article, so counting common and total values below
 * tau samples the union uniformly.  From J and the two exact set sizes follow the shared
 * count, |A n B| = J (|A| + |B|) / (1 + J), and the containment of each side in the other.
 *
 * Quotes: the share of A's quote shingles that occur anywhere in B.  A rewrite keeps the
 * direct quotes word for word while changing everything around them; a different story on
 * the same topic may repeat one quote but not several.
 *
 * The score is the larger of
 *   - the containment of the smaller article in the larger (excerpts, wire copies,
 *     spun copies whose copied half survives), and
 *   - the two-way quote overlap (geometric mean of both quote shares, to the power 1.5),
 * each counted only when the absolute amount shared clears a floor, so that one common
 * sentence or one common quote does not make two stories one: quotes count only when at
 * least two distinct quotes are shared word for word (fingerprint.c keeps one anchor per
 * quote).
 */
#include "nd_match.h"

#include <math.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define MIN_SHARED 20       /* shingles shared, at the least, for containment to count */
#define MIN_SHARED_QUOTE 24 /* quote shingles shared, at the least, for quotes to count */
#define QUOTE_POWER 1.5
#define NARRATIVE_RATIO 1.5 /* shared narrative per shared quote shingle, at most */
#define MIN_SHARED_QUOTES 2 /* distinct quotes shared, at the least, for quotes to count */

/* How many values of v[0..n) (sorted) are at most x. */
static size_t count_upto(const uint32_t *v, size_t n, uint32_t x)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (v[mid] <= x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Four values of each side at a time where SSE2 is there (every x86-64): all sixteen pairs
 * compared at once, then the block with the smaller last value moves on (a value of one
 * block can equal one value of the other only, so no match is counted twice); the rest
 * without branches on the data (the comparisons are unpredictable). */
size_t nd_intersect_count(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    size_t i = 0, j = 0, inter = 0;
#ifdef __SSE2__
    while (i + 4 <= na && j + 4 <= nb) {
        __m128i va = _mm_loadu_si128((const __m128i *)(const void *)(a + i));
        __m128i vb = _mm_loadu_si128((const __m128i *)(const void *)(b + j));
        __m128i m = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi32(va, vb),
                         _mm_cmpeq_epi32(va, _mm_shuffle_epi32(vb, _MM_SHUFFLE(0, 3, 2, 1)))),
            _mm_or_si128(_mm_cmpeq_epi32(va, _mm_shuffle_epi32(vb, _MM_SHUFFLE(1, 0, 3, 2))),
                         _mm_cmpeq_epi32(va, _mm_shuffle_epi32(vb, _MM_SHUFFLE(2, 1, 0, 3)))));
        unsigned bits = (unsigned)_mm_movemask_ps(_mm_castsi128_ps(m));
        inter += (bits & 1) + (bits >> 1 & 1) + (bits >> 2 & 1) + (bits >> 3 & 1);
        uint32_t amax = a[i + 3], bmax = b[j + 3];
        i += amax <= bmax ? 4 : 0;
        j += bmax <= amax ? 4 : 0;
    }
#endif
    while (i < na && j < nb) {
        uint32_t x = a[i], y = b[j];
        inter += x == y;
        i += x <= y;
        j += y <= x;
    }
    return inter;
}

/* The sizes of the intersection and (in *uni) of the union of two sorted sets. */
static size_t merge_count(const uint32_t *a, size_t na, const uint32_t *b, size_t nb, size_t *uni)
{
    size_t inter = nd_intersect_count(a, na, b, nb);
    *uni = na + nb - inter;
    return inter;
}

/* The value below which a sketch is complete: its largest value if it was cut at k. */
static uint32_t sketch_tau(const uint32_t *v, size_t n, size_t k, size_t total)
{
    return (n >= k && total > n) ? v[n - 1] : UINT32_MAX;
}

/* Share of a's quote shingles (below b's tau) present in b's sketch. */
static double quote_share(const nd_fp *a, const nd_fp *b, uint32_t taub, double *shared)
{
    size_t seen = count_upto(a->qk, a->nqk, taub), uni;
    size_t found = merge_count(a->qk, seen, b->sk, b->nsk, &uni);
    if (seen == 0) {
        *shared = 0;
        return 0;
    }
    double share = (double)found / (double)seen;
    *shared = share * a->nq;
    return share;
}

/* Number of quotes the two articles share word for word (common anchors). */
static unsigned shared_anchors(const nd_fp *a, const nd_fp *b)
{
    return (unsigned)nd_intersect_count(a->anc, a->nanc, b->anc, b->nanc);
}

void nd_score(const nd_fp *a, const nd_fp *b, const ndupes_config *cfg, ndupes_score *o)
{
    *o = (ndupes_score){0};
    o->shingles_a = a->nsh;
    o->shingles_b = b->nsh;
    if (a->nsh == 0 || b->nsh == 0)
        return;
    uint32_t ta = sketch_tau(a->sk, a->nsk, ND_SKETCH_K, a->nsh);
    uint32_t tb = sketch_tau(b->sk, b->nsk, ND_SKETCH_K, b->nsh);
    uint32_t tau = ta < tb ? ta : tb;
    size_t uni;
    size_t inter = merge_count(a->sk, count_upto(a->sk, a->nsk, tau), b->sk,
                               count_upto(b->sk, b->nsk, tau), &uni);
    double J = uni ? (double)inter / (double)uni : 0;
    double shared = J * ((double)a->nsh + b->nsh) / (1 + J);
    o->jaccard = J;
    o->shared = (unsigned)lround(shared);
    o->contain_a = fmin(1, shared / a->nsh);
    o->contain_b = fmin(1, shared / b->nsh);
    double sqa = 0, sqb = 0;
    o->quote_a = quote_share(a, b, tb, &sqa);
    o->quote_b = quote_share(b, a, ta, &sqb);
    o->shared_quote = (unsigned)lround(fmax(sqa, sqb));
    if (cfg->baseline) {
        o->score = J;
        return;
    }
    double s = 0;
    if (shared >= MIN_SHARED)
        s = fmax(o->contain_a, o->contain_b);
    /* Quotes count when each side's quotes are largely found in the other: a rewrite keeps
     * the quotes both ways, a follow-up that repeats one quote finds a part of its quotes
     * one way only.  The geometric mean, raised to 1.5, keeps 1 at 1 and pushes the
     * one-sided overlaps of follow-ups (0.25 one way, 0.7 the other: 0.42 -> 0.27) under
     * the threshold, while two-way overlaps of 0.6 (spun copies) stay above it (0.46). */
    o->shared_quotes = shared_anchors(a, b);
    /* Quotes are the evidence of a rewrite, whose narrative is new.  When the two share
     * more narrative than quotes, whole paragraphs were carried over (a follow-up that
     * recycles background and the earlier story's quotes), and containment alone judges. */
    double narrative = shared - fmin(shared, (double)o->shared_quote);
    if (fmin(a->nq, b->nq) > 0 && o->shared_quote >= MIN_SHARED_QUOTE &&
        o->shared_quotes >= MIN_SHARED_QUOTES && narrative <= NARRATIVE_RATIO * o->shared_quote)
        s = fmax(s, pow(sqrt(o->quote_a * o->quote_b), QUOTE_POWER));
    o->score = s;
}
