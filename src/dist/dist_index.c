/*
 * dist_index.c - the candidate index of a whole run, built across a cluster.
 *
 * corpus.c puts articles with the same kept text or the same whole page into one exact
 * class before anything is scored: the first article of a class (the smallest index)
 * stands for it in the LSH index, the others emit no key.  Then lsh.c puts every key's
 * articles in a bucket, takes the pairs each bucket gives (nd_lsh_bucket: every pair of a
 * small bucket, a window of a large one), and keeps the pairs that share a band key or
 * ND_RUN_PAIR run keys (nd_lsh_choose).  Across a cluster:
 *
 *   exact        each final sketch: EXACT (kept-text hash, article, 0) for an article with
 *                shingles, EXACT (page hash, article, 1) for one with words, by hash
 *   exact-edges  by hash: each bucket of two or more as XEDGE (first, other)
 *   classes      every XEDGE (the articles with an exact copy: few): union-find, the
 *                smallest index as the root, PRE (article, root) by the article's shard
 *   keys         each final sketch and its shard's PRE: KEY (key, article) of every
 *                article that is the root of its class and has shingles, by key
 *   buckets      by key: each key's bucket through nd_lsh_bucket, PAIR (a, b | run) by
 *                pair
 *   candidates   by pair: nd_lsh_choose
 */
#include "nd_dist.h"

#include <stdlib.h>
#include <string.h>

static void free_in(nd_recv *in)
{
    for (unsigned t = 1; t < ND_REC_TYPES; t++)
        nd_recv_free(&in[t]);
}

static ndupes_status end_writer(nd_rec_writer *w, ndupes_status st)
{
    bool nomem = w->nomem;
    if (!nd_rec_writer_end(w) && st == NDUPES_OK)
        st = nomem ? NDUPES_ERR_NOMEM : NDUPES_ERR_IO;
    return st;
}

static ndupes_status exact(nd_step_ctx *x)
{
    nd_sketch s;
    ndupes_status st = nd_step_sketch(x, 0, true, &s);
    if (st != NDUPES_OK)
        return st;
    nd_rec_writer w;
    if (!nd_rec_writer_init(&w, x->io->parts, x->io->nparts, &x->written)) {
        nd_sketch_free(&s);
        return NDUPES_ERR_NOMEM;
    }
    for (size_t k = 0; k < s.n && st == NDUPES_OK; k++) {
        const nd_sk_article *a = &s.a[k];
        if (a->index > (uint64_t)INT32_MAX) {
            st = nd_step_fail(x, NDUPES_ERR_ARG, "more than 2^31 articles");
            break;
        }
        /* As exact_classes (corpus.c): the kept text of an article with shingles, the
         * whole page of one with words. */
        if (a->fp.nsh) {
            nd_rec r = {.a = a->fp.content_hash, .c = (uint32_t)a->index, .d = 0};
            nd_rec_put(&w, nd_rec_part(r.a, x->io->nparts), ND_REC_EXACT, &r);
        }
        if (a->fp.text_hash) {
            nd_rec r = {.a = a->fp.text_hash, .c = (uint32_t)a->index, .d = 1};
            nd_rec_put(&w, nd_rec_part(r.a, x->io->nparts), ND_REC_EXACT, &r);
        }
    }
    nd_sketch_free(&s);
    return end_writer(&w, st);
}

static int cmp_exact(const void *x, const void *y)
{
    const nd_rec *p = x, *q = y;
    if (p->d != q->d)
        return p->d < q->d ? -1 : 1;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return (p->c > q->c) - (p->c < q->c);
}

static ndupes_status exact_edges(nd_step_ctx *x)
{
    nd_recv in[ND_REC_TYPES];
    ndupes_status st = nd_step_records(x, 1u << ND_REC_EXACT, in);
    nd_rec_writer w;
    if (st == NDUPES_OK && !nd_rec_writer_init(&w, &x->io->out, 1, &x->written))
        st = NDUPES_ERR_NOMEM;
    if (st != NDUPES_OK) {
        free_in(in);
        return st;
    }
    nd_recv *v = &in[ND_REC_EXACT];
    nd_qsort(v->v, v->n, sizeof *v->v, cmp_exact);
    for (size_t i = 0; i < v->n;) {
        size_t e = i + 1;
        for (; e < v->n && v->v[e].a == v->v[i].a && v->v[e].d == v->v[i].d; e++)
            if (v->v[e].c != v->v[e - 1].c) {
                nd_rec r = {.c = v->v[i].c, .d = v->v[e].c};
                nd_rec_put(&w, 0, ND_REC_XEDGE, &r);
            }
        i = e;
    }
    free_in(in);
    return end_writer(&w, st);
}

static int cmp_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return (a > b) - (a < b);
}

/* The position of x in v[0..n) (sorted, present). */
static size_t find_u32(const uint32_t *v, size_t n, uint32_t x)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (v[mid] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static uint32_t root(uint32_t *up, uint32_t x)
{
    while (up[x] != x) {
        up[x] = up[up[x]];
        x = up[x];
    }
    return x;
}

static ndupes_status classes(nd_step_ctx *x)
{
    nd_recv in[ND_REC_TYPES];
    ndupes_status st = nd_step_records(x, 1u << ND_REC_XEDGE, in);
    if (st != NDUPES_OK) {
        free_in(in);
        return st;
    }
    nd_recv *v = &in[ND_REC_XEDGE];
    uint32_t *node = nd_malloc((2 * v->n + 1) * sizeof *node);
    uint32_t *up = nd_malloc((2 * v->n + 1) * sizeof *up);
    nd_rec_writer w;
    if (!node || !up || !nd_rec_writer_init(&w, x->io->parts, x->io->nparts, &x->written)) {
        nd_free(node);
        nd_free(up);
        free_in(in);
        return NDUPES_ERR_NOMEM;
    }
    size_t m = 0;
    for (size_t i = 0; i < v->n; i++) {
        node[m++] = v->v[i].c;
        node[m++] = v->v[i].d;
    }
    nd_qsort(node, m, sizeof *node, cmp_u32);
    size_t u = 0;
    for (size_t i = 0; i < m; i++)
        if (u == 0 || node[i] != node[u - 1])
            node[u++] = node[i];
    for (size_t i = 0; i < u; i++)
        up[i] = (uint32_t)i;
    /* Positions ascend with the articles' indices: the smaller root is the smaller index,
     * as in exact_classes. */
    for (size_t i = 0; i < v->n; i++) {
        uint32_t a = root(up, (uint32_t)find_u32(node, u, v->v[i].c));
        uint32_t b = root(up, (uint32_t)find_u32(node, u, v->v[i].d));
        if (a != b)
            up[a > b ? a : b] = a < b ? a : b;
    }
    for (size_t i = 0; i < u; i++) {
        uint32_t r = root(up, (uint32_t)i);
        if (r == i)
            continue;
        nd_rec rec = {.c = node[i], .d = node[r]};
        nd_rec_put(&w, nd_rec_shard(x->io->bounds, x->io->nbounds, rec.c), ND_REC_PRE, &rec);
    }
    nd_free(node);
    nd_free(up);
    free_in(in);
    return end_writer(&w, st);
}

static ndupes_status keys(nd_step_ctx *x)
{
    nd_recv in[ND_REC_TYPES];
    nd_sketch s = {0};
    uint32_t *skip = NULL;
    ndupes_status st = nd_step_records(x, 1u << ND_REC_PRE, in);
    if (st == NDUPES_OK)
        st = nd_step_sketch(x, 0, true, &s);
    nd_recv *pre = &in[ND_REC_PRE];
    if (st == NDUPES_OK && !(skip = nd_malloc((pre->n + 1) * sizeof *skip)))
        st = NDUPES_ERR_NOMEM;
    nd_rec_writer w;
    if (st == NDUPES_OK && !nd_rec_writer_init(&w, x->io->parts, x->io->nparts, &x->written))
        st = NDUPES_ERR_NOMEM;
    if (st != NDUPES_OK) {
        nd_free(skip);
        nd_sketch_free(&s);
        free_in(in);
        return st;
    }
    for (size_t i = 0; i < pre->n; i++)
        skip[i] = pre->v[i].c;
    nd_qsort(skip, pre->n, sizeof *skip, cmp_u32);
    for (size_t k = 0; k < s.n && st == NDUPES_OK; k++) {
        const nd_sk_article *a = &s.a[k];
        if (a->index > (uint64_t)INT32_MAX) {
            st = nd_step_fail(x, NDUPES_ERR_ARG, "more than 2^31 articles");
            break;
        }
        uint32_t i = (uint32_t)a->index;
        size_t at = find_u32(skip, pre->n, i);
        if (a->fp.nsh == 0 || (at < pre->n && skip[at] == i))
            continue; /* no keys, or not the first of its exact class */
        for (size_t j = 0; j < a->fp.nkeys; j++) {
            nd_rec r = {.c = a->fp.keys[j], .d = i};
            nd_rec_put(&w, nd_rec_part(r.c, x->io->nparts), ND_REC_KEY, &r);
        }
    }
    nd_free(skip);
    nd_sketch_free(&s);
    free_in(in);
    return end_writer(&w, st);
}

static ndupes_status buckets(nd_step_ctx *x)
{
    nd_recv in[ND_REC_TYPES];
    ndupes_status st = nd_step_records(x, 1u << ND_REC_KEY, in);
    nd_recv *v = &in[ND_REC_KEY];
    size_t n = v->n, np = 0, cap = 0;
    uint64_t *e = NULL, *tmp = NULL, *pairs = NULL;
    nd_rec_writer w;
    if (st == NDUPES_OK && (!(e = nd_malloc((n + 1) * sizeof *e)) ||
                            !(tmp = nd_malloc((n + 1) * sizeof *tmp))))
        st = NDUPES_ERR_NOMEM;
    if (st == NDUPES_OK && !nd_rec_writer_init(&w, x->io->parts, x->io->nparts, &x->written))
        st = NDUPES_ERR_NOMEM;
    /* As lsh.c holds them: key << 32 | article, sorted (a bucket's articles ascending). */
    for (size_t i = 0; i < n && st == NDUPES_OK; i++) {
        if (v->v[i].d > (uint32_t)INT32_MAX)
            st = nd_step_fail(x, NDUPES_ERR_ARG, "more than 2^31 articles");
        e[i] = (uint64_t)v->v[i].c << 32 | v->v[i].d;
    }
    free_in(in);
    if (st != NDUPES_OK) {
        nd_free(e);
        nd_free(tmp);
        return st;
    }
    uint64_t *s = nd_radix_u64(e, tmp, n);
    for (size_t i = 0; i < n && st == NDUPES_OK;) {
        size_t end = i + 1;
        while (end < n && s[end] >> 32 == s[i] >> 32)
            end++;
        np = 0;
        if (!nd_lsh_bucket(s + i, end - i, &pairs, &np, &cap))
            st = NDUPES_ERR_NOMEM;
        for (size_t k = 0; k < np && st == NDUPES_OK; k++) {
            uint32_t a = (uint32_t)(pairs[k] >> 33), b = (uint32_t)(pairs[k] >> 1) & 0x7fffffffu;
            nd_rec r = {.c = a, .d = b | (uint32_t)(pairs[k] & 1) << 31};
            nd_rec_put(&w, nd_rec_part((uint64_t)a << 32 | b, x->io->nparts), ND_REC_PAIR, &r);
        }
        i = end;
    }
    nd_free(e);
    nd_free(tmp);
    nd_free(pairs);
    return end_writer(&w, st);
}

static ndupes_status candidates(nd_step_ctx *x)
{
    nd_recv in[ND_REC_TYPES];
    ndupes_status st = nd_step_records(x, 1u << ND_REC_PAIR, in);
    nd_recv *v = &in[ND_REC_PAIR];
    uint64_t *e = NULL, *tmp = NULL;
    nd_pair *out = NULL;
    nd_rec_writer w;
    if (st == NDUPES_OK && (!(e = nd_malloc((v->n + 1) * sizeof *e)) ||
                            !(tmp = nd_malloc((v->n + 1) * sizeof *tmp)) ||
                            !(out = nd_malloc((v->n + 1) * sizeof *out))))
        st = NDUPES_ERR_NOMEM;
    if (st == NDUPES_OK && !nd_rec_writer_init(&w, &x->io->out, 1, &x->written))
        st = NDUPES_ERR_NOMEM;
    if (st != NDUPES_OK) {
        nd_free(e);
        nd_free(tmp);
        nd_free(out);
        free_in(in);
        return st;
    }
    /* Back to lsh.c's form: a << 33 | b << 1 | run, sorted. */
    for (size_t i = 0; i < v->n; i++)
        e[i] = (uint64_t)v->v[i].c << 33 | (uint64_t)(v->v[i].d & 0x7fffffffu) << 1 |
               v->v[i].d >> 31;
    size_t total = v->n;
    free_in(in);
    uint64_t *sorted = nd_radix_u64(e, tmp, total);
    size_t n = nd_lsh_choose(sorted, total, out);
    for (size_t i = 0; i < n; i++) {
        nd_rec r = {.c = out[i].a, .d = out[i].b};
        nd_rec_put(&w, 0, ND_REC_CAND, &r);
    }
    nd_free(e);
    nd_free(tmp);
    nd_free(out);
    return end_writer(&w, st);
}

ndupes_status nd_step_index(ndupes_step step, nd_step_ctx *x)
{
    switch (step) {
    case NDUPES_STEP_EXACT:
        return exact(x);
    case NDUPES_STEP_EXACT_EDGES:
        return exact_edges(x);
    case NDUPES_STEP_CLASSES:
        return classes(x);
    case NDUPES_STEP_KEYS:
        return keys(x);
    case NDUPES_STEP_BUCKETS:
        return buckets(x);
    default:
        return candidates(x);
    }
}
