/*
 * dist_score.c - scoring the candidate pairs and clustering the edges of a whole run,
 * across a cluster.
 *
 * A pair is scored where the fingerprints of both its articles are: `need` lists, by
 * shard, the articles that some records name, `select` takes those articles out of the
 * shard's final sketch, and `score` scores the pairs (nd_score, as corpus.c does) against
 * the selected fingerprints.  The clustering runs in one process: nd_cluster over the
 * edges, starting from the exact classes, with the chaining guard (which scores pairs that
 * were no candidates), then the groups of corpus.c (representative, best links, order).
 * It holds only the articles that have an edge or an exact copy.  Their indices are mapped
 * to positions that ascend with them, so every tie nd_cluster and the groups break by
 * index is broken as in one run.
 */
#include "nd_dist.h"

#include <stdlib.h>
#include <string.h>

static void free_in(nd_recv *in)
{
    for (unsigned t = 1; t < ND_REC_TYPES; t++)
        nd_recv_free(&in[t]);
}

static int cmp_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return (a > b) - (a < b);
}

static ndupes_status need(nd_step_ctx *x)
{
    nd_recv in[ND_REC_TYPES];
    unsigned want = 1u << ND_REC_CAND | 1u << ND_REC_EDGE | 1u << ND_REC_PRE | 1u << ND_REC_XEDGE;
    ndupes_status st = nd_step_records(x, want, in);
    size_t n = 0;
    for (unsigned t = 1; t < ND_REC_TYPES; t++)
        n += 2 * in[t].n;
    uint32_t *v = NULL;
    nd_rec_writer w;
    if (st == NDUPES_OK && !(v = nd_malloc((n + 1) * sizeof *v)))
        st = NDUPES_ERR_NOMEM;
    if (st == NDUPES_OK && !nd_rec_writer_init(&w, x->io->parts, x->io->nparts, &x->written))
        st = NDUPES_ERR_NOMEM;
    if (st != NDUPES_OK) {
        nd_free(v);
        free_in(in);
        return st;
    }
    size_t m = 0;
    for (unsigned t = 1; t < ND_REC_TYPES; t++)
        for (size_t i = 0; i < in[t].n; i++) {
            v[m++] = in[t].v[i].c;
            v[m++] = in[t].v[i].d;
        }
    nd_qsort(v, m, sizeof *v, cmp_u32);
    for (size_t i = 0; i < m; i++) {
        if (i && v[i] == v[i - 1])
            continue;
        nd_rec r = {.c = v[i]};
        nd_rec_put(&w, nd_rec_shard(x->io->bounds, x->io->nbounds, r.c), ND_REC_NEED, &r);
    }
    nd_free(v);
    free_in(in);
    bool nomem = w.nomem;
    if (!nd_rec_writer_end(&w))
        st = nomem ? NDUPES_ERR_NOMEM : NDUPES_ERR_IO;
    return st;
}

/* Writes the articles of s whose indices are v[0..n) (sorted, distinct) to out. */
static ndupes_status select_into(nd_step_ctx *x, const nd_sketch *s, const uint32_t *v,
                                 size_t n, FILE *out)
{
    /* Both lists ascend: one pass finds every article wanted, or the first missing. */
    for (size_t i = 0, k = 0; i < n; i++, k++) {
        while (k < s->n && s->a[k].index < v[i])
            k++;
        if (k == s->n || s->a[k].index != v[i])
            return nd_step_fail(x, NDUPES_ERR_ARG, "%s: holds no article %u (asked for by the "
                                "records)", x->io->sketch_names ? x->io->sketch_names[0]
                                                                : "the sketch", v[i]);
    }
    nd_sketch_writer w = {0};
    if (!nd_sketch_begin(&w, out, s->info.shingle, ND_SKETCH_FINAL, n, 0, &x->written)) {
        ndupes_status st = w.xs ? NDUPES_ERR_IO : NDUPES_ERR_NOMEM;
        nd_sketch_end(&w);
        return st;
    }
    for (size_t i = 0, k = 0; i < n; i++, k++) {
        while (s->a[k].index < v[i])
            k++;
        const nd_sk_article *a = &s->a[k];
        /* Without the LSH keys: scoring and clustering need none (a quarter of the bytes). */
        nd_fp lean = a->fp;
        lean.keys = NULL;
        lean.nkeys = 0;
        if (!nd_sketch_put(&w, a->name, a->index, a->size, a->mtime, a->chash, &lean))
            break;
    }
    return nd_sketch_end(&w) ? NDUPES_OK : NDUPES_ERR_IO;
}

/* With parts, record stream k names the articles of part k (one decoding of the sketch
 * serves every part of the pairs); without, every stream names those of the output. */
static ndupes_status select_step(nd_step_ctx *x)
{
    const ndupes_step_io *io = x->io;
    size_t nout = io->nparts ? io->nparts : 1;
    if (io->nparts && io->nrecords != io->nparts)
        return nd_step_fail(x, NDUPES_ERR_ARG, "select into %zu parts takes a record stream a "
                            "part (%zu given)", io->nparts, io->nrecords);
    nd_sketch s = {0};
    ndupes_status st = nd_step_sketch(x, 0, true, &s);
    for (size_t o = 0; o < nout && st == NDUPES_OK; o++) {
        nd_recv in[ND_REC_TYPES];
        ndupes_step_io one = *io;
        nd_step_ctx y = *x;
        if (io->nparts) {
            one.records = io->records + o;
            one.record_names = io->record_names ? io->record_names + o : NULL;
            one.nrecords = 1;
            y.io = &one;
        }
        st = nd_step_records(&y, 1u << ND_REC_NEED, in);
        nd_recv *nv = &in[ND_REC_NEED];
        uint32_t *v = st == NDUPES_OK ? nd_malloc((nv->n + 1) * sizeof *v) : NULL;
        if (st == NDUPES_OK && !v)
            st = NDUPES_ERR_NOMEM;
        if (st == NDUPES_OK) {
            for (size_t i = 0; i < nv->n; i++)
                v[i] = nv->v[i].c;
            nd_qsort(v, nv->n, sizeof *v, cmp_u32);
            size_t u = 0;
            for (size_t i = 0; i < nv->n; i++)
                if (u == 0 || v[i] != v[u - 1])
                    v[u++] = v[i];
            st = select_into(x, &s, v, u, io->nparts ? io->parts[o] : io->out);
        }
        nd_free(v);
        free_in(in);
    }
    nd_sketch_free(&s);
    return st;
}

/* Every article of the sketches of io, ascending by index, one of each. */
typedef struct pool {
    nd_sketch *sk;
    size_t nsk;
    nd_sk_article **a;
    size_t n;
} pool;

static void pool_free(pool *p)
{
    for (size_t k = 0; k < p->nsk; k++)
        nd_sketch_free(&p->sk[k]);
    nd_free(p->sk);
    nd_free(p->a);
}

static int cmp_article(const void *x, const void *y)
{
    const nd_sk_article *a = *(nd_sk_article *const *)x, *b = *(nd_sk_article *const *)y;
    return (a->index > b->index) - (a->index < b->index);
}

static ndupes_status pool_load(nd_step_ctx *x, pool *p)
{
    memset(p, 0, sizeof *p);
    p->sk = nd_calloc(x->io->nsketches, sizeof *p->sk);
    if (!p->sk)
        return NDUPES_ERR_NOMEM;
    size_t total = 0;
    for (size_t k = 0; k < x->io->nsketches; k++) {
        ndupes_status st = nd_step_sketch(x, k, true, &p->sk[k]);
        if (st != NDUPES_OK)
            return st;
        p->nsk = k + 1;
        total += p->sk[k].n;
    }
    p->a = nd_malloc((total + 1) * sizeof *p->a);
    if (!p->a)
        return NDUPES_ERR_NOMEM;
    for (size_t k = 0; k < p->nsk; k++)
        for (size_t i = 0; i < p->sk[k].n; i++)
            p->a[p->n++] = &p->sk[k].a[i];
    nd_qsort(p->a, p->n, sizeof *p->a, cmp_article);
    size_t u = 0;
    for (size_t i = 0; i < p->n; i++)
        if (u == 0 || p->a[i]->index != p->a[u - 1]->index)
            p->a[u++] = p->a[i];
    p->n = u;
    if (p->n > (size_t)INT32_MAX || (p->n && p->a[p->n - 1]->index > (uint64_t)INT32_MAX))
        return nd_step_fail(x, NDUPES_ERR_ARG, "more than 2^31 articles");
    return NDUPES_OK;
}

/* The position of article `index` in the pool, or SIZE_MAX. */
static size_t pool_find(const pool *p, uint32_t index)
{
    size_t lo = 0, hi = p->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (p->a[mid]->index < index)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < p->n && p->a[lo]->index == index ? lo : SIZE_MAX;
}

static ndupes_status missing(nd_step_ctx *x, uint32_t index)
{
    return nd_step_fail(x, NDUPES_ERR_ARG, "the records name article %u, which no sketch "
                        "given holds", index);
}

static double threshold(const nd_step_ctx *x)
{
    return x->io->threshold > 0 ? x->io->threshold : NDUPES_DEFAULT_THRESHOLD;
}

static ndupes_status score(nd_step_ctx *x)
{
    nd_recv in[ND_REC_TYPES];
    pool p = {0};
    ndupes_status st = nd_step_records(x, 1u << ND_REC_CAND, in);
    if (st == NDUPES_OK)
        st = pool_load(x, &p);
    nd_rec_writer w;
    if (st == NDUPES_OK && !nd_rec_writer_init(&w, &x->io->out, 1, &x->written))
        st = NDUPES_ERR_NOMEM;
    if (st != NDUPES_OK) {
        pool_free(&p);
        free_in(in);
        return st;
    }
    ndupes_config cfg;
    ndupes_config_init(&cfg);
    cfg.threshold = threshold(x);
    nd_recv *v = &in[ND_REC_CAND];
    for (size_t i = 0; i < v->n && st == NDUPES_OK; i++) {
        size_t a = pool_find(&p, v->v[i].c), b = pool_find(&p, v->v[i].d);
        if (a == SIZE_MAX || b == SIZE_MAX) {
            st = missing(x, a == SIZE_MAX ? v->v[i].c : v->v[i].d);
            break;
        }
        /* As work_score (corpus.c): the score as a float, compared with the threshold as
         * a float. */
        ndupes_score s;
        nd_score(&p.a[a]->fp, &p.a[b]->fp, &cfg, &s);
        float f = (float)s.score;
        if (f >= (float)cfg.threshold) {
            nd_rec r = {.c = v->v[i].c, .d = v->v[i].d};
            memcpy(&r.e, &f, sizeof f);
            nd_rec_put(&w, 0, ND_REC_EDGE, &r);
        }
    }
    pool_free(&p);
    free_in(in);
    bool nomem = w.nomem;
    if (!nd_rec_writer_end(&w) && st == NDUPES_OK)
        st = nomem ? NDUPES_ERR_NOMEM : NDUPES_ERR_IO;
    return st;
}

/* Moves the pool's articles into the empty corpus c, in order. */
static ndupes_status fill_corpus(ndupes_corpus *c, pool *p)
{
    if (!nd_corpus_reserve(c, p->n))
        return NDUPES_ERR_NOMEM;
    if (p->nsk)
        c->cfg.shingle = p->sk[0].info.shingle;
    for (size_t i = 0; i < p->n; i++) {
        nd_sk_article *a = p->a[i];
        c->items[i] = (item){.name = a->name, .mtime = a->mtime, .first_seen = c->now,
                             .size = a->size, .chash = a->chash, .is_new = true};
        c->fps[i] = a->fp;
        a->name = NULL;
        memset(&a->fp, 0, sizeof a->fp);
        c->stats.articles++;
        c->stats.bytes += a->size;
    }
    c->n = p->n;
    return NDUPES_OK;
}

static ndupes_status cluster(nd_step_ctx *x)
{
    nd_recv in[ND_REC_TYPES];
    pool p = {0};
    uint32_t *pre = NULL, *label = NULL;
    nd_edge *edges = NULL;
    ndupes_corpus *c = x->io->corpus;
    ndupes_status st = nd_step_records(x, 1u << ND_REC_EDGE | 1u << ND_REC_PRE, in);
    if (st == NDUPES_OK)
        st = pool_load(x, &p);
    if (st != NDUPES_OK)
        goto out;
    nd_recv *ev = &in[ND_REC_EDGE], *pv = &in[ND_REC_PRE];
    size_t n = p.n;
    pre = nd_malloc((n + 1) * sizeof *pre);
    label = nd_malloc((n + 1) * sizeof *label);
    edges = nd_malloc((ev->n + 1) * sizeof *edges);
    if (!pre || !label || !edges) {
        st = NDUPES_ERR_NOMEM;
        goto out;
    }
    for (size_t i = 0; i < n; i++)
        pre[i] = (uint32_t)i;
    for (size_t i = 0; i < pv->n; i++) {
        size_t a = pool_find(&p, pv->v[i].c), r = pool_find(&p, pv->v[i].d);
        if (a == SIZE_MAX || r == SIZE_MAX) {
            st = missing(x, a == SIZE_MAX ? pv->v[i].c : pv->v[i].d);
            goto out;
        }
        pre[a] = (uint32_t)r;
    }
    float thr = (float)threshold(x);
    c->cfg.threshold = threshold(x);
    size_t ne = 0;
    for (size_t i = 0; i < ev->n; i++) {
        size_t a = pool_find(&p, ev->v[i].c), b = pool_find(&p, ev->v[i].d);
        if (a == SIZE_MAX || b == SIZE_MAX) {
            st = missing(x, a == SIZE_MAX ? ev->v[i].c : ev->v[i].d);
            goto out;
        }
        float f;
        memcpy(&f, &ev->v[i].e, sizeof f);
        if (!(f >= 0.0f && f <= 1.0f) || a >= b) {
            st = nd_step_fail(x, NDUPES_ERR_PARSE, "a damaged edge (%u, %u)", ev->v[i].c,
                              ev->v[i].d);
            goto out;
        }
        /* Edges scored at a lower threshold than this one's are dropped, as the run drops
         * the pairs under its threshold. */
        if (f >= thr)
            edges[ne++] = (nd_edge){(uint32_t)a, (uint32_t)b, f};
    }
    if ((st = fill_corpus(c, &p)) != NDUPES_OK)
        goto out;
    double t = nd_now();
    c->stats.edges = ne;
    x->written = ne;
    if (!nd_cluster(n, edges, ne, pre, true, LINK_FACTOR * thr, nd_corpus_pair_score, c, label,
                    &c->stats.merges_refused) ||
        !nd_corpus_build_groups(c, label))
        st = NDUPES_ERR_NOMEM;
    c->stats.t_cluster += nd_now() - t;
out:
    nd_free(pre);
    nd_free(label);
    nd_free(edges);
    pool_free(&p);
    free_in(in);
    return st;
}

ndupes_status nd_step_score(ndupes_step step, nd_step_ctx *x)
{
    switch (step) {
    case NDUPES_STEP_NEED:
        return need(x);
    case NDUPES_STEP_SELECT:
        return select_step(x);
    case NDUPES_STEP_SCORE:
        return score(x);
    default:
        return cluster(x);
    }
}
