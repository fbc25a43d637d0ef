/*
 * fpcodec.c - a fingerprint to bytes and back, for the persistent index.
 *
 * Little-endian, versioned, every length checked on the way in: the database is input
 * too (a damaged or hostile file must give an error, never a read out of bounds).
 *
 *   "NF" version(1) flags(1): 1 voter, 2 fingerprinted on the whole page
 *   content_hash(8) text_hash(8) nsh(4) nq(4) words(4) nsk(2) nqk(2) nkeys(2) npend(2)
 *   nanc(2) anc[nanc](4) sk[nsk](4 each) qk[nqk](4) keys[nkeys](4)
 *   npend x { hash(8) words(4) count(2) qcount(2) nkeys(1) keys[nkeys](4) }
 *   pend_sh[sum count](4) pend_q[sum qcount](4)
 *   nph(2) nph x { hash(8) words(4) }
 */
#include "store.h"

#include <string.h>

#define FP_VERSION 3

typedef struct wr {
    uint8_t *p;
    size_t n;
} wr;

static void put(wr *w, uint64_t v, unsigned bytes)
{
    for (unsigned i = 0; i < bytes; i++)
        w->p[w->n++] = (uint8_t)(v >> (8 * i));
}

bool nd_fp_encode(const nd_fp *fp, uint8_t **out, size_t *len)
{
    size_t psh = 0, pq = 0;
    for (size_t i = 0; i < fp->npend; i++) {
        psh += fp->pend[i].count;
        pq += fp->pend[i].qcount;
    }
    size_t size = 4 + 16 + 12 + 8 + 2 + 4 * ((size_t)fp->nanc + fp->nsk + fp->nqk + fp->nkeys) +
                  (size_t)fp->npend * (17 + 4 * ND_PEND_KEYS) + 4 * (psh + pq) + 2 +
                  12 * (size_t)fp->nph;
    wr w = {nd_malloc(size), 0};
    if (!w.p)
        return false;
    put(&w, 'N', 1);
    put(&w, 'F', 1);
    put(&w, FP_VERSION, 1);
    put(&w, (fp->voter ? 1 : 0) | (fp->whole ? 2 : 0), 1);
    put(&w, fp->content_hash, 8);
    put(&w, fp->text_hash, 8);
    put(&w, fp->nsh, 4);
    put(&w, fp->nq, 4);
    put(&w, fp->words, 4);
    put(&w, fp->nsk, 2);
    put(&w, fp->nqk, 2);
    put(&w, fp->nkeys, 2);
    put(&w, fp->npend, 2);
    put(&w, fp->nanc, 2);
    for (size_t i = 0; i < fp->nanc; i++)
        put(&w, fp->anc[i], 4);
    for (size_t i = 0; i < fp->nsk; i++)
        put(&w, fp->sk[i], 4);
    for (size_t i = 0; i < fp->nqk; i++)
        put(&w, fp->qk[i], 4);
    for (size_t i = 0; i < fp->nkeys; i++)
        put(&w, fp->keys[i], 4);
    for (size_t i = 0; i < fp->npend; i++) {
        const nd_pending *p = &fp->pend[i];
        put(&w, p->hash, 8);
        put(&w, p->words, 4);
        put(&w, p->count, 2);
        put(&w, p->qcount, 2);
        put(&w, p->nkeys, 1);
        for (size_t b = 0; b < p->nkeys; b++)
            put(&w, p->keys[b], 4);
    }
    for (size_t i = 0; i < fp->npend; i++)
        for (size_t k = 0; k < fp->pend[i].count; k++)
            put(&w, fp->pend_sh[fp->pend[i].first + k], 4);
    for (size_t i = 0; i < fp->npend; i++)
        for (size_t k = 0; k < fp->pend[i].qcount; k++)
            put(&w, fp->pend_q[fp->pend[i].qfirst + k], 4);
    put(&w, fp->nph, 2);
    for (size_t i = 0; i < fp->nph; i++) {
        put(&w, fp->ph[i].hash, 8);
        put(&w, fp->ph[i].words, 4);
    }
    *out = w.p;
    *len = w.n;
    return true;
}

typedef struct rd {
    const uint8_t *p;
    size_t n, at;
    bool bad;
} rd;

static uint64_t get(rd *r, unsigned bytes)
{
    if (r->bad || r->n - r->at < bytes) {
        r->bad = true;
        return 0;
    }
    uint64_t v = 0;
    for (unsigned i = 0; i < bytes; i++)
        v |= (uint64_t)r->p[r->at + i] << (8 * i);
    r->at += bytes;
    return v;
}

bool nd_fp_decode(const uint8_t *p, size_t len, nd_fp *fp)
{
    memset(fp, 0, sizeof *fp);
    if (!p || len < 44 || p[0] != 'N' || p[1] != 'F' || p[2] != FP_VERSION) /* 44: empty */
        return false;
    if (p[3] > 3)
        return false;
    fp->voter = p[3] & 1;
    fp->whole = p[3] >> 1 & 1;
    rd r = {p, len, 4, false};
    fp->content_hash = get(&r, 8);
    fp->text_hash = get(&r, 8);
    fp->nsh = (uint32_t)get(&r, 4);
    fp->nq = (uint32_t)get(&r, 4);
    fp->words = (uint32_t)get(&r, 4);
    size_t nsk = get(&r, 2), nqk = get(&r, 2), nkeys = get(&r, 2), npend = get(&r, 2);
    /* A sketch holds distinct values of its article's shingles: no more than it has. */
    if (r.bad || nsk > ND_SKETCH_K || nqk > ND_QUOTE_K || nkeys > ND_MAX_KEYS ||
        npend > ND_MAX_PARAS || nsk > fp->nsh || nqk > fp->nq)
        return false;
    fp->nsk = (uint16_t)nsk;
    fp->nqk = (uint16_t)nqk;
    size_t nanc = get(&r, 2);
    if (r.bad || nanc > ND_ANCHORS)
        return false;
    fp->nanc = (uint16_t)nanc;
    for (size_t i = 0; i < nanc; i++)
        fp->anc[i] = (uint32_t)get(&r, 4);
    for (size_t i = 0; i < nsk; i++)
        fp->sk[i] = (uint32_t)get(&r, 4);
    for (size_t i = 0; i < nqk; i++)
        fp->qk[i] = (uint32_t)get(&r, 4);
    if (r.bad)
        return false;
    if (nkeys) {
        fp->keys = nd_malloc(nkeys * sizeof *fp->keys);
        if (!fp->keys)
            return false;
        for (size_t i = 0; i < nkeys; i++)
            fp->keys[i] = (uint32_t)get(&r, 4);
        fp->nkeys = (uint16_t)nkeys;
    }
    if (npend) {
        fp->pend = nd_calloc(npend, sizeof *fp->pend);
        fp->pend_sh = nd_malloc(ND_PENDING_MAX * sizeof *fp->pend_sh);
        fp->pend_q = nd_malloc(ND_PENDING_MAX * sizeof *fp->pend_q);
        if (!fp->pend || !fp->pend_sh || !fp->pend_q) {
            nd_fp_free(fp);
            return false;
        }
        fp->npend = (uint16_t)npend;
        size_t sh = 0, q = 0;
        for (size_t i = 0; i < npend; i++) {
            nd_pending *pe = &fp->pend[i];
            pe->hash = get(&r, 8);
            pe->words = (uint32_t)get(&r, 4);
            pe->count = (uint32_t)get(&r, 2);
            pe->qcount = (uint32_t)get(&r, 2);
            size_t nk = get(&r, 1);
            if (nk > ND_PEND_KEYS) {
                r.bad = true;
                break;
            }
            pe->nkeys = (uint8_t)nk;
            for (size_t b = 0; b < nk; b++)
                pe->keys[b] = (uint32_t)get(&r, 4);
            pe->first = (uint32_t)sh;
            pe->qfirst = (uint32_t)q;
            sh += pe->count;
            q += pe->qcount;
            if (sh > ND_PENDING_MAX || q > ND_PENDING_MAX)
                r.bad = true;
        }
        for (size_t i = 0; i < sh && !r.bad; i++)
            fp->pend_sh[i] = (uint32_t)get(&r, 4);
        for (size_t i = 0; i < q && !r.bad; i++)
            fp->pend_q[i] = (uint32_t)get(&r, 4);
    }
    size_t nph = get(&r, 2);
    if (!r.bad && nph > 4 * ND_MAX_PARAS)
        r.bad = true;
    if (!r.bad && nph) {
        fp->ph = nd_malloc(nph * sizeof *fp->ph);
        if (!fp->ph) {
            nd_fp_free(fp);
            return false;
        }
        fp->nph = (uint16_t)nph;
        for (size_t i = 0; i < nph; i++) {
            fp->ph[i].hash = get(&r, 8);
            fp->ph[i].words = (uint32_t)get(&r, 4);
        }
    }
    /* Sketches must be sorted for the scorer's merge and binary search. */
    for (size_t i = 1; i < nsk && !r.bad; i++)
        r.bad = fp->sk[i - 1] >= fp->sk[i];
    for (size_t i = 1; i < nqk && !r.bad; i++)
        r.bad = fp->qk[i - 1] >= fp->qk[i];
    for (size_t i = 1; i < nanc && !r.bad; i++)
        r.bad = fp->anc[i - 1] >= fp->anc[i];
    if (r.bad || r.at != len) {
        nd_fp_free(fp);
        return false;
    }
    return true;
}
