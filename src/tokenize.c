/*
 * tokenize.c - words of normalised text, and which of them stand inside direct quotes.
 *
 * A token is a maximal run of letters, marks and digits (Unicode categories L*, M*, N*);
 * everything else separates tokens.  ASCII bytes are classified by a table; only other
 * code points ask utf8proc for their category.  A double quote mark toggles the "quoted"
 * state, so the fingerprinter can tell the words of direct quotes, which survive rewriting,
 * from the narrative around them.  Single quotes are not used: they double as apostrophes.
 */
#include "nd_internal.h"

#include <pthread.h>
#include <string.h>
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

/* Length of the word character at s, or 0 when s does not start one. */
static size_t word_char(const unsigned char *s, size_t avail)
{
    if (s[0] < 0x80)
        return ascii_word[s[0]];
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(s, (utf8proc_ssize_t)avail, &cp);
    if (n <= 0)
        return 0;
    return is_word_cp((uint32_t)cp) ? (size_t)n : 0;
}

/* Length of the non-word character at s (at least 1). */
static size_t skip_len(const unsigned char *s, size_t avail)
{
    if (s[0] < 0x80)
        return 1;
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(s, (utf8proc_ssize_t)avail, &cp);
    return n > 0 ? (size_t)n : 1;
}

static void stop_init(void);
static bool stop_probe(uint64_t hash);

size_t nd_tokenize(const char *str, size_t len, nd_tok **out, size_t *cap, size_t at)
{
    stop_init();
    const unsigned char *s = (const unsigned char *)str;
    size_t n = at, i = 0;
    uint32_t quoted = 0;
    while (i < len) {
        size_t w = s[i] < 0x80 ? ascii_word[s[i]] : word_char(s + i, len - i);
        if (!w) {
            if (s[i] == '"')
                quoted = !quoted;
            i += s[i] < 0x80 ? 1 : skip_len(s + i, len - i);
            continue;
        }
        size_t start = i;
        for (;;) {
            while (i < len && ascii_word[s[i]])
                i++;
            if (i >= len || s[i] < 0x80 || (w = word_char(s + i, len - i)) == 0)
                break;
            i += w;
        }
        if (n == *cap) {
            size_t nc = *cap ? *cap * 2 : 256;
            nd_tok *t = nd_reallocarray(*out, nc, sizeof **out);
            if (!t)
                return SIZE_MAX;
            *out = t;
            *cap = nc;
        }
        uint64_t h = XXH3_64bits(str + start, i - start);
        (*out)[n].s = str + start;
        (*out)[n].hash = h;
        (*out)[n].off = (uint32_t)start;
        (*out)[n].len = (uint32_t)(i - start);
        (*out)[n].quoted = (uint16_t)quoted;
        (*out)[n].stop = i - start <= 8 && stop_probe(h);
        n++;
    }
    return n - at;
}

/* English function words: the jusText measure of "running text" is their density. */
static const char *const stopwords[] = {
    "a", "about", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
    "as", "at", "be", "because", "been", "before", "being", "between", "both", "but", "by",
    "can", "could", "did", "do", "does", "doing", "down", "during", "each", "even", "few",
    "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
    "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "may", "me",
    "might", "more", "most", "much", "must", "my", "no", "nor", "not", "now", "of", "off",
    "on", "once", "one", "only", "or", "other", "our", "out", "over", "own", "s", "said",
    "same", "says", "she", "should", "so", "some", "such", "t", "than", "that", "the",
    "their", "them", "then", "there", "these", "they", "this", "those", "through", "to",
    "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where",
    "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "been",
    "new", "told", "still", "since", "however", "although", "though", "would", "there",
};

/* The stopwords in an open-addressing table of their XXH3 hashes, built once: the
 * tokenizer has hashed every token already, so a lookup is a probe and a 64-bit compare. */
#define STOP_SLOTS 512
static uint64_t stop_table[STOP_SLOTS];
static atomic_int stop_ready;

static void stop_init(void)
{
    if (atomic_load_explicit(&stop_ready, memory_order_acquire))
        return;
    static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
    pthread_mutex_lock(&mu);
    if (!atomic_load_explicit(&stop_ready, memory_order_relaxed)) {
        for (size_t i = 0; i < sizeof stopwords / sizeof stopwords[0]; i++) {
            uint64_t h = XXH3_64bits(stopwords[i], strlen(stopwords[i])) | 1;
            size_t k = (size_t)(h >> 11) & (STOP_SLOTS - 1);
            while (stop_table[k] && stop_table[k] != h)
                k = (k + 1) & (STOP_SLOTS - 1);
            stop_table[k] = h;
        }
        atomic_store_explicit(&stop_ready, 1, memory_order_release);
    }
    pthread_mutex_unlock(&mu);
}

static bool stop_probe(uint64_t hash)
{
    uint64_t h = hash | 1;
    size_t k = (size_t)(h >> 11) & (STOP_SLOTS - 1);
    while (stop_table[k]) {
        if (stop_table[k] == h)
            return true;
        k = (k + 1) & (STOP_SLOTS - 1);
    }
    return false;
}

bool nd_is_stopword_hash(uint64_t hash)
{
    stop_init();
    return stop_probe(hash);
}

bool nd_is_stopword(const char *s, size_t len)
{
    return len <= 8 && nd_is_stopword_hash(XXH3_64bits(s, len));
}
