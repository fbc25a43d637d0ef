/*
 * tokenize.c - words of normalised text, and which of them stand inside direct quotes.
 *
 * A token is a maximal run of letters, marks and digits (Unicode categories L*, M*, N*);
 * everything else separates tokens.  Scripts written without spaces between words (Han,
 * kana, Thai, Lao, Khmer, Myanmar) have no runs to cut: each of their characters, with the
 * combining marks that follow it, is a token, and shingles of such tokens are character
 * n-grams.  ASCII bytes are classified by a table; only other code points ask utf8proc for
 * their category.  Letters are counted by script for the language guess (lang.c), and each
 * token is looked up once among the function words of every language.
 *
 * A double quote mark toggles the "quoted" state, so the fingerprinter can tell the words
 * of direct quotes, which survive rewriting, from the narrative around them (the cleaner
 * has mapped curly quotes, guillemets and low quotes to it); CJK corner brackets open and
 * close quotes.  Single quotes are not used: they double as apostrophes. */
#include "nd_read.h"

#include <utf8proc.h>
/* Inlined: a call per token into the shared library costs more than short-key XXH3. */
#define XXH_INLINE_ALL
#include <xxhash.h>

static bool is_word_cp(uint32_t c)
{
    switch (utf8proc_category((utf8proc_int32_t)c)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return true;
    default:
        return false;
    }
}

/* 1 for ASCII letters and digits (0 for every byte from 0x80). */
static const unsigned char ascii_word[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1,
    ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
    ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
    ['y'] = 1, ['z'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1,
    ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1,
    ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
    ['Y'] = 1, ['Z'] = 1,
};

/* Scripts written without spaces between words: each character is a token.  Returns its
 * length in sixths of a word (ND_UNIT = one word), or 0 for other code points. */
static unsigned unspaced_unit(uint32_t c)
{
    if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3040 && c <= 0x30FF) ||
        (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x3005 && c <= 0x3007) ||
        (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x31F0 && c <= 0x31FF) ||
        (c >= 0x20000 && c <= 0x3FFFF))
        return ND_UNIT / 2; /* a Chinese word is one to two characters */
    if ((c >= 0x0E00 && c <= 0x0EFF) || (c >= 0x1000 && c <= 0x109F) ||
        (c >= 0x1780 && c <= 0x17FF))
        return ND_UNIT / 3; /* Thai, Lao, Myanmar, Khmer: about three to a word */
    return 0;
}

static bool is_mark(uint32_t c)
{
    utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)c);
    return k == UTF8PROC_CATEGORY_MN || k == UTF8PROC_CATEGORY_MC || k == UTF8PROC_CATEGORY_ME;
}

/* Decodes the code point at s (valid UTF-8, as nd_decode made it); its length, at least 1. */
static size_t decode(const unsigned char *s, size_t avail, uint32_t *cp)
{
    utf8proc_int32_t c;
    utf8proc_ssize_t n = utf8proc_iterate(s, (utf8proc_ssize_t)avail, &c);
    if (n <= 0) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = (uint32_t)c;
    return (size_t)n;
}

static bool push_tok(nd_tok **out, size_t *cap, size_t n)
{
    if (n < *cap)
        return true;
    size_t nc = *cap ? *cap * 2 : 256;
    nd_tok *t = nd_reallocarray(*out, nc, sizeof **out);
    if (!t)
        return false;
    *out = t;
    *cap = nc;
    return true;
}

size_t nd_tokenize(const char *str, size_t len, nd_tok **out, size_t *cap, size_t at,
                   uint32_t *scripts)
{
    if (!nd_lang_init())
        return SIZE_MAX;
    uint32_t dummy[ND_SC_COUNT];
    if (!scripts)
        scripts = dummy;
    const unsigned char *s = (const unsigned char *)str;
    size_t n = at, i = 0;
    uint32_t quoted = 0, latin = 0; /* ASCII letters, added to scripts[] at the end */
    while (i < len) {
        size_t start = i;
        unsigned unit = ND_UNIT;
        if (s[i] < 0x80) {
            if (!ascii_word[s[i]]) {
                if (s[i] == '"')
                    quoted = !quoted;
                i++;
                continue;
            }
        } else {
            uint32_t cp;
            size_t k = decode(s + i, len - i, &cp);
            if (!is_word_cp(cp)) {
                /* CJK corner brackets open and close quotes (「...」, 『...』). */
                if (cp == 0x300C || cp == 0x300E || cp == 0xFE41 || cp == 0xFE43)
                    quoted = 1;
                else if (cp == 0x300D || cp == 0x300F || cp == 0xFE42 || cp == 0xFE44)
                    quoted = 0;
                i += k;
                continue;
            }
            unit = unspaced_unit(cp);
            if (unit) { /* one character, with the marks that go with it */
                scripts[nd_script_of(cp)]++;
                i += k;
                while (i < len && s[i] >= 0x80 && (k = decode(s + i, len - i, &cp)) &&
                       is_mark(cp))
                    i += k;
                goto emit;
            }
            unit = ND_UNIT;
        }
        /* A word: letters, marks and digits, up to a character of another kind. */
        for (;;) {
            size_t a = i;
            i = nd_word_blocks(s, i, len, true, false);
            while (i < len && ascii_word[s[i]])
                i++;
            latin += (uint32_t)(i - a);
            if (i >= len || s[i] < 0x80)
                break;
            uint32_t cp;
            size_t k = decode(s + i, len - i, &cp);
            if (!is_word_cp(cp) || unspaced_unit(cp))
                break;
            if (!is_mark(cp))
                scripts[nd_script_of(cp)]++;
            i += k;
        }
    emit:
        if (!push_tok(out, cap, n))
            return SIZE_MAX;
        uint64_t h = XXH3_64bits(str + start, i - start);
        (*out)[n] = (nd_tok){.s = str + start, .hash = h, .off = (uint32_t)start,
                             .len = (uint32_t)(i - start), .quoted = (uint16_t)quoted,
                             .stop = nd_stop_id(h, i - start), .unit = (uint8_t)unit};
        n++;
    }
    scripts[ND_SC_LATIN] += latin;
    return n - at;
}

bool nd_is_stopword(const char *s, size_t len)
{
    return nd_lang_init() &&
           nd_stop_in(nd_stop_id(XXH3_64bits(s, len), len), nd_lang_lookup("en"));
}
