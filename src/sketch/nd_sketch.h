/*
 * nd_sketch.h - the fingerprinter: shingles, MinHash and bottom-k sketches, an article's
 * fingerprint and its encoding (src/sketch/).
 * Library-internal (nd_ prefix); the tool includes only ndupes.h.
 */
#ifndef ND_SKETCH_H
#define ND_SKETCH_H

#include "nd_read.h"

/* ---- fingerprint.c ---- */
#define ND_SKETCH_K 256  /* bottom-k sketch of an article's shingles */
#define ND_QUOTE_K 96    /* bottom-k sketch of the shingles inside quotes */
#define ND_ANCHORS 32    /* quotes of an article told apart (the smallest anchors kept) */
#define ND_BANDS 8       /* LSH bands per paragraph */
#define ND_ROWS 3        /* MinHash values per band of a paragraph */
#define ND_QUOTE_ROWS 2  /* MinHash values per band of an article's quotes */
#define ND_MAX_PARAS 256 /* paragraphs indexed per article (plus the quotes) */
#define ND_QUOTE_MIN_INDEX 8 /* quote shingles for the quotes to be indexed */
#define ND_RUN_WINDOW 32 /* run keys: one shingle chosen in every window of this many */
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
bool nd_shingles(const nd_tok *toks, size_t ntok, unsigned k, nd_u64v *out, nd_u64v *qout);
/* ---- minhash.c ---- */
/* Computes the ND_BANDS LSH band keys of a set of shingle hashes, `rows` MinHash values a
 * band (1..ND_ROWS). */
void nd_minhash_keys(const uint64_t *sh, size_t n, unsigned rows, uint32_t keys[ND_BANDS]);
/* Keeps the k smallest of the 32-bit projections of sh in out (sorted); returns count. */
size_t nd_bottomk(const uint64_t *sh, size_t n, uint32_t *out, size_t k);
/* Merges two sorted bottom-k lists into out (k at most), duplicates removed. */
size_t nd_bottomk_merge(const uint32_t *a, size_t na, const uint32_t *b, size_t nb, uint32_t *out,
                        size_t k);

/* ---- fpcodec.c ---- */
/* Fingerprint (de)serialisation, with validation of every length.  nd_fp_decode returns
 * NDUPES_OK, NDUPES_ERR_PARSE for bytes that are not a fingerprint of this version, or
 * NDUPES_ERR_NOMEM (the bytes may be fine: not a sign of a damaged index). */
bool nd_fp_encode(const nd_fp *fp, uint8_t **out, size_t *len);
ndupes_status nd_fp_decode(const uint8_t *p, size_t len, nd_fp *fp);

#endif /* ND_SKETCH_H */
