/*
 * shingle.c - word shingles: every run of k consecutive words of a paragraph, hashed.
 *
 * Each token is hashed once with XXH3 (by the tokenizer); a shingle's hash combines the k token
 * hashes with rotations (order matters: "a b" and "b a" differ) and a final avalanche, so a
 * paragraph of n words costs n XXH3 calls and n*k cheap mixes.  A paragraph shorter than k
 * words (but of at least 3) gives one shingle of all its words, so short quotes still count.
 * Shingles whose every word lies inside a direct quote are also collected apart: quotes are
 * what survives a rewrite.
 */
#include "nd_sketch.h"

#include <stdlib.h>

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
