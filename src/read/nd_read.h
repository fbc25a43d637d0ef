/*
 * nd_read.h - the reader: bytes -> text -> paragraphs, their language, and the keep/drop
 * decisions (src/read/).
 * Library-internal (nd_ prefix); the tool includes only ndupes.h.
 */
#ifndef ND_READ_H
#define ND_READ_H

#include "nd_common.h"

#include <string.h>

/* ---- scanning words eight bytes at a time ---- */
/* From s[i], skips the blocks of eight bytes that are all word bytes: ASCII digits and
 * lower-case letters, with upper: upper-case letters too, with high: every byte from 0x80
 * (those of multi-byte characters).  Returns the first byte that is none of them, or
 * where fewer than eight bytes remain (the caller ends the run byte by byte).  Only on
 * little-endian machines, where the lowest set bit names the first byte; elsewhere it
 * returns i. */
static inline size_t nd_word_blocks(const unsigned char *s, size_t i, size_t len, bool upper,
                                    bool high)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    for (; i + 8 <= len; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        uint64_t y = x & ~highs; /* the low seven bits: no sum below carries */
        uint64_t word = ((y + ones * (0x80 - '0')) & ~(y + ones * (0x80 - '9' - 1))) |
                        ((y + ones * (0x80 - 'a')) & ~(y + ones * (0x80 - 'z' - 1)));
        if (upper)
            word |= (y + ones * (0x80 - 'A')) & ~(y + ones * (0x80 - 'Z' - 1));
        word &= ~x; /* ... of the ASCII bytes */
        if (high)
            word |= x;
        uint64_t other = ~word & highs;
        if (other)
            return i + ((size_t)__builtin_ctzll(other) >> 3);
    }
#else
    (void)s, (void)len, (void)upper, (void)high;
#endif
    return i;
}

/* ---- text.c: bytes -> valid UTF-8 -> normalised text ---- */
/* Decodes buf to UTF-8 (as is when valid, else from Windows-1252), drops a BOM, turns
 * NUL bytes into spaces.  *cp1252 tells which.  Returns false when memory ran out. */
bool nd_decode(const char *buf, size_t len, nd_buf *out, int *cp1252);
/* True when the bytes look binary (NULs, many control bytes, image/executable magic). */
bool nd_looks_binary(const unsigned char *buf, size_t len);
/* Appends the display form of one paragraph's text: HTML entities decoded, typographic
 * quotes/dashes/ellipses/spaces mapped to ASCII, white space collapsed. */
bool nd_clean(const char *s, size_t len, nd_buf *out);
/* Appends the normalised form of cleaned text: NFKC + case folding (ASCII fast path). */
bool nd_normalize(const char *s, size_t len, nd_buf *out);
/* Capitals of a paragraph's ASCII letters, for the boilerplate rules. */
typedef struct nd_caps {
    uint32_t letters, upper, caps_words;
} nd_caps;
/* nd_normalize, counting capitals into *caps (added to; may be NULL) in the same pass. */
bool nd_normalize_counts(const char *s, size_t len, nd_buf *out, nd_caps *caps);

/* ---- lang.c: scripts and languages ---- */
typedef enum nd_script {
    ND_SC_LATIN, ND_SC_CYRILLIC, ND_SC_GREEK, ND_SC_ARABIC, ND_SC_HEBREW, ND_SC_DEVANAGARI,
    ND_SC_BENGALI, ND_SC_THAI, ND_SC_HANGUL, ND_SC_KANA, ND_SC_HAN, ND_SC_OTHER, ND_SC_COUNT
} nd_script;
#define ND_MAX_LANGS 64 /* languages of langdata.c (one bit each in a 64-bit set) */
/* The script of a letter (code points below U+0250 are Latin). */
nd_script nd_script_of(uint32_t cp);
const char *nd_script_name(nd_script s);
/* Builds the function-word tables once (thread-safe); false when memory ran out. */
bool nd_lang_init(void);
/* The function words of every language: token hash -> the id of the set of languages
 * that have it (masks[id], one bit a language).  Filled once by nd_lang_init; read-only. */
typedef struct nd_stop_slot {
    uint64_t hash; /* with its low bit set; 0: an empty slot */
    uint16_t id;
} nd_stop_slot;
typedef struct nd_stop_table {
    const nd_stop_slot *slot;
    size_t mask;   /* slots - 1 */
    size_t maxlen; /* the longest function word, in bytes */
    const uint64_t *masks;
    const uint64_t *bloom; /* 2^16 bits, by the top 16 bits of the hash: most tokens that
                              are no function word are told so without a cache miss */
    const uint64_t *of_lang; /* of_lang[64 l ..]: the ids (4096 bits) language l has */
} nd_stop_table;
extern nd_stop_table nd_stops;
/* The id of the set of languages that have the token with this XXH3 hash and byte length
 * as a function word, or 0 for none (inline: the tokenizer asks for every token).
 * nd_lang_init must have succeeded. */
static inline uint16_t nd_stop_id(uint64_t hash, size_t len)
{
    unsigned b = (unsigned)(hash >> 48);
    if (len > nd_stops.maxlen || !(nd_stops.bloom[b >> 6] >> (b & 63) & 1))
        return 0;
    uint64_t h = hash | 1;
    size_t k = (size_t)(h >> 13) & nd_stops.mask;
    while (nd_stops.slot[k].hash) {
        if (nd_stops.slot[k].hash == h)
            return nd_stops.slot[k].id;
        k = (k + 1) & nd_stops.mask;
    }
    return 0;
}
/* True when the set `id` contains language `lang` (an index of nd_langs; -1: none). */
static inline bool nd_stop_in(uint16_t id, int lang)
{
    return lang >= 0 && (nd_stops.of_lang[64 * (unsigned)lang + (id >> 6)] >> (id & 63) & 1);
}
/* Why a page was given its language, for `ndupes strip`. */
typedef struct nd_lang_why {
    nd_script script;   /* the page's main script */
    bool by_script;     /* decided by the script alone */
    uint32_t hits, second; /* function words of the winner and of the runner-up */
} nd_lang_why;
struct nd_tok;
struct ndupes_doc;
/* The language of a page, and of each of its long paragraphs (recs[i].lang), from its
 * tokens and letters per script: doc->lang is an index of nd_langs, or -1 when it cannot
 * be told (too little text, or a language without a word list). */
void nd_lang_detect(struct ndupes_doc *doc);
int nd_lang_lookup(const char *code);
const char *nd_lang_code(int lang); /* "und" for -1 */
const char *nd_lang_name(int lang); /* "unknown" for -1 */

/* ---- tokenize.c ---- */
/* A word token of normalised text.  A token is a run of letters, marks and digits, except
 * in scripts written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar), where each
 * character with its combining marks is a token of its own. */
typedef struct nd_tok {
    const char *s;
    uint64_t hash;   /* XXH3 of the token's bytes */
    uint32_t off;    /* offset of s from the start of the tokenized text */
    uint32_t len;
    uint16_t quoted; /* nonzero when the token is inside a direct quote ("...", 「...」) */
    uint16_t stop;   /* the set of languages it is a function word of (nd_stop_id), 0: none */
    uint8_t unit;    /* its length in sixths of a word: 6 for a word, 3 for a Chinese or
                        Japanese character, 2 for a Thai one */
} nd_tok;
#define ND_UNIT 6
/* Splits normalised text into tokens, stored from (*out)[at] on; *out is grown with
 * nd_reallocarray.  Letters are counted by script into scripts[] (may be NULL).  Returns
 * the count added, or SIZE_MAX when memory ran out. */
size_t nd_tokenize(const char *s, size_t len, nd_tok **out, size_t *cap, size_t at,
                   uint32_t *scripts);
/* Is the token (normalised) an English function word?  (For tests.) */
bool nd_is_stopword(const char *s, size_t len);

/* ---- reader.c / boilerplate.c ---- */
typedef struct nd_para_rec {
    uint32_t text_off, norm_off; /* offsets into doc->text / doc->norm */
    uint32_t text_len, norm_len;
    uint32_t line, words, stop, caps_words, letters, upper;
    uint32_t wl;          /* length in word-equivalents (a Chinese character is half a word) */
    int lang;             /* the paragraph's own language (index of nd_langs), or -1 */
    uint32_t code;        /* bytes of program syntax: { } [ ] = ; < > | \ */
    uint32_t tok_first;   /* tokens doc->toks[tok_first .. tok_first + words) */
    uint64_t hash; /* XXH3 of the normalised text, for repeats and templates */
    ndupes_reason reason;
    const char *detail;
} nd_para_rec;

struct ndupes_doc {
    nd_buf text, norm;
    nd_tok *toks; /* every paragraph's tokens, pointing into norm */
    size_t ntoks, tokcap;
    nd_para_rec *recs;
    ndupes_para *view; /* built lazily for ndupes_doc_para */
    size_t n, cap;
    int cp1252;
    int cut;                       /* 1: past NDUPES_MAX_PARAGRAPHS or _TOKENS, the rest unread */
    uint32_t scripts[ND_SC_COUNT]; /* letters of each script */
    int lang;                      /* index of nd_langs, or -1 (not told) */
    nd_lang_why why;
};
/* True when a paragraph is program code or markup rendered as text: at least 1 byte in
 * 25 is { } [ ] = ; < > | or \ (prose has nearly none). */
static inline bool nd_is_code(const nd_para_rec *p)
{
    return p->code >= 8 && p->code * 25 >= p->norm_len;
}
/* Classifies the paragraphs of doc (sets reason/detail); false when memory ran out.  With
 * labels false only whether each paragraph is kept is exact: a dropped one may carry
 * another rule's reason than `ndupes strip` shows (faster; for runs). */
bool nd_boilerplate_classify(ndupes_doc *doc, const ndupes_config *cfg, bool labels);
/* ndupes_doc_parse, with labels as for nd_boilerplate_classify. */
ndupes_status nd_doc_parse(const void *buf, size_t len, const ndupes_config *cfg, bool labels,
                           ndupes_doc **out);

/* ---- fileio.c ---- */
/* Reads a regular file whole into *buf (nd_malloc'd), refusing FIFOs/devices without
 * blocking and files over max.  On NDUPES_ERR_IO errno is set. */
ndupes_status nd_read_file(const char *path, uint64_t max, char **buf, size_t *len,
                           int64_t *mtime, uint64_t *dev, uint64_t *ino);

/* ---- cues.c: phrases of site chrome ---- */
/* Builds the cue indexes once (thread-safe); false when memory ran out. */
bool nd_cues_init(void);
/* The first cue (in rank order) of language lang (-1: none) or of every language found in
 * normalised text s that counts in a paragraph of w tokens, or NULL.  A cue that starts
 * with a letter must start a word; with cjk, every character starts one. */
const char *nd_cue_find(const char *s, size_t len, unsigned w, int lang, bool cjk);

#endif /* ND_READ_H */
