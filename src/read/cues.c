/*
 * cues.c - phrases of site chrome (cookie banners, newsletter boxes, share lines, photo
 * credits...) found in a paragraph: those of the page's language (langdata.c) and those
 * that mean the same in every language, in one index a language.
 */
#include "nd_read.h"
#include "langdata.h"

#include <assert.h>
#include <pthread.h>
#include <string.h>

/* ---- chrome phrases of every language, in one index ---- */

typedef struct cue {
    uint64_t head, mask; /* the phrase's first 8 bytes (zero-padded), and which count */
    const char *phrase;
    uint16_t max_words;
    uint8_t len;
    int8_t lang; /* index of nd_langs, or -1: every language */
} cue;

/* Cues by their first two bytes, so that one pass over a paragraph tries at each position
 * only the cues that can start there, usually none; one such index for each language (its
 * cues and those of every language), the last for pages of no known language.  Built once,
 * read-only afterwards.  The order of cues[] is their rank: English first (as the rules
 * were first written), then the cues of every language, then those of each other
 * language. */
#define PAIR_SLOTS 1024
#define PAIR(a, b) (((unsigned)(a) * 131u + (unsigned)(b)) & (PAIR_SLOTS - 1))
#define TRI_SLOTS 65536 /* a filter on the first three bytes, tried before the pairs */
#define TRI(a, b, c)                                                                               \
    ((((unsigned)(a)*131u + (unsigned)(b)) * 131u + (unsigned)(c)) & (TRI_SLOTS - 1))
typedef struct cue_index {
    uint64_t any[PAIR_SLOTS / 64];  /* bit h: some cue starts with pair h */
    uint8_t start[256];             /* 1: some cue starts with this byte */
    uint64_t tri[TRI_SLOTS / 64];   /* bit t: some cue starts with bytes hashing to t */
    uint32_t first[PAIR_SLOTS + 1]; /* by_pair[first[h] .. first[h + 1]) */
    uint16_t *by_pair;              /* cue ids, grouped by pair, in rank order */
} cue_index;
static struct {
    cue *cues;
    size_t ncues;
    cue_index idx[ND_MAX_LANGS + 1];
    int ok;
} C;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static size_t add_cues(const nd_cue *list, int lang, size_t n)
{
    for (const nd_cue *q = list; q && q->phrase; q++) {
        size_t len = strlen(q->phrase);
        if (len < 2 || len > 255)
            continue;
        if (C.cues) {
            cue *c = &C.cues[n];
            *c = (cue){0, 0, q->phrase, (uint16_t)q->max_words, (uint8_t)len, (int8_t)lang};
            memcpy(&c->head, q->phrase, len < 8 ? len : 8);
            memset(&c->mask, 0xFF, len < 8 ? len : 8);
        }
        n++;
    }
    return n;
}

static size_t add_all_cues(void)
{
    int en = nd_lang_lookup("en");
    size_t n = 0;
    if (en >= 0)
        n = add_cues(nd_langs[en].cues, en, n);
    n = add_cues(nd_cues_any, -1, n);
    for (size_t l = 0; l < nd_nlangs; l++)
        if ((int)l != en)
            n = add_cues(nd_langs[l].cues, (int)l, n);
    return n;
}

static unsigned cue_pair(const cue *q)
{
    return PAIR((unsigned char)q->phrase[0], (unsigned char)q->phrase[1]);
}

/* The index of language lang (nd_nlangs: no language): its cues and every language's. */
static bool index_build(cue_index *x, int lang)
{
    uint32_t count[PAIR_SLOTS] = {0};
    size_t n = 0;
    for (size_t i = 0; i < C.ncues; i++)
        if (C.cues[i].lang < 0 || C.cues[i].lang == lang) {
            count[cue_pair(&C.cues[i])]++;
            n++;
        }
    x->by_pair = nd_calloc(n ? n : 1, sizeof *x->by_pair);
    if (!x->by_pair)
        return false;
    for (size_t h = 0, sum = 0; h <= PAIR_SLOTS; h++) {
        x->first[h] = (uint32_t)sum;
        sum += h < PAIR_SLOTS ? count[h] : 0;
    }
    uint32_t fill[PAIR_SLOTS];
    memcpy(fill, x->first, sizeof fill);
    for (size_t i = 0; i < C.ncues; i++)
        if (C.cues[i].lang < 0 || C.cues[i].lang == lang)
            x->by_pair[fill[cue_pair(&C.cues[i])]++] = (uint16_t)i;
    for (size_t h = 0; h < PAIR_SLOTS; h++)
        if (count[h])
            x->any[h / 64] |= 1ull << (h % 64);
    for (size_t i = 0; i < C.ncues; i++) {
        const cue *q = &C.cues[i];
        if (q->lang >= 0 && q->lang != lang)
            continue;
        const unsigned char *p = (const unsigned char *)q->phrase;
        x->start[p[0]] = 1;
        for (unsigned c = 0; c < 256; c++) { /* a 2-byte cue: any third byte */
            unsigned t = TRI(p[0], p[1], q->len > 2 ? p[2] : c);
            x->tri[t / 64] |= 1ull << (t % 64);
            if (q->len > 2)
                break;
        }
    }
    return true;
}

static void cue_build(void)
{
    size_t n = add_all_cues();
    assert(n < UINT16_MAX && nd_nlangs <= ND_MAX_LANGS);
    C.cues = nd_calloc(n ? n : 1, sizeof *C.cues);
    if (!C.cues) {
        C.ok = -1;
        return;
    }
    C.ncues = add_all_cues();
    for (size_t l = 0; l <= nd_nlangs; l++)
        if (!index_build(&C.idx[l], (int)l)) {
            C.ok = -1;
            return;
        }
    C.ok = 1;
}

/* 1 for the bytes that continue a word in normalised text: a-z, 0-9 and every byte of a
 * multi-byte character. */
static const uint8_t word_byte[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
    ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1,
    ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1,
    ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
#define ND_HI8(x) [x] = 1, [x + 1] = 1, [x + 2] = 1, [x + 3] = 1, [x + 4] = 1, [x + 5] = 1, \
                  [x + 6] = 1, [x + 7] = 1
    ND_HI8(0x80), ND_HI8(0x88), ND_HI8(0x90), ND_HI8(0x98), ND_HI8(0xA0), ND_HI8(0xA8),
    ND_HI8(0xB0), ND_HI8(0xB8), ND_HI8(0xC0), ND_HI8(0xC8), ND_HI8(0xD0), ND_HI8(0xD8),
    ND_HI8(0xE0), ND_HI8(0xE8), ND_HI8(0xF0), ND_HI8(0xF8),
#undef ND_HI8
};

/* The first cue (in rank order) of language lang or of every language found in s that
 * counts in a paragraph of w tokens, or NULL.  A cue that starts with a letter must start
 * a word, so the scan tries cues only at word starts (and at other bytes) and skips
 * through the rest of words.  In scripts without spaces every character starts a word. */
const char *nd_cue_find(const char *str, size_t len, unsigned w, int lang, bool cjk)
{
    const cue_index *x = &C.idx[lang >= 0 ? (size_t)lang : nd_nlangs];
    const unsigned char *s = (const unsigned char *)str;
    size_t best = C.ncues;
    for (size_t i = 0; i + 1 < len;) {
        if (!x->start[s[i]] && !word_byte[s[i]]) { /* a space, usually: no cue here */
            i++;
            continue;
        }
        unsigned h = PAIR(s[i], s[i + 1]);
        unsigned t = TRI(s[i], s[i + 1], i + 2 < len ? s[i + 2] : 0);
        if (x->start[s[i]] && (x->tri[t / 64] >> (t % 64) & 1) &&
            (x->any[h / 64] >> (h % 64) & 1)) {
            uint64_t at = 0; /* the next 8 bytes, compared with each cue's head first */
            memcpy(&at, s + i, len - i < 8 ? len - i : 8);
            for (uint32_t k = x->first[h], e = x->first[h + 1]; k < e; k++) {
                size_t ci = x->by_pair[k];
                const cue *q = &C.cues[ci];
                if (ci >= best)
                    break; /* ranked: the rest of this pair rank lower */
                if ((at & q->mask) == q->head && w <= q->max_words && q->len <= len - i &&
                    (q->len <= 8 || memcmp(s + i + 8, q->phrase + 8, q->len - 8u) == 0))
                    best = ci;
            }
        }
        if (cjk && s[i] >= 0x80) { /* on to the next character */
            i++;
            while (i < len && (s[i] & 0xC0) == 0x80)
                i++;
        } else if (word_byte[s[i]]) { /* a word start: on to the end of the word */
            i = nd_word_blocks(s, i + 1, len, false, true);
            while (i < len && word_byte[s[i]])
                i++;
        } else {
            i++;
        }
    }
    return best < C.ncues ? C.cues[best].phrase : NULL;
}

bool nd_cues_init(void)
{
    pthread_once(&once, cue_build);
    return C.ok == 1;
}
