/*
 * dist_templates.c - the site templates of a whole run, learned across a cluster.
 *
 * corpus.c learns them in one process: an article votes when it is the first with its kept
 * text (its content hash) and has at least MIN_OWN_WORDS words in paragraphs found in no
 * other such article; a short paragraph with template_min_files votes is a template, and
 * nd_fp_finalize drops it from every fingerprint.  Everything there depends on the kept
 * text only: two articles with the same content hash have the same paragraphs and the same
 * short paragraphs.  So the counts are made per distinct content hash, by key:
 *
 *   paras      each sketch: for the first article of each content hash (in the sketch),
 *              PARA (paragraph, content hash, words, times) by paragraph, and PEND
 *              (content hash, short paragraph, article) by content hash
 *   own        by paragraph: the count is the sum over distinct content hashes; a paragraph
 *              counted once gives OWN (content hash, words) by content hash (the PEND
 *              records pass through, to the part of their content hash)
 *   votes      by content hash: the first article's short paragraphs (the smallest index,
 *              as the run's first) give VOTE (short paragraph), by paragraph, when the
 *              content hash has MIN_OWN_WORDS words of its own
 *   templates  by paragraph: the paragraphs with template_min_files votes
 *   finalize   each sketch, with every template: nd_fp_finalize, as the run does
 */
#include "nd_dist.h"

#include <stdlib.h>
#include <string.h>

static int cmp_ab(const void *x, const void *y)
{
    const nd_rec *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    if (p->b != q->b)
        return p->b < q->b ? -1 : 1;
    return (p->c > q->c) - (p->c < q->c);
}

/* PEND records by content hash, then article, then paragraph. */
static int cmp_acb(const void *x, const void *y)
{
    const nd_rec *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    if (p->c != q->c)
        return p->c < q->c ? -1 : 1;
    return (p->b > q->b) - (p->b < q->b);
}

static int cmp_parahash(const void *x, const void *y)
{
    const nd_parahash *p = x, *q = y;
    return (p->hash > q->hash) - (p->hash < q->hash);
}

static ndupes_status paras(nd_step_ctx *x)
{
    const ndupes_step_io *io = x->io;
    nd_sketch s;
    ndupes_status st = nd_step_sketch(x, 0, false, &s);
    if (st != NDUPES_OK)
        return st;
    nd_tmap seen = {0};
    nd_parahash *ph = nd_malloc(4 * ND_MAX_PARAS * sizeof *ph);
    nd_rec_writer w;
    bool ok = ph && nd_tmap_reserve(&seen, s.n) && nd_rec_writer_init(&w, io->parts, io->nparts, &x->written);
    if (!ok) {
        nd_free(ph);
        nd_tmap_free(&seen);
        nd_sketch_free(&s);
        return NDUPES_ERR_NOMEM;
    }
    if (io->base + s.n > (uint64_t)INT32_MAX)
        ok = false;
    for (size_t k = 0; k < s.n && ok && !w.bad; k++) {
        const nd_fp *f = &s.a[k].fp;
        if (!f->nph || nd_tmap_get(&seen, f->content_hash))
            continue; /* no vote, or a copy of an earlier article's kept text */
        nd_tmap_add(&seen, f->content_hash, 1); /* room was reserved */
        memcpy(ph, f->ph, f->nph * sizeof *ph);
        nd_qsort(ph, f->nph, sizeof *ph, cmp_parahash);
        for (size_t i = 0; i < f->nph;) {
            size_t e = i + 1;
            while (e < f->nph && ph[e].hash == ph[i].hash)
                e++;
            nd_rec r = {.a = ph[i].hash, .b = f->content_hash, .c = ph[i].words,
                        .d = (uint32_t)(e - i)};
            nd_rec_put(&w, nd_rec_part(r.a, io->nparts), ND_REC_PARA, &r);
            i = e;
        }
        for (size_t p = 0; p < f->npend; p++) {
            nd_rec r = {.a = f->content_hash, .b = f->pend[p].hash,
                        .c = (uint32_t)(io->base + k)};
            nd_rec_put(&w, nd_rec_part(r.a, io->nparts), ND_REC_PEND, &r);
        }
    }
    bool nomem = w.nomem;
    bool wrote = nd_rec_writer_end(&w);
    nd_free(ph);
    nd_tmap_free(&seen);
    nd_sketch_free(&s);
    if (!ok)
        return nd_step_fail(x, NDUPES_ERR_ARG, "more than 2^31 articles");
    return wrote ? NDUPES_OK : nomem ? NDUPES_ERR_NOMEM : NDUPES_ERR_IO;
}

static ndupes_status own(nd_step_ctx *x)
{
    nd_recv in[ND_REC_TYPES];
    ndupes_status st = nd_step_records(x, 1u << ND_REC_PARA | 1u << ND_REC_PEND, in);
    if (st != NDUPES_OK)
        goto out;
    nd_recv *v = &in[ND_REC_PARA], *pe = &in[ND_REC_PEND];
    nd_qsort(v->v, v->n, sizeof *v->v, cmp_ab);
    nd_rec_writer w;
    if (!nd_rec_writer_init(&w, x->io->parts, x->io->nparts, &x->written)) {
        st = NDUPES_ERR_NOMEM;
        goto out;
    }
    /* The short paragraphs go on to votes, by content hash as they came. */
    for (size_t i = 0; i < pe->n; i++)
        nd_rec_put(&w, nd_rec_part(pe->v[i].a, x->io->nparts), ND_REC_PEND, &pe->v[i]);
    for (size_t i = 0; i < v->n;) {
        size_t e = i + 1;
        uint64_t count = v->v[i].d;
        for (; e < v->n && v->v[e].a == v->v[i].a; e++)
            if (v->v[e].b != v->v[e - 1].b) /* one count per content hash */
                count += v->v[e].d;
        if (count == 1) {
            nd_rec r = {.a = v->v[i].b, .c = v->v[i].c};
            nd_rec_put(&w, nd_rec_part(r.a, x->io->nparts), ND_REC_OWN, &r);
        }
        i = e;
    }
    bool nomem = w.nomem;
    if (!nd_rec_writer_end(&w))
        st = nomem ? NDUPES_ERR_NOMEM : NDUPES_ERR_IO;
out:
    for (unsigned t = 1; t < ND_REC_TYPES; t++)
        nd_recv_free(&in[t]);
    return st;
}

static ndupes_status votes(nd_step_ctx *x)
{
    nd_recv in[ND_REC_TYPES];
    ndupes_status st = nd_step_records(x, 1u << ND_REC_OWN | 1u << ND_REC_PEND, in);
    if (st != NDUPES_OK)
        goto out;
    nd_recv *ow = &in[ND_REC_OWN], *pe = &in[ND_REC_PEND];
    nd_qsort(ow->v, ow->n, sizeof *ow->v, cmp_ab);
    nd_qsort(pe->v, pe->n, sizeof *pe->v, cmp_acb);
    nd_rec_writer w;
    if (!nd_rec_writer_init(&w, x->io->parts, x->io->nparts, &x->written)) {
        st = NDUPES_ERR_NOMEM;
        goto out;
    }
    size_t o = 0;
    for (size_t i = 0; i < pe->n;) {
        uint64_t ch = pe->v[i].a;
        uint32_t first = pe->v[i].c; /* the first article with this kept text votes */
        size_t e = i;
        while (e < pe->n && pe->v[e].a == ch)
            e++;
        while (o < ow->n && ow->v[o].a < ch)
            o++;
        uint64_t words = 0;
        for (size_t k = o; k < ow->n && ow->v[k].a == ch; k++)
            words += ow->v[k].c;
        for (size_t k = i; words >= MIN_OWN_WORDS && k < e && pe->v[k].c == first; k++) {
            nd_rec r = {.a = pe->v[k].b};
            nd_rec_put(&w, nd_rec_part(r.a, x->io->nparts), ND_REC_VOTE, &r);
        }
        i = e;
    }
    bool nomem = w.nomem;
    if (!nd_rec_writer_end(&w))
        st = nomem ? NDUPES_ERR_NOMEM : NDUPES_ERR_IO;
out:
    for (unsigned t = 1; t < ND_REC_TYPES; t++)
        nd_recv_free(&in[t]);
    return st;
}

static ndupes_status templates(nd_step_ctx *x)
{
    nd_recv in[ND_REC_TYPES];
    ndupes_status st = nd_step_records(x, 1u << ND_REC_VOTE, in);
    if (st != NDUPES_OK)
        goto out;
    ndupes_config def;
    ndupes_config_init(&def);
    unsigned min = x->io->template_min_files ? x->io->template_min_files : def.template_min_files;
    nd_recv *v = &in[ND_REC_VOTE];
    nd_qsort(v->v, v->n, sizeof *v->v, cmp_ab);
    nd_rec_writer w;
    if (!nd_rec_writer_init(&w, &x->io->out, 1, &x->written)) {
        st = NDUPES_ERR_NOMEM;
        goto out;
    }
    for (size_t i = 0; i < v->n;) {
        size_t e = i + 1;
        while (e < v->n && v->v[e].a == v->v[i].a)
            e++;
        if (e - i >= min) {
            nd_rec r = {.a = v->v[i].a};
            nd_rec_put(&w, 0, ND_REC_TPL, &r);
        }
        i = e;
    }
    bool nomem = w.nomem;
    if (!nd_rec_writer_end(&w))
        st = nomem ? NDUPES_ERR_NOMEM : NDUPES_ERR_IO;
out:
    for (unsigned t = 1; t < ND_REC_TYPES; t++)
        nd_recv_free(&in[t]);
    return st;
}

/* The templates, sorted, for nd_fp_finalize. */
typedef struct tplset {
    const nd_rec *v;
    size_t n;
} tplset;

static bool is_template(void *ctx, uint64_t hash)
{
    const tplset *t = ctx;
    size_t lo = 0, hi = t->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t->v[mid].a < hash)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < t->n && t->v[lo].a == hash;
}

static ndupes_status finalize(nd_step_ctx *x)
{
    nd_recv in[ND_REC_TYPES];
    nd_sketch s = {0};
    ndupes_status st = nd_step_records(x, 1u << ND_REC_TPL, in);
    if (st == NDUPES_OK)
        st = nd_step_sketch(x, 0, false, &s);
    if (st != NDUPES_OK)
        goto out;
    if (x->io->base + s.n > (uint64_t)INT32_MAX) {
        st = nd_step_fail(x, NDUPES_ERR_ARG, "more than 2^31 articles");
        goto out;
    }
    nd_recv *v = &in[ND_REC_TPL];
    nd_qsort(v->v, v->n, sizeof *v->v, cmp_ab);
    tplset t = {v->v, v->n};
    nd_sketch_writer w = {0};
    if (!nd_sketch_begin(&w, x->io->out, s.info.shingle, ND_SKETCH_FINAL, s.n, s.info.failed, &x->written)) {
        st = w.xs ? NDUPES_ERR_IO : NDUPES_ERR_NOMEM;
        nd_sketch_end(&w);
        goto out;
    }
    for (size_t k = 0; k < s.n && st == NDUPES_OK; k++) {
        nd_sk_article *a = &s.a[k];
        if (!nd_fp_finalize(&a->fp, is_template, &t, NULL))
            st = NDUPES_ERR_NOMEM;
        else if (!nd_sketch_put(&w, a->name, x->io->base + k, a->size, a->mtime, a->chash, &a->fp))
            st = NDUPES_ERR_IO;
    }
    if (!nd_sketch_end(&w) && st == NDUPES_OK)
        st = NDUPES_ERR_IO;
out:
    nd_sketch_free(&s);
    for (unsigned t2 = 1; t2 < ND_REC_TYPES; t2++)
        nd_recv_free(&in[t2]);
    return st;
}

ndupes_status nd_step_templates(ndupes_step step, nd_step_ctx *x)
{
    switch (step) {
    case NDUPES_STEP_PARAS:
        return paras(x);
    case NDUPES_STEP_OWN:
        return own(x);
    case NDUPES_STEP_VOTES:
        return votes(x);
    case NDUPES_STEP_TEMPLATES:
        return templates(x);
    default:
        return finalize(x);
    }
}
