/*
 * testgen.h - what several unit tests share to make text: a seeded generator (splitmix64)
 * and a growable string.  Tests build invented words from syllables, so that unrelated
 * generated texts share no shingles by construction.
 */
#ifndef NDUPES_TESTGEN_H
#define NDUPES_TESTGEN_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng_state;

static inline uint64_t rnd(void)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

typedef struct text {
    char *p;
    size_t len, cap;
} text;

static inline void put(text *t, const char *s)
{
    size_t n = strlen(s);
    if (t->len + n + 1 > t->cap) {
        t->cap = (t->len + n + 1) * 2;
        t->p = realloc(t->p, t->cap);
        assert_non_null(t->p);
    }
    memcpy(t->p + t->len, s, n + 1);
    t->len += n;
}

static const char *const syll[] __attribute__((unused)) = {"ka", "lo", "mi", "ren", "tas", "vo", "bel", "dun", "gri",
                                   "pha", "sor", "tel", "nu", "qui", "zam", "fe", "hol", "jin",
                                   "wex", "yor", "ma", "dri", "sen", "cal"};
static const char *const stop[] __attribute__((unused)) = {"the", "of", "and", "to", "in", "that", "was", "for",
                                   "with", "on", "as", "by", "at", "from", "had", "its"};
#endif
