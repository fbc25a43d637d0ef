/*
 * test_fpcodec.c - a fingerprint to bytes and back (src/sketch/fpcodec.c: nd_fp_encode,
 * nd_fp_decode), the form in which the index stores every article.
 *
 * A round trip must give back every field: the hashes, counts and flags, the sketches,
 * anchors and keys, the short paragraphs that wait for the template decision (their
 * hashes, words, keys and shingles) and the kept paragraphs' hashes.  The bytes come from
 * a database, so they are input: every truncation, a wrong version or flags byte, a count
 * past its limit, a sketch out of order and trailing bytes must be refused (and freed),
 * never read out of bounds.  Blobs with one bad value and a consistent length are written
 * here by a writer of the layout documented at the top of fpcodec.c (checked against
 * nd_fp_encode: the same length, the fixed part and the arrays byte for byte); each limit
 * is tried at its value (accepted) and one past it (refused).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nd_internal.h"

#define HEAD 44 /* an empty fingerprint: the fixed fields and nph, no arrays */

/* An article: chrome around nine paragraphs, five of them short (up to ND_SHORT_WORDS
 * words: deferred with defer_short, two of them quotes), four direct quotes. */
static const char ARTICLE[] =
    "Home | News | Sport | Weather | Opinion\n\n"
    "Harbour town votes to rebuild its flooded sea wall\n\n"
    "By Mara Lindqvist\n\n"
    "The town council of Port Evelyn voted on Thursday night to rebuild the sea wall that "
    "gave way during the storms of last winter, after a debate that ran for more than four "
    "hours and filled the public gallery to the doors.\n\n"
    "\"We have waited long enough, and the water will not wait for us,\" said the mayor, "
    "Tomas Reyes, who told the meeting that the first stones could be laid before the end "
    "of the summer if the state releases the money it promised in the spring.\n\n"
    "Engineers hired by the council found that the old wall, built in the nineteen fifties, "
    "had been undermined by the tide for years. Their report, published last month, said "
    "that patching it again would only move the problem a few metres along the shore.\n\n"
    "The vote passed by seven votes to two after the long debate.\n\n"
    "\"This is the right thing to do for the whole town,\" said one councillor.\n\n"
    "\"We will keep fighting for the harbour and its boats,\" the fishermen said.\n\n"
    "Not everyone in the gallery was pleased. Fishermen who moor their boats in the old "
    "harbour said the new wall would be higher and would cut them off from the slipway they "
    "have used for generations. \"Nobody asked us what we need,\" said one of them, Ellen "
    "Baird.\n\n"
    "Work on the new wall is expected to take two years, the council said.\n\n"
    "The council will hold a public meeting next month to show residents the plans, and "
    "says it will publish the full costs once the state has confirmed its share.\n\n"
    "Share this article\n\n"
    "Subscribe to our newsletter\n\n"
    "(c) 2024 Port Evelyn Gazette. All rights reserved.\n";

/* A page the reader empties: menu lines only (fingerprinted whole). */
static const char MENU[] = "Home\n\nWorld News Politics Business Economy Markets Technology\n\n"
                           "Sport Football Tennis Golf Cricket Rugby Cycling\n\n"
                           "Weather Forecast Maps Radar\n\nContact Us Careers Advertise\n\n"
                           "World News Politics Business Economy Markets Technology\n";

/* ---- helpers ---- */

static void build(const char *s, bool defer, nd_fp *fp)
{
    ndupes_config cfg;
    ndupes_config_init(&cfg);
    ndupes_doc *doc = NULL;
    assert_int_equal(ndupes_doc_parse(s, strlen(s), &cfg, &doc), NDUPES_OK);
    assert_true(nd_fp_build(doc, &cfg, defer, fp));
    ndupes_doc_free(doc);
}

/* nd_fp_decode on an exact-size heap copy of p[0..len), so that the sanitizer build sees
 * any read past the end. */
static bool decode(const uint8_t *p, size_t len, nd_fp *fp)
{
    uint8_t *q = malloc(len ? len : 1);
    assert_non_null(q);
    if (len)
        memcpy(q, p, len);
    bool ok = nd_fp_decode(q, len, fp) == NDUPES_OK;
    free(q);
    if (!ok) {
        /* A refused blob leaves nothing to free. */
        assert_null(fp->keys);
        assert_null(fp->pend);
        assert_null(fp->pend_sh);
        assert_null(fp->pend_q);
        assert_null(fp->ph);
        assert_int_equal(fp->nkeys, 0);
        assert_int_equal(fp->npend, 0);
        assert_int_equal(fp->nph, 0);
    }
    return ok;
}

/* Every field of b equals a's: counts, hashes, flags, arrays, pending paragraphs (their
 * shingles through their own ranges) and paragraph hashes. */
static void assert_fp_equal(const nd_fp *a, const nd_fp *b)
{
    assert_int_equal(a->content_hash, b->content_hash);
    assert_int_equal(a->text_hash, b->text_hash);
    assert_int_equal(a->nsh, b->nsh);
    assert_int_equal(a->nq, b->nq);
    assert_int_equal(a->words, b->words);
    assert_int_equal(a->voter, b->voter);
    assert_int_equal(a->whole, b->whole);
    assert_int_equal(a->nsk, b->nsk);
    assert_int_equal(a->nqk, b->nqk);
    assert_int_equal(a->nanc, b->nanc);
    assert_int_equal(a->nkeys, b->nkeys);
    assert_int_equal(a->npend, b->npend);
    assert_int_equal(a->nph, b->nph);
    if (a->nsk)
        assert_memory_equal(a->sk, b->sk, a->nsk * sizeof *a->sk);
    if (a->nqk)
        assert_memory_equal(a->qk, b->qk, a->nqk * sizeof *a->qk);
    if (a->nanc)
        assert_memory_equal(a->anc, b->anc, a->nanc * sizeof *a->anc);
    if (a->nkeys)
        assert_memory_equal(a->keys, b->keys, a->nkeys * sizeof *a->keys);
    for (size_t i = 0; i < a->npend; i++) {
        const nd_pending *x = &a->pend[i], *y = &b->pend[i];
        assert_int_equal(x->hash, y->hash);
        assert_int_equal(x->words, y->words);
        assert_int_equal(x->count, y->count);
        assert_int_equal(x->qcount, y->qcount);
        assert_int_equal(x->nkeys, y->nkeys);
        assert_memory_equal(x->keys, y->keys, x->nkeys * sizeof *x->keys);
        if (x->count)
            assert_memory_equal(a->pend_sh + x->first, b->pend_sh + y->first,
                                x->count * sizeof *a->pend_sh);
        if (x->qcount)
            assert_memory_equal(a->pend_q + x->qfirst, b->pend_q + y->qfirst,
                                x->qcount * sizeof *a->pend_q);
    }
    for (size_t i = 0; i < a->nph; i++) {
        assert_int_equal(a->ph[i].hash, b->ph[i].hash);
        assert_int_equal(a->ph[i].words, b->ph[i].words);
    }
}

/* Encodes fp, decodes it, checks every field, encodes the copy again (the same bytes).
 * Returns the first encoding (free with nd_free). */
static uint8_t *round_trip(const nd_fp *fp, size_t *len)
{
    uint8_t *p = NULL;
    assert_true(nd_fp_encode(fp, &p, len));
    assert_non_null(p);
    assert_true(*len >= HEAD);
    assert_int_equal(p[0], 'N');
    assert_int_equal(p[1], 'F');
    assert_int_equal(p[2], 3);
    nd_fp back;
    assert_true(decode(p, *len, &back));
    assert_fp_equal(fp, &back);
    uint8_t *q = NULL;
    size_t qlen = 0;
    assert_true(nd_fp_encode(&back, &q, &qlen));
    assert_int_equal(qlen, *len);
    assert_memory_equal(q, p, qlen);
    nd_free(q);
    nd_fp_free(&back);
    return p;
}

/* ---- a writer of the documented layout, for blobs with one bad value ---- */

typedef struct blob {
    uint8_t *p;
    size_t n, cap;
} blob;

static void put_le(blob *b, uint64_t v, unsigned bytes)
{
    if (b->n + bytes > b->cap) {
        b->cap = (b->n + bytes) * 2 + 64;
        b->p = realloc(b->p, b->cap);
        assert_non_null(b->p);
    }
    for (unsigned i = 0; i < bytes; i++)
        b->p[b->n++] = (uint8_t)(v >> (8 * i));
}

/* What the writer writes: a fingerprint's fields, with counts that may be wrong. */
typedef struct layout {
    unsigned version, flags;
    uint64_t content_hash, text_hash;
    uint32_t nsh, nq, words;
    size_t nsk, nqk, nkeys, npend, nanc, nph;
    const uint32_t *sk, *qk, *keys, *anc; /* NULL: increasing values 1, 2, 3 ... */
    /* pending paragraph i: pnkeys[i] keys, pcount[i] shingles, pq[i] quote shingles */
    const size_t *pnkeys, *pcount, *pq;
} layout;

static void put_values(blob *b, const uint32_t *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        put_le(b, v ? v[i] : (uint32_t)(i + 1), 4);
}

static blob write_layout(const layout *l)
{
    blob b = {0};
    put_le(&b, 'N', 1);
    put_le(&b, 'F', 1);
    put_le(&b, l->version, 1);
    put_le(&b, l->flags, 1);
    put_le(&b, l->content_hash, 8);
    put_le(&b, l->text_hash, 8);
    put_le(&b, l->nsh, 4);
    put_le(&b, l->nq, 4);
    put_le(&b, l->words, 4);
    put_le(&b, l->nsk, 2);
    put_le(&b, l->nqk, 2);
    put_le(&b, l->nkeys, 2);
    put_le(&b, l->npend, 2);
    put_le(&b, l->nanc, 2);
    put_values(&b, l->anc, l->nanc);
    put_values(&b, l->sk, l->nsk);
    put_values(&b, l->qk, l->nqk);
    put_values(&b, l->keys, l->nkeys);
    size_t sh = 0, q = 0;
    for (size_t i = 0; i < l->npend; i++) {
        put_le(&b, 0x1000 + i, 8); /* hash */
        put_le(&b, 7, 4);          /* words */
        size_t c = l->pcount ? l->pcount[i] : 3, qc = l->pq ? l->pq[i] : 0;
        size_t nk = l->pnkeys ? l->pnkeys[i] : ND_BANDS;
        put_le(&b, c, 2);
        put_le(&b, qc, 2);
        put_le(&b, nk, 1);
        put_values(&b, NULL, nk);
        sh += c;
        q += qc;
    }
    put_values(&b, NULL, sh);
    put_values(&b, NULL, q);
    put_le(&b, l->nph, 2);
    for (size_t i = 0; i < l->nph; i++) {
        put_le(&b, 0x2000 + i, 8);
        put_le(&b, 40, 4);
    }
    return b;
}

/* The layout of a built fingerprint (the pending counts in arrays of the caller's). */
static layout layout_of(const nd_fp *fp, size_t *pnkeys, size_t *pcount, size_t *pq)
{
    for (size_t i = 0; i < fp->npend; i++) {
        pnkeys[i] = fp->pend[i].nkeys;
        pcount[i] = fp->pend[i].count;
        pq[i] = fp->pend[i].qcount;
    }
    return (layout){.version = 3, .flags = (fp->voter ? 1u : 0u) | (fp->whole ? 2u : 0u),
                    .content_hash = fp->content_hash, .text_hash = fp->text_hash,
                    .nsh = fp->nsh, .nq = fp->nq, .words = fp->words, .nsk = fp->nsk,
                    .nqk = fp->nqk, .nkeys = fp->nkeys, .npend = fp->npend,
                    .nanc = fp->nanc, .nph = fp->nph, .sk = fp->sk, .qk = fp->qk,
                    .keys = fp->keys, .anc = fp->anc, .pnkeys = pnkeys, .pcount = pcount,
                    .pq = pq};
}

/* A valid layout: one of everything, all counts within their limits. */
static layout small_layout(void)
{
    return (layout){.version = 3, .flags = 1, .content_hash = 11, .text_hash = 22,
                    .nsh = 50, .nq = 10, .words = 60, .nsk = 50, .nqk = 10,
                    .nkeys = 16, .npend = 1, .nanc = 2, .nph = 3};
}

/* Writes l and says whether nd_fp_decode accepts it. */
static bool accepts(const layout *l)
{
    blob b = write_layout(l);
    nd_fp fp;
    bool ok = decode(b.p, b.n, &fp);
    if (ok)
        nd_fp_free(&fp);
    free(b.p);
    return ok;
}

/* ---- round trips ---- */

static void empty_fingerprint_is_44_bytes_and_round_trips(void **state)
{
    (void)state;
    nd_fp fp;
    memset(&fp, 0, sizeof fp);
    size_t len = 0;
    uint8_t *p = round_trip(&fp, &len);
    assert_int_equal(len, HEAD);
    /* All zero past the magic and version. */
    for (size_t i = 3; i < len; i++)
        assert_int_equal(p[i], 0);
    nd_free(p);

    /* A page without text (no words): the same. */
    build("", false, &fp);
    assert_int_equal(fp.nsh, 0);
    assert_int_equal(fp.text_hash, 0);
    p = round_trip(&fp, &len);
    assert_int_equal(len, HEAD);
    nd_free(p);
    nd_fp_free(&fp);
}

static void article_round_trips(void **state)
{
    (void)state;
    nd_fp fp;
    build(ARTICLE, false, &fp);
    /* Every array is in use. */
    assert_true(fp.nsk > 0 && fp.nqk > 0 && fp.nanc == 4 && fp.nkeys > 0);
    assert_int_equal(fp.npend, 0);
    assert_int_equal(fp.whole, 0);
    size_t len;
    nd_free(round_trip(&fp, &len));
    /* The flags: voter (set by the corpus). */
    fp.voter = 1;
    nd_free(round_trip(&fp, &len));
    nd_fp_free(&fp);
}

static void article_with_deferred_paragraphs_round_trips(void **state)
{
    (void)state;
    nd_fp fp;
    build(ARTICLE, true, &fp);
    /* Five short paragraphs wait, with keys and shingles (two with quote shingles);
     * every kept one is recorded. */
    assert_int_equal(fp.npend, 5);
    assert_true(fp.nph >= 9);
    size_t quoted = 0, run = 0;
    for (size_t i = 0; i < fp.npend; i++) {
        assert_true(fp.pend[i].nkeys >= ND_BANDS); /* band keys, and a run key or none */
        assert_true(fp.pend[i].count > 0);
        quoted += fp.pend[i].qcount > 0;
        run += fp.pend[i].nkeys > ND_BANDS;
    }
    assert_int_equal(quoted, 2);
    assert_true(run > 0);
    fp.voter = 1;
    size_t len;
    uint8_t *p = round_trip(&fp, &len);

    /* The decoded copy finalises as the original does (its pending buffers are usable). */
    nd_fp back;
    assert_true(decode(p, len, &back));
    assert_true(nd_fp_finalize(&fp, NULL, NULL, NULL));
    assert_true(nd_fp_finalize(&back, NULL, NULL, NULL));
    assert_int_equal(back.npend, 0);
    assert_fp_equal(&fp, &back);
    nd_fp_free(&back);
    nd_free(p);
    nd_fp_free(&fp);
}

static void whole_page_round_trips(void **state)
{
    (void)state;
    nd_fp fp;
    build(MENU, true, &fp);
    assert_int_equal(fp.whole, 1);
    assert_true(fp.nsh > 0 && fp.nkeys > 0);
    size_t len;
    uint8_t *p = round_trip(&fp, &len);
    assert_int_equal(p[3], 2);
    nd_free(p);
    fp.voter = 1;
    p = round_trip(&fp, &len);
    assert_int_equal(p[3], 3);
    nd_free(p);
    nd_fp_free(&fp);
}

/* The writer of this file writes what nd_fp_encode writes: the layout is the documented
 * one (and the blobs below differ from valid ones only where they mean to). */
static void encoder_writes_the_documented_layout(void **state)
{
    (void)state;
    for (int defer = 0; defer < 2; defer++) {
        nd_fp fp;
        build(ARTICLE, defer, &fp);
        fp.voter = 1;
        size_t pnk[ND_MAX_PARAS], pc[ND_MAX_PARAS], pq[ND_MAX_PARAS];
        layout l = layout_of(&fp, pnk, pc, pq);
        blob b = write_layout(&l);
        uint8_t *p;
        size_t len;
        assert_true(nd_fp_encode(&fp, &p, &len));
        /* The pending and paragraph records are written with stand-in values: compare
         * up to them, and the lengths. */
        assert_int_equal(b.n, len);
        size_t fixed = HEAD - 2 + 4 * ((size_t)fp.nanc + fp.nsk + fp.nqk + fp.nkeys);
        assert_memory_equal(b.p, p, fixed);
        nd_free(p);
        free(b.p);
        nd_fp_free(&fp);
    }
    layout l = small_layout();
    assert_true(accepts(&l));
}

/* ---- refused ---- */

static void every_truncation_is_refused(void **state)
{
    (void)state;
    for (int defer = 0; defer < 2; defer++) {
        nd_fp fp;
        build(ARTICLE, defer, &fp);
        uint8_t *p;
        size_t len;
        assert_true(nd_fp_encode(&fp, &p, &len));
        for (size_t n = 0; n < len; n++) {
            nd_fp back;
            if (decode(p, n, &back))
                fail_msg("a blob of %zu bytes cut to %zu was accepted", len, n);
        }
        nd_fp back;
        assert_true(decode(p, len, &back));
        nd_fp_free(&back);
        nd_free(p);
        nd_fp_free(&fp);
    }
    nd_fp back;
    assert_int_equal(nd_fp_decode(NULL, 0, &back), NDUPES_ERR_PARSE);
    assert_int_equal(nd_fp_decode(NULL, HEAD, &back), NDUPES_ERR_PARSE);
}

static void trailing_bytes_are_refused(void **state)
{
    (void)state;
    nd_fp fp;
    build(ARTICLE, true, &fp);
    uint8_t *p;
    size_t len;
    assert_true(nd_fp_encode(&fp, &p, &len));
    uint8_t *q = malloc(len + 8);
    assert_non_null(q);
    memcpy(q, p, len);
    memset(q + len, 0, 8);
    nd_fp back;
    for (size_t extra = 1; extra <= 8; extra++)
        assert_false(decode(q, len + extra, &back));
    assert_true(decode(q, len, &back));
    nd_fp_free(&back);
    /* The empty fingerprint too. */
    memset(q, 0, HEAD + 1);
    q[0] = 'N', q[1] = 'F', q[2] = 3;
    assert_true(decode(q, HEAD, &back));
    nd_fp_free(&back);
    assert_false(decode(q, HEAD + 1, &back));
    free(q);
    nd_free(p);
    nd_fp_free(&fp);
}

static void wrong_magic_version_or_flags_are_refused(void **state)
{
    (void)state;
    nd_fp fp;
    build(ARTICLE, true, &fp);
    uint8_t *p;
    size_t len;
    assert_true(nd_fp_encode(&fp, &p, &len));
    nd_fp back;
    for (unsigned v = 0; v < 256; v++) {
        p[2] = (uint8_t)v;
        assert_int_equal(decode(p, len, &back), v == 3);
        if (v == 3)
            nd_fp_free(&back);
    }
    p[2] = 3;
    for (unsigned f = 0; f < 256; f++) {
        p[3] = (uint8_t)f;
        bool ok = decode(p, len, &back);
        assert_int_equal(ok, f <= 3);
        if (ok) {
            assert_int_equal(back.voter, f & 1);
            assert_int_equal(back.whole, f >> 1);
            nd_fp_free(&back);
        }
    }
    p[3] = 0;
    p[0] = 'n';
    assert_false(decode(p, len, &back));
    p[0] = 'N';
    p[1] = 'G';
    assert_false(decode(p, len, &back));
    p[1] = 'F';
    assert_true(decode(p, len, &back));
    nd_fp_free(&back);
    nd_free(p);
    nd_fp_free(&fp);
}

/* nsk may not exceed nsh (a sketch holds distinct shingles), nor nqk nq. */
static void sketch_larger_than_its_count_is_refused(void **state)
{
    (void)state;
    nd_fp fp;
    build(ARTICLE, false, &fp);
    assert_int_equal(fp.nsk, fp.nsh); /* fewer shingles than ND_SKETCH_K: all in it */
    assert_int_equal(fp.nqk, fp.nq);
    size_t pnk[1], pc[1], pq[1];
    layout l = layout_of(&fp, pnk, pc, pq);
    assert_true(accepts(&l));
    l.nsh = fp.nsk - 1;
    assert_false(accepts(&l));
    l.nsh = fp.nsh;
    l.nq = fp.nqk - 1;
    assert_false(accepts(&l));
    l.nq = fp.nq;
    assert_true(accepts(&l));
    nd_fp_free(&fp);

    /* A small one, by hand. */
    l = small_layout();
    l.nsh = (uint32_t)l.nsk - 1;
    assert_false(accepts(&l));
    l = small_layout();
    l.nq = (uint32_t)l.nqk - 1;
    assert_false(accepts(&l));
}

/* Each count at its limit is read; one past it is refused. */
static void counts_past_their_limits_are_refused(void **state)
{
    (void)state;
    layout l = small_layout();
    /* The sketch: ND_SKETCH_K values at most (no quote sketch after it, whose values
     * would end an overlong sketch out of order). */
    l.nq = 0;
    l.nqk = 0;
    l.nsh = 100000;
    l.nsk = ND_SKETCH_K;
    assert_true(accepts(&l));
    l.nsk = ND_SKETCH_K + 1;
    assert_false(accepts(&l));
    /* The quote sketch: ND_QUOTE_K. */
    l = small_layout();
    l.nq = 100000;
    l.nqk = ND_QUOTE_K;
    assert_true(accepts(&l));
    l.nqk = ND_QUOTE_K + 1;
    assert_false(accepts(&l));
    /* Anchors: ND_ANCHORS. */
    l = small_layout();
    l.nanc = ND_ANCHORS;
    assert_true(accepts(&l));
    l.nanc = ND_ANCHORS + 1;
    assert_false(accepts(&l));
    /* Keys: ND_MAX_KEYS. */
    l = small_layout();
    l.nkeys = ND_MAX_KEYS;
    assert_true(accepts(&l));
    l.nkeys = ND_MAX_KEYS + 1;
    assert_false(accepts(&l));
    /* Pending paragraphs: ND_MAX_PARAS, with one shingle each. */
    size_t ones[ND_MAX_PARAS + 1], zeros[ND_MAX_PARAS + 1];
    for (size_t i = 0; i <= ND_MAX_PARAS; i++)
        ones[i] = 1, zeros[i] = 0;
    l = small_layout();
    l.pcount = ones;
    l.pnkeys = zeros;
    l.npend = ND_MAX_PARAS;
    assert_true(accepts(&l));
    l.npend = ND_MAX_PARAS + 1;
    assert_false(accepts(&l));
    /* Keys of one pending paragraph: ND_PEND_KEYS. */
    size_t nk[2] = {ND_BANDS, ND_PEND_KEYS};
    l = small_layout();
    l.npend = 2;
    l.pnkeys = nk;
    assert_true(accepts(&l));
    nk[1] = ND_PEND_KEYS + 1;
    assert_false(accepts(&l));
    nk[0] = 255, nk[1] = ND_BANDS;
    assert_false(accepts(&l));
    /* Their shingles, and quote shingles: ND_PENDING_MAX in all. */
    size_t c[2] = {ND_PENDING_MAX - 100, 100}, q[2] = {0, 0};
    l = small_layout();
    l.npend = 2;
    l.pcount = c;
    l.pq = q;
    assert_true(accepts(&l));
    c[1] = 101;
    assert_false(accepts(&l));
    c[1] = 100;
    q[0] = ND_PENDING_MAX;
    assert_true(accepts(&l));
    q[1] = 1;
    assert_false(accepts(&l));
    /* Kept paragraphs' hashes: 4 x ND_MAX_PARAS. */
    l = small_layout();
    l.nph = 4 * ND_MAX_PARAS;
    assert_true(accepts(&l));
    l.nph = 4 * ND_MAX_PARAS + 1;
    assert_false(accepts(&l));
}

/* The sketches and anchors must be strictly increasing (the scorer merges them). */
static void unsorted_sketches_are_refused(void **state)
{
    (void)state;
    nd_fp fp;
    build(ARTICLE, false, &fp);
    assert_true(fp.nsk >= 3 && fp.nqk >= 3 && fp.nanc >= 2);
    nd_fp bad;
    uint8_t *p;
    size_t len;
    nd_fp back;
    /* Each array: two neighbours swapped, then one value repeated. */
    uint32_t *arrays[3];
    size_t counts[3] = {fp.nsk, fp.nqk, fp.nanc};
    for (int a = 0; a < 3; a++) {
        for (int kind = 0; kind < 2; kind++) {
            bad = fp; /* shares fp's pointers: not freed */
            arrays[0] = bad.sk, arrays[1] = bad.qk, arrays[2] = bad.anc;
            uint32_t *v = arrays[a];
            size_t at = counts[a] - 2; /* the last two: every value before is read */
            if (kind == 0) {
                uint32_t t = v[at];
                v[at] = v[at + 1];
                v[at + 1] = t;
            } else {
                v[at + 1] = v[at];
            }
            assert_true(nd_fp_encode(&bad, &p, &len));
            if (decode(p, len, &back))
                fail_msg("array %d with %s accepted", a, kind ? "a repeat" : "a swap");
            nd_free(p);
        }
    }
    /* The unchanged one is read. */
    assert_true(nd_fp_encode(&fp, &p, &len));
    assert_true(decode(p, len, &back));
    nd_fp_free(&back);
    nd_free(p);
    nd_fp_free(&fp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(empty_fingerprint_is_44_bytes_and_round_trips),
        cmocka_unit_test(article_round_trips),
        cmocka_unit_test(article_with_deferred_paragraphs_round_trips),
        cmocka_unit_test(whole_page_round_trips),
        cmocka_unit_test(encoder_writes_the_documented_layout),
        cmocka_unit_test(every_truncation_is_refused),
        cmocka_unit_test(trailing_bytes_are_refused),
        cmocka_unit_test(wrong_magic_version_or_flags_are_refused),
        cmocka_unit_test(sketch_larger_than_its_count_is_refused),
        cmocka_unit_test(counts_past_their_limits_are_refused),
        cmocka_unit_test(unsorted_sketches_are_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
