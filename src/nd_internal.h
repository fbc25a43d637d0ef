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

/* ---- tokenize.c ---- */
/* Calls fn for each word token of normalised text s (letters and digits, Unicode-aware).
 * Returns the number of tokens. */
typedef struct nd_tok {
    const char *s;
    uint64_t hash;   /* XXH3 of the token's bytes */
    uint32_t off;    /* offset of s from the start of the tokenized text */
    uint32_t len;
    uint16_t quoted; /* nonzero when the token is inside a "double-quoted" span */
    uint16_t stop;   /* 1 when the token is a stopword (nd_is_stopword) */
} nd_tok;
/* Splits normalised text into tokens, stored from (*out)[at] on; *out is grown with
 * nd_reallocarray.  Returns the count added, or SIZE_MAX when memory ran out. */
size_t nd_tokenize(const char *s, size_t len, nd_tok **out, size_t *cap, size_t at);
/* Is the token with this XXH3 hash an English function word? */
bool nd_is_stopword_hash(uint64_t hash);
bool nd_is_stopword(const char *s, size_t len);

/* ---- reader.c / boilerplate.c ---- */
typedef struct nd_para_rec {
    uint32_t text_off, norm_off; /* offsets into doc->text / doc->norm */
    uint32_t text_len, norm_len;
    uint32_t line, words, stop, caps_words, letters, upper;
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
};
/* Classifies the paragraphs of doc (sets reason/detail); false when memory ran out. */
bool nd_boilerplate_classify(ndupes_doc *doc, const ndupes_config *cfg);

/* ---- fingerprint.c ---- */
#define ND_SKETCH_K 256  /* bottom-k sketch of an article's shingles */
#define ND_QUOTE_K 96    /* bottom-k sketch of the shingles inside quotes */
#define ND_ANCHORS 32    /* quotes of an article told apart (the smallest anchors kept) */
#define ND_BANDS 8       /* LSH bands per paragraph */
#define ND_ROWS 3        /* MinHash values per band of a paragraph */
#define ND_QUOTE_ROWS 2  /* MinHash values per band of an article's quotes */
#define ND_MAX_PARAS 64  /* paragraphs indexed per article (plus the quotes) */
#define ND_QUOTE_MIN_INDEX 8 /* quote shingles for the quotes to be indexed */
#define ND_SHORT_WORDS 30 /* paragraphs up to this long may be site templates */
#define ND_PENDING_MAX 384 /* shingles of short paragraphs kept until templates are known */

/* A short paragraph whose fate waits for the corpus-wide template count. */
typedef struct nd_pending {
    uint64_t hash;        /* paragraph hash */
    uint32_t first, count; /* range in fp->pend_sh */
    uint32_t qfirst, qcount; /* range in fp->pend_q */
    uint32_t keys[ND_BANDS];
    uint32_t words;
} nd_pending;

/* A kept paragraph's hash and length, held until templates are learned. */
typedef struct nd_parahash {
    uint64_t hash;
    uint32_t words;
} nd_parahash;

/* The fingerprint of one article: fixed-size arrays once finalised. */
typedef struct nd_fp {
    uint64_t content_hash; /* XXH3 of the kept normalised text: exact duplicates */
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
