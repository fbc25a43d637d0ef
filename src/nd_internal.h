/*
 * nd_internal.h - declarations shared between the library's source files (nd_ prefix).
 * Nothing here is part of the public API; the tool includes only ndupes.h.
 */
#ifndef ND_INTERNAL_H
#define ND_INTERNAL_H

#include "ndupes.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- alloc.c: every library allocation goes through these, so tests can fail them ---- */
void *nd_malloc(size_t n);
void *nd_calloc(size_t n, size_t size);
void *nd_realloc(void *p, size_t n);
void *nd_reallocarray(void *p, size_t n, size_t size); /* overflow-checked */
char *nd_strdup(const char *s);
void nd_free(void *p);

/* A growable byte buffer. */
typedef struct nd_buf {
    char *p;
    size_t len, cap;
} nd_buf;
bool nd_buf_reserve(nd_buf *b, size_t extra);
bool nd_buf_add(nd_buf *b, const void *s, size_t n);
static inline bool nd_buf_addc(nd_buf *b, char c)
{
    if (b->len + 1 >= b->cap && !nd_buf_reserve(b, 1))
        return false;
    b->p[b->len++] = c;
    return true;
}
void nd_buf_free(nd_buf *b);

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
/* Classifies the paragraphs of doc (sets reason/detail); false when memory ran out. */
bool nd_boilerplate_classify(ndupes_doc *doc, const ndupes_config *cfg);

/* ---- fingerprint.c ---- */
#define ND_SKETCH_K 256  /* bottom-k sketch of an article's shingles */
#define ND_QUOTE_K 96    /* bottom-k sketch of the shingles inside quotes */
#define ND_ANCHORS 32    /* quotes of an article told apart (the smallest anchors kept) */
#define ND_BANDS 8       /* LSH bands per paragraph */
#define ND_ROWS 3        /* MinHash values per band of a paragraph */
#define ND_QUOTE_ROWS 2  /* MinHash values per band of an article's quotes */
#define ND_MAX_PARAS 256 /* paragraphs indexed per article (plus the quotes) */
#define ND_QUOTE_MIN_INDEX 8 /* quote shingles for the quotes to be indexed */
#define ND_RUN_WINDOW 20 /* run keys: one shingle chosen in every window of this many */
#define ND_RUN_KEYS 512  /* run keys per article, at most */
#define ND_RUN_KEY 1u    /* the low bit of a key: set for run keys, clear for band keys */
#define ND_RUN_PAIR 2    /* run keys two articles must share to be a candidate pair */
#define ND_PEND_RUN 6    /* run keys of a short paragraph awaiting the template decision */
#define ND_PEND_KEYS (ND_BANDS + ND_PEND_RUN)
/* Keys per article: the bands of each paragraph and of the quotes, the run keys, and once
 * the templates are known, the run keys of the short paragraphs that were not templates. */
#define ND_MAX_KEYS ((ND_MAX_PARAS + 1) * ND_BANDS + ND_RUN_KEYS + ND_MAX_PARAS * ND_PEND_RUN)
#define ND_SHORT_WORDS 30 /* paragraphs up to this long may be site templates */
#define ND_PENDING_MAX 384 /* shingles of short paragraphs kept until templates are known */

/* A short paragraph whose fate waits for the corpus-wide template count. */
typedef struct nd_pending {
    uint64_t hash;        /* paragraph hash */
    uint32_t first, count; /* range in fp->pend_sh */
    uint32_t qfirst, qcount; /* range in fp->pend_q */
    uint32_t keys[ND_PEND_KEYS]; /* band keys, then run keys */
    uint32_t words;
    uint8_t nkeys;
} nd_pending;

/* A kept paragraph's hash and length, held until templates are learned. */
typedef struct nd_parahash {
    uint64_t hash;
    uint32_t words;
} nd_parahash;

/* The fingerprint of one article: fixed-size arrays once finalised. */
typedef struct nd_fp {
    uint64_t content_hash; /* XXH3 of the kept normalised text: exact duplicates */
    uint64_t text_hash;    /* XXH3 of the whole normalised page (0: no words): the same
                              page, whatever the reader kept */
    uint32_t nsh;          /* distinct shingles of the kept text (estimate after merge) */
    uint32_t nq;           /* distinct quote shingles */
    uint32_t words;        /* kept words */
    uint16_t nsk, nqk, nkeys, npend;
    uint32_t sk[ND_SKETCH_K];   /* sorted ascending */
    uint32_t qk[ND_QUOTE_K];    /* sorted ascending */
    uint16_t nanc;
    uint32_t anc[ND_ANCHORS];   /* one value per direct quote (sorted): its smallest shingle */
    uint32_t *keys;             /* nkeys LSH band keys (ND_BANDS per paragraph) */
    nd_pending *pend;           /* short paragraphs awaiting template decision */
    nd_parahash *ph;            /* every kept paragraph (until templates are learned) */
    uint16_t nph;
    uint8_t voter;              /* 1: has text of its own, so its short paragraphs count
                                   towards templates (set by the corpus) */
    uint8_t whole;              /* 1: the reader kept nothing, the whole page was used */
    uint32_t *pend_sh, *pend_q;
} nd_fp;

/* Computes the fingerprint of doc's kept paragraphs.  With defer_short, short paragraphs
 * are held in fp->pend until nd_fp_finalize.  Returns false when memory ran out. */
bool nd_fp_build(const ndupes_doc *doc, const ndupes_config *cfg, bool defer_short, nd_fp *fp);
/* Merges the pending short paragraphs that are not templates (is_template(hash) false)
 * into the sketches and keys, and frees the pending data. */
bool nd_fp_finalize(nd_fp *fp, bool (*is_template)(void *ctx, uint64_t hash), void *ctx,
                    size_t *ntemplates);
void nd_fp_free(nd_fp *fp);
/* Two articles are the same text: the same kept text, or the same whole page.  The
 * scorer gives them 1.0, and the grouping starts from them. */
static inline bool nd_fp_same(const nd_fp *a, const nd_fp *b)
{
    return (a->nsh && a->content_hash == b->content_hash) ||
           (a->text_hash && a->text_hash == b->text_hash);
}
/* A deep copy of src into dst; false when memory ran out (dst is then empty). */
bool nd_fp_copy(const nd_fp *src, nd_fp *dst);

/* ---- shingle.c ---- */
/* Appends the shingle hashes (64-bit) of a token run to *out; also appends the hashes of
 * shingles lying wholly inside quotes to *qout (may be NULL). */
typedef struct nd_u64v {
    uint64_t *v;
    size_t n, cap;
} nd_u64v;
bool nd_u64v_push(nd_u64v *a, uint64_t x);
void nd_u64v_free(nd_u64v *a);
bool nd_shingles(const nd_tok *toks, size_t ntok, unsigned k, nd_u64v *out, nd_u64v *qout);
/* Sorts and removes duplicates; returns the new count. */
size_t nd_sort_unique_u64(uint64_t *v, size_t n);
size_t nd_sort_unique_u32(uint32_t *v, size_t n);

/* ---- minhash.c ---- */
/* Computes the ND_BANDS LSH band keys of a set of shingle hashes, `rows` MinHash values a
 * band (1..ND_ROWS). */
void nd_minhash_keys(const uint64_t *sh, size_t n, unsigned rows, uint32_t keys[ND_BANDS]);
/* Keeps the k smallest of the 32-bit projections of sh in out (sorted); returns count. */
size_t nd_bottomk(const uint64_t *sh, size_t n, uint32_t *out, size_t k);
/* Merges two sorted bottom-k lists into out (k at most), duplicates removed. */
size_t nd_bottomk_merge(const uint32_t *a, size_t na, const uint32_t *b, size_t nb, uint32_t *out,
                        size_t k);

/* ---- score.c ---- */
void nd_score(const nd_fp *a, const nd_fp *b, const ndupes_config *cfg, ndupes_score *out);

/* ---- lsh.c ---- */
typedef struct nd_pair {
    uint32_t a, b; /* a < b */
} nd_pair;
/* Finds candidate pairs among fps[0..n) (skipping those with skip[i] set): articles that
 * share a band key, sorted by (a, b), on `jobs` threads (0: all cores; the pairs do not
 * depend on it).  *pairs is allocated (free with nd_free).  Returns false on ENOMEM. */
bool nd_lsh_candidates(const nd_fp *fps, const uint8_t *skip, size_t n, nd_pair **pairs,
                       size_t *npairs, unsigned jobs);
/* The same rules for the distributed candidate index (dist_index.c).  nd_lsh_bucket adds
 * the pairs of one bucket s[0..n) (key << 32 | article, sorted by article; rewritten in
 * place) to *pairs (grown with nd_reallocarray), each as a << 33 | b << 1 | run key;
 * false when memory ran out.  nd_lsh_choose keeps, from such entries sorted ascending,
 * the pairs that share a band key or ND_RUN_PAIR run keys, in order; returns their count. */
bool nd_lsh_bucket(uint64_t *s, size_t n, uint64_t **pairs, size_t *npairs, size_t *cap);
size_t nd_lsh_choose(const uint64_t *sorted, size_t n, nd_pair *out);
/* Every pair of articles not skipped, sorted by (a, b): for cfg.exhaustive. */
bool nd_all_pairs(const uint8_t *skip, size_t n, nd_pair **pairs, size_t *npairs);

/* ---- cluster.c ---- */
typedef struct nd_edge {
    uint32_t a, b;
    float score;
} nd_edge;
typedef float (*nd_score_fn)(void *ctx, uint32_t a, uint32_t b);
/* Clusters n items from edges (sorted inside).  label[i] receives a cluster id (the
 * smallest member index).  With guard, two clusters merge only when the average score of
 * their cross pairs (from score_fn) reaches link.  pre_label (may be NULL) gives clusters
 * to start from (exact duplicates).  Returns false on ENOMEM. */
bool nd_cluster(size_t n, nd_edge *edges, size_t nedges, const uint32_t *pre_label, bool guard,
                float link, nd_score_fn score_fn, void *ctx, uint32_t *label, size_t *refused);

/* ---- fileio.c ---- */
/* Reads a regular file whole into *buf (nd_malloc'd), refusing FIFOs/devices without
 * blocking and files over max.  On NDUPES_ERR_IO errno is set. */
ndupes_status nd_read_file(const char *path, uint64_t max, char **buf, size_t *len,
                           int64_t *mtime, uint64_t *dev, uint64_t *ino);

/* ---- status.c: interruption, one run at a time ---- */
/* A run's stop flag.  ndupes_interrupt() (a signal handler's call) stops every run armed
 * before it; ndupes_corpus_interrupt() stops one run.  A run armed later is not affected:
 * the process counts the interrupts, and a run remembers the count when it is armed. */
typedef struct nd_run {
    atomic_uint stop; /* set by ndupes_corpus_interrupt */
    unsigned armed;   /* the count of ndupes_interrupt calls when armed */
} nd_run;
/* Arms r: from now on it is stopped by ndupes_interrupt or by setting r->stop. */
void nd_run_arm(nd_run *r);
/* True when r was stopped since it was armed.  r may be NULL: then false. */
bool nd_run_stopped(const nd_run *r);

/* ---- paths.c: a file's identity in the index ---- */
/* The canonical absolute path of path (nd_malloc'd): realpath(3) when it exists, else made
 * absolute and cleaned lexically with its longest existing folder resolved.  NULL when
 * memory ran out or path is empty. */
char *nd_canon_path(const char *path);
/* One input file, canonicalised: path (nd_malloc'd, NULL when ok is false) and its stat. */
typedef struct nd_canon_file {
    char *path;
    bool ok;  /* the file could be looked at (stat) */
    bool reg; /* a regular file */
    uint64_t size, dev, ino;
    int64_t mtime;
} nd_canon_file;
/* Canonicalises paths[0..n) into out[0..n) on `jobs` threads (each folder resolved once);
 * out is all zero from where it stopped when run was stopped. */
void nd_canon_files(const nd_run *run, const char *const *paths, size_t n, unsigned jobs,
                    nd_canon_file *out);

/* ---- threads ---- */
unsigned nd_ncpu(void);
/* Runs fn(ctx, i) for i in [0, n) on `jobs` threads (items handed out in chunks); stops
 * handing out items once ndupes_interrupt() is called during it. */
void nd_parallel_for(size_t n, unsigned jobs, void (*fn)(void *ctx, size_t i), void *ctx);
/* The same, also stopping once run is stopped (run may be NULL). */
void nd_parallel_for_run(const nd_run *run, size_t n, unsigned jobs,
                         void (*fn)(void *ctx, size_t i), void *ctx);

double nd_now(void);

#endif /* ND_INTERNAL_H */
