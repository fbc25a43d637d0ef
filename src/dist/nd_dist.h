/*
 * nd_dist.h - sketch files (sketchfile.c) and the record streams of the distributed steps
 * (records.c, dist_*.c): library-internal.  docs/SKETCH.md describes both formats.
 */
#ifndef ND_DIST_H
#define ND_DIST_H
#include "corpus.h"

#include <stdio.h>
#include <stdlib.h>

/* ---- sketchfile.c ---- */
#define ND_SKETCH_VERSION 1
#define ND_SKETCH_FINAL 1u   /* flag: templates applied; indices are global (dist steps) */
#define ND_SKETCH_MAX_RECORD (1u << 24) /* bytes of one article's record, at most */
#define ND_SKETCH_MAX_PATH 65535        /* bytes of one path, at most */

/* One article of a sketch. */
typedef struct nd_sk_article {
    char *name;      /* the path as given (nd_malloc'd) */
    uint64_t index;  /* its position: in the sketch (as read) or in the whole run (final) */
    uint64_t size, chash;
    int64_t mtime;
    nd_fp fp;
} nd_sk_article;

/* A sketch held in memory. */
typedef struct nd_sketch {
    ndupes_sketch_info info;
    nd_sk_article *a;
    size_t n, cap;
} nd_sketch;

/* Reads a whole sketch from in, checking every record and the checksum of the whole; on
 * any fault nothing is kept (*out is empty) and err says what.  Returns NDUPES_OK,
 * NDUPES_ERR_PARSE (not a sketch, damaged, truncated, a newer version), NDUPES_ERR_IO
 * (errno kept), NDUPES_ERR_NOMEM. */
ndupes_status nd_sketch_read(FILE *in, nd_sketch *out, char *err, size_t errlen);
void nd_sketch_free(nd_sketch *s);
/* The settings string of this library: what sketches that group together share. */
void nd_sketch_settings(unsigned shingle, char *buf, size_t len);

/* Writes a sketch as it goes: the header, the articles one by one, the trailer. */
typedef struct nd_sketch_writer {
    FILE *out;
    void *xs;          /* XXH3 state of the whole file */
    uint64_t count, articles;
    bool bad;          /* a write failed (errno kept) */
    uint64_t *tally;   /* if not NULL, counts the articles put */
} nd_sketch_writer;
bool nd_sketch_begin(nd_sketch_writer *w, FILE *out, unsigned shingle, unsigned flags,
                     uint64_t articles, uint64_t failed, uint64_t *tally);
bool nd_sketch_put(nd_sketch_writer *w, const char *name, uint64_t index, uint64_t size,
                   int64_t mtime, uint64_t chash, const nd_fp *fp);
/* Writes the trailer and frees w; false when any write failed or the count differs from
 * the header's.  Also to be called after nd_sketch_begin failed (it then only frees). */
bool nd_sketch_end(nd_sketch_writer *w);

/* ---- records.c: streams of fixed-size records, in checksummed blocks ---- */
typedef enum nd_rec_type {
    ND_REC_PARA = 1, /* a: paragraph hash, b: content hash, c: words, d: times in the article */
    ND_REC_PEND,     /* a: content hash, b: short paragraph hash, c: article */
    ND_REC_OWN,      /* a: content hash, c: words of a paragraph found in no other article */
    ND_REC_VOTE,     /* a: short paragraph hash: one vote of a template voter */
    ND_REC_TPL,      /* a: paragraph hash of a site template */
    ND_REC_EXACT,    /* a: content or text hash, c: article, d: 0 content, 1 text */
    ND_REC_XEDGE,    /* c, d: two articles with the same text (c the first of their bucket) */
    ND_REC_PRE,      /* c: an article, d: the first article of its exact class (c != d) */
    ND_REC_KEY,      /* c: LSH key, d: article */
    ND_REC_PAIR,     /* c: article a, d: article b (a < b) | run key << 31 */
    ND_REC_CAND,     /* c: article a, d: article b (a < b): a candidate pair */
    ND_REC_NEED,     /* c: an article whose fingerprint is needed */
    ND_REC_EDGE,     /* c: a, d: b, e: the pair's score (float bits) at or above threshold */
    ND_REC_TYPES
} nd_rec_type;

/* One record in memory; the file holds only the fields of its type (records.c). */
typedef struct nd_rec {
    uint64_t a, b;
    uint32_t c, d, e;
} nd_rec;

/* A growable array of records. */
typedef struct nd_recv {
    nd_rec *v;
    size_t n, cap;
} nd_recv;
bool nd_recv_push(nd_recv *v, const nd_rec *r);
void nd_recv_free(nd_recv *v);
const char *nd_rec_name(nd_rec_type t);

/* Reads every block of stream in, appending the records of type t to out[t] (out has
 * ND_REC_TYPES entries; a type whose out[t].cap is SIZE_MAX is refused as unexpected).
 * Returns NDUPES_OK, NDUPES_ERR_PARSE (damaged, truncated), NDUPES_ERR_IO, NDUPES_ERR_NOMEM. */
ndupes_status nd_rec_read(FILE *in, nd_recv *out, char *err, size_t errlen);

/* Writes records to nparts outputs, each record to the part its key chooses, in blocks. */
typedef struct nd_rec_writer {
    FILE *const *parts;
    size_t nparts;
    nd_recv *buf;  /* per part: records waiting for their block */
    nd_rec_type *type;
    bool bad;      /* a write failed (errno kept) or memory ran out */
    bool nomem;
    uint64_t *tally; /* if not NULL, counts the records put */
} nd_rec_writer;
bool nd_rec_writer_init(nd_rec_writer *w, FILE *const *parts, size_t nparts, uint64_t *tally);
/* Adds r (of type t) to part `part`; blocks are written as buffers fill. */
bool nd_rec_put(nd_rec_writer *w, size_t part, nd_rec_type t, const nd_rec *r);
/* Writes what is buffered, and frees; returns false when any write failed. */
bool nd_rec_writer_end(nd_rec_writer *w);
/* Sorts v[0..n) ascending (LSD radix, a byte a pass; a pass whose byte is the same in every
 * value is skipped); tmp holds n values.  Returns the array that holds the result. */
uint64_t *nd_radix_u64(uint64_t *v, uint64_t *tmp, size_t n);
/* The part of a 64-bit key among n (a hash of the key, spread evenly). */
size_t nd_rec_part(uint64_t key, size_t n);
/* The shard of a global article index: the last i with bounds[i] <= x (bounds ascending,
 * bounds[0] = 0). */
size_t nd_rec_shard(const uint64_t *bounds, size_t n, uint64_t x);

/* ---- dist_*.c: the steps ---- */
typedef struct nd_step_ctx {
    const ndupes_step_io *io;
    char *err;
    size_t errlen;
    char settings[128]; /* of the first sketch read */
    uint64_t read, written; /* records or articles (io->counts) */
} nd_step_ctx;
ndupes_status nd_step_templates(ndupes_step step, nd_step_ctx *x); /* paras..finalize */
ndupes_status nd_step_index(ndupes_step step, nd_step_ctx *x);     /* exact..candidates */
ndupes_status nd_step_score(ndupes_step step, nd_step_ctx *x);     /* need..cluster */
/* Helpers shared by the steps (dist_common in records.c). */
ndupes_status nd_step_fail(nd_step_ctx *x, ndupes_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Reads the record streams of io into out[] (types allowed by `want`, a bit mask of 1u << t). */
ndupes_status nd_step_records(nd_step_ctx *x, unsigned want, nd_recv *out);
/* Reads sketch k of io; refuses a sketch that is not final when final is set, one that
 * is final when it is not, and one whose settings differ from sketch 0's. */
ndupes_status nd_step_sketch(nd_step_ctx *x, size_t k, bool final, nd_sketch *out);
#endif
