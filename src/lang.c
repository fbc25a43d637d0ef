/*
 * lang.c - which language a page is written in, and which of its words are function
 * words of that language.
 *
 * Two kinds of evidence, both cheap because the tokenizer has done the work:
 *   script          the letters of each writing system, counted by the tokenizer.  Kana
 *                   is Japanese, Hangul Korean, Thai Thai, Hebrew Hebrew, Han alone
 *                   Chinese, and so on: one script, one language, no word list needed.
 *   function words  for the scripts many languages share (Latin, Cyrillic, Arabic), each
 *                   language's most frequent function words (langdata.c).  Every token
 *                   was hashed by the tokenizer, so looking it up is one probe in a table
 *                   of hashes; the table maps a word to the set of languages that have it
 *                   ("de" is Spanish, Portuguese, Dutch and more), and each hit is shared
 *                   among them.  The language with the most hits wins.
 * A page in a language we have no list for (or with too little text) has no language:
 * the reader then uses only the rules that need no word list.
 *
 * The same tables serve the boilerplate rules: the stopword density of a paragraph is
 * counted in the page's language only, and chrome phrases are those of the page's
 * language plus the few that mean the same everywhere (nd_cues_any).
 */
#include "nd_internal.h"
#include "langdata.h"

#include <assert.h>
#include <pthread.h>
#include <string.h>
#include <xxhash.h>

/* The script of each language of langdata.c that is not written in Latin letters. */
static const struct {
    const char *code;
    nd_script script;
} lang_scripts[] = {
    {"ru", ND_SC_CYRILLIC}, {"uk", ND_SC_CYRILLIC}, {"bg", ND_SC_CYRILLIC},
    {"mk", ND_SC_CYRILLIC}, {"be", ND_SC_CYRILLIC}, {"kk", ND_SC_CYRILLIC},
    {"el", ND_SC_GREEK},    {"ar", ND_SC_ARABIC},   {"fa", ND_SC_ARABIC},
    {"ur", ND_SC_ARABIC},   {"he", ND_SC_HEBREW},   {"yi", ND_SC_HEBREW},
    {"hi", ND_SC_DEVANAGARI}, {"mr", ND_SC_DEVANAGARI}, {"ne", ND_SC_DEVANAGARI},
    {"bn", ND_SC_BENGALI},  {"th", ND_SC_THAI},     {"ko", ND_SC_HANGUL},
    {"ja", ND_SC_KANA},     {"zh", ND_SC_HAN},
};

static const char *const script_names[ND_SC_COUNT] = {
    [ND_SC_LATIN] = "Latin",       [ND_SC_CYRILLIC] = "Cyrillic", [ND_SC_GREEK] = "Greek",
    [ND_SC_ARABIC] = "Arabic",     [ND_SC_HEBREW] = "Hebrew",     [ND_SC_DEVANAGARI] = "Devanagari",
    [ND_SC_BENGALI] = "Bengali",   [ND_SC_THAI] = "Thai",         [ND_SC_HANGUL] = "Hangul",
    [ND_SC_KANA] = "Kana",         [ND_SC_HAN] = "Han",           [ND_SC_OTHER] = "other",
};

nd_script nd_script_of(uint32_t c)
{
    if (c < 0x250 || (c >= 0x1E00 && c <= 0x1EFF))
        return ND_SC_LATIN;
    if (c >= 0x370 && c <= 0x3FF)
        return ND_SC_GREEK;
    if (c >= 0x400 && c <= 0x52F)
        return ND_SC_CYRILLIC;
    if (c >= 0x590 && c <= 0x5FF)
        return ND_SC_HEBREW;
    if ((c >= 0x600 && c <= 0x6FF) || (c >= 0x750 && c <= 0x77F) || (c >= 0x8A0 && c <= 0x8FF) ||
        (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF))
        return ND_SC_ARABIC;
    if (c >= 0x900 && c <= 0x97F)
        return ND_SC_DEVANAGARI;
    if (c >= 0x980 && c <= 0x9FF)
        return ND_SC_BENGALI;
    if (c >= 0xE00 && c <= 0xE7F)
        return ND_SC_THAI;
    if ((c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F) || (c >= 0xAC00 && c <= 0xD7AF))
        return ND_SC_HANGUL;
    if (c >= 0x3040 && c <= 0x30FF)
        return ND_SC_KANA;
    if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
        (c >= 0x20000 && c <= 0x2FFFF))
        return ND_SC_HAN;
    if (c >= 0x1F00 && c <= 0x1FFF)
        return ND_SC_GREEK;
    return ND_SC_OTHER;
}

const char *nd_script_name(nd_script s)
{
    return (unsigned)s < ND_SC_COUNT ? script_names[s] : "other";
}

/* ---- the tables, built once ---- */

#define MAX_MASKS 4096
_Static_assert(MAX_MASKS / 64 == 64, "nd_stop_in reads 64 words a language");
#define WIDE_WORD 4 /* a word of more languages than this ("a", "de", "la") tells none */

typedef nd_stop_slot stop_slot;
nd_stop_table nd_stops;

static struct {
    stop_slot *slot;
    size_t cap;          /* power of two */
    uint64_t masks[MAX_MASKS];
    uint8_t weight[MAX_MASKS]; /* 60 / the number of languages sharing the word */
    uint64_t bloom[1024];      /* 2^16 bits: see nd_stop_table */
    uint64_t of_lang[ND_MAX_LANGS][MAX_MASKS / 64]; /* see nd_stop_table (64 words a language) */
    size_t nmasks;
    size_t maxlen;       /* the longest function word, in bytes */
    nd_script script[ND_MAX_LANGS];
    int ja;              /* index of Japanese, or -1 */
    int ok;              /* 1 built, -1 out of memory */
} T;

static pthread_once_t once = PTHREAD_ONCE_INIT;

static size_t home(uint64_t h, size_t cap)
{
    return (size_t)(h >> 13) & (cap - 1);
}

/* Adds language l to the set of word w. */
static void add_word(stop_slot *tab, size_t cap, uint64_t *tmp_mask, const char *w, size_t len,
                     unsigned l)
{
    uint64_t h = XXH3_64bits(w, len) | 1;
    size_t k = home(h, cap);
    while (tab[k].hash && tab[k].hash != h)
        k = (k + 1) & (cap - 1);
    tab[k].hash = h;
    tmp_mask[k] |= 1ull << l;
    unsigned b = (unsigned)(h >> 48);
    T.bloom[b >> 6] |= 1ull << (b & 63);
    if (len > T.maxlen)
        T.maxlen = len;
}

static void build(void)
{
    assert(nd_nlangs <= ND_MAX_LANGS);
    size_t words = 0;
    for (size_t l = 0; l < nd_nlangs; l++)
        for (const char *const *w = nd_langs[l].stop; w && *w; w++)
            words++;
    T.ja = -1;
    for (size_t l = 0; l < nd_nlangs; l++) {
        T.script[l] = ND_SC_LATIN;
        for (size_t i = 0; i < sizeof lang_scripts / sizeof lang_scripts[0]; i++)
            if (strcmp(nd_langs[l].code, lang_scripts[i].code) == 0)
                T.script[l] = lang_scripts[i].script;
        if (strcmp(nd_langs[l].code, "ja") == 0)
            T.ja = (int)l;
    }
    words += 96; /* the hiragana, all function characters of Japanese (below) */
    size_t cap = 1024;
    while (cap < 4 * words)
        cap *= 2;
    stop_slot *tab = nd_calloc(cap, sizeof *tab);
    uint64_t *mask = nd_calloc(cap, sizeof *mask);
    if (!tab || !mask) {
        nd_free(tab);
        nd_free(mask);
        T.ok = -1;
        return;
    }
    for (size_t l = 0; l < nd_nlangs; l++)
        for (const char *const *w = nd_langs[l].stop; w && *w; w++)
            add_word(tab, cap, mask, *w, strlen(*w), (unsigned)l);
    /* Hiragana carries the grammar of Japanese (particles, endings): in running text
     * about two characters in five are hiragana, in menus and headlines few are. */
    if (T.ja >= 0)
        for (uint32_t c = 0x3041; c <= 0x309F; c++) {
            char u[3] = {(char)(0xE0 | (c >> 12)), (char)(0x80 | ((c >> 6) & 0x3F)),
                         (char)(0x80 | (c & 0x3F))};
            add_word(tab, cap, mask, u, 3, (unsigned)T.ja);
        }
    /* One id per distinct set of languages. */
    T.nmasks = 1; /* id 0: no language */
    for (size_t k = 0; k < cap; k++) {
        if (!tab[k].hash)
            continue;
        size_t id = 1;
        while (id < T.nmasks && T.masks[id] != mask[k])
            id++;
        if (id == T.nmasks) {
            assert(T.nmasks < MAX_MASKS);
            T.masks[id] = mask[k];
            int langs = __builtin_popcountll(mask[k]);
            T.weight[id] = (uint8_t)(langs <= WIDE_WORD ? 60 / langs : 0);
            T.nmasks++;
        }
        tab[k].id = (uint16_t)id;
    }
    nd_free(mask);
    T.slot = tab;
    T.cap = cap;
    for (size_t id = 1; id < T.nmasks; id++)
        for (uint64_t m = T.masks[id]; m; m &= m - 1)
            T.of_lang[__builtin_ctzll(m)][id >> 6] |= 1ull << (id & 63);
    nd_stops = (nd_stop_table){tab, cap - 1, T.maxlen, T.masks, T.bloom, T.of_lang[0]};
    T.ok = 1;
}

bool nd_lang_init(void)
{
    pthread_once(&once, build);
    return T.ok == 1;
}

/* ---- deciding ---- */

#define MIN_HITS 4         /* function words a page needs to be given a language */
#define MIN_HIT_SHARE 30   /* ... and at least 1/30 of its tokens */
#define KANA_SHARE 20      /* Han text with at least 1/20 kana is Japanese */

int nd_lang_lookup(const char *code)
{
    for (size_t l = 0; l < nd_nlangs; l++)
        if (strcmp(nd_langs[l].code, code) == 0)
            return (int)l;
    return -1;
}

const char *nd_lang_name(int lang)
{
    return lang >= 0 && (size_t)lang < nd_nlangs ? nd_langs[lang].name : "unknown";
}

const char *nd_lang_code(int lang)
{
    return lang >= 0 && (size_t)lang < nd_nlangs ? nd_langs[lang].code : "und";
}

/* Function-word hits per language of tokens t[0..n), weighted by 60 over the number of
 * languages sharing each word; returns the set of languages with a hit. */
static uint64_t count_hits(const nd_tok *t, size_t n, uint32_t hits[ND_MAX_LANGS])
{
    uint64_t seen = 0;
    for (size_t i = 0; i < n; i++) {
        uint16_t id = t[i].stop;
        if (!T.weight[id]) /* no function word, or one of more than WIDE_WORD languages */
            continue;
        uint64_t m = T.masks[id];
        seen |= m;
        for (; m; m &= m - 1)
            hits[__builtin_ctzll(m)] += T.weight[id];
    }
    return seen;
}

/* The language with the most hits among those written in script s (any script when s is
 * ND_SC_COUNT), the runner-up's hits in *second. */
static int best_of(const uint32_t hits[ND_MAX_LANGS], nd_script s, uint32_t *best,
                   uint32_t *second)
{
    int lang = -1;
    *best = *second = 0;
    for (size_t l = 0; l < nd_nlangs; l++) {
        if (s != ND_SC_COUNT && T.script[l] != s)
            continue;
        if (hits[l] > *best) {
            *second = *best;
            *best = hits[l];
            lang = (int)l;
        } else if (hits[l] > *second) {
            *second = hits[l];
        }
    }
    return lang;
}

#define PARA_MIN_WORDS 12 /* a paragraph's own language is told from this many words up */
#define PARA_MIN_HITS 3   /* ... with at least this many function words of it */
#define PARA_SHARE 10     /* ... making up at least this share (%) of its words */

void nd_lang_detect(ndupes_doc *doc)
{
    nd_lang_why w = {0};
    const uint32_t *scripts = doc->scripts;
    nd_script s = ND_SC_LATIN;
    for (int k = 0; k < ND_SC_COUNT; k++)
        if (scripts[k] > scripts[s])
            s = (nd_script)k;
    if (s == ND_SC_HAN && scripts[ND_SC_KANA] * KANA_SHARE >= scripts[ND_SC_HAN])
        s = ND_SC_KANA;
    w.script = scripts[s] ? s : ND_SC_OTHER;
    /* Each long paragraph's own language, and the words of running text in each. */
    uint64_t words[ND_MAX_LANGS] = {0};
    uint32_t hits[ND_MAX_LANGS] = {0}; /* a paragraph's; zero between paragraphs */
    uint32_t page[ND_MAX_LANGS] = {0};
    for (size_t i = 0; i < doc->n; i++) {
        nd_para_rec *p = &doc->recs[i];
        p->lang = -1;
        if (p->words < PARA_MIN_WORDS || nd_is_code(p)) {
            if (p->words) /* a page of no words has no token array */
                count_hits(doc->toks + p->tok_first, p->words, page);
            continue;
        }
        uint64_t seen = count_hits(doc->toks + p->tok_first, p->words, hits);
        for (uint64_t m = seen; m; m &= m - 1) /* the page's count, paragraph by paragraph */
            page[__builtin_ctzll(m)] += hits[__builtin_ctzll(m)];
        int l = -1;
        uint32_t b = 0;
        for (uint64_t m = seen; m; m &= m - 1) { /* the best, then the slots cleared */
            int k = __builtin_ctzll(m);
            if (hits[k] > b) {
                b = hits[k];
                l = k;
            }
        }
        for (uint64_t m = seen; m; m &= m - 1)
            hits[__builtin_ctzll(m)] = 0;
        if (l >= 0 && b >= PARA_MIN_HITS * 60 && (uint64_t)b * 100 >= (uint64_t)p->words * 60 * PARA_SHARE) {
            p->lang = l;
            words[l] += p->words;
        }
    }
    int lang = -1;
    if (scripts[s] == 0) {
        /* no letters: no language */
    } else if (s != ND_SC_LATIN && s != ND_SC_CYRILLIC && s != ND_SC_ARABIC &&
               s != ND_SC_DEVANAGARI) {
        /* One script, one language (of those we know). */
        for (size_t l = 0; l < nd_nlangs && lang < 0; l++)
            if (T.script[l] == s)
                lang = (int)l;
        w.by_script = lang >= 0;
    } else {
        /* The language most of the running text is in; on a page without long paragraphs,
         * the one with the most function words. */
        uint32_t best, second;
        uint64_t most = 0;
        for (size_t l = 0; l < nd_nlangs; l++)
            if (T.script[l] == s && words[l] > most) {
                most = words[l];
                lang = (int)l;
            }
        int by_hits = best_of(page, s, &best, &second);
        if (lang < 0)
            lang = by_hits;
        best = lang >= 0 ? page[lang] : 0;
        second = 0;
        for (size_t l = 0; l < nd_nlangs; l++)
            if (T.script[l] == s && (int)l != lang && page[l] > second)
                second = page[l];
        w.hits = best / 60;
        w.second = second / 60;
        if (best < MIN_HITS * 60 || (size_t)best * MIN_HIT_SHARE < doc->ntoks * 60)
            lang = -1;
    }
    doc->lang = lang;
    doc->why = w;
}
