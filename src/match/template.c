/*
 * template.c - learning a site's template: short paragraphs that recur across files.
 *
 * Every short kept paragraph of every article is counted once per file, by the hash of
 * its normalised text, in an open-addressing table.  A paragraph found in at least
 * template_min_files files is template text: "Meridian News Online is not responsible for
 * the content of external internet sites." on every page of a site survives the per-page
 * rules (it reads like a sentence) but is not part of any article.  Only short paragraphs
 * take part (fingerprint.c defers them), so the long paragraphs that wire copies of one
 * story share are never mistaken for a template.
 *
 * Who votes: the articles with text of their own (at least MIN_OWN_WORDS words in
 * paragraphs found in no other article).  A site's template recurs next to each page's own
 * article, so its pages vote; copies of one story share all their paragraphs, so they do
 * not vote, and a short-paragraph story copied by many sites is never mistaken for a
 * template.  Exact copies count once.
 */
#include "nd_match.h"

#include <string.h>

void nd_tmap_free(nd_tmap *m)
{
    nd_free(m->slot);
    memset(m, 0, sizeof *m);
}

static size_t home(uint64_t key, size_t cap)
{
    return (size_t)(key * 0x9e3779b97f4a7c15ULL >> 20) & (cap - 1);
}

/* Rehashes into a table of nc slots (a power of two). */
static bool resize(nd_tmap *m, size_t nc)
{
    nd_tslot *t = nd_calloc(nc, sizeof *t);
    if (!t)
        return false;
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->slot[i].count)
            continue;
        size_t h = home(m->slot[i].key, nc);
        while (t[h].count)
            h = (h + 1) & (nc - 1);
        t[h] = m->slot[i];
    }
    nd_free(m->slot);
    m->slot = t;
    m->cap = nc;
    return true;
}

/* The table is kept at most half full: linear probes stay short. */
bool nd_tmap_reserve(nd_tmap *m, size_t more)
{
    size_t need = m->used + more, nc = m->cap ? m->cap : 1024;
    while (need * 2 >= nc)
        nc *= 2;
    return nc == m->cap || resize(m, nc);
}

bool nd_tmap_add(nd_tmap *m, uint64_t key, uint32_t n)
{
    if ((m->used + 1) * 2 >= m->cap && !resize(m, m->cap ? m->cap * 2 : 1024))
        return false;
    size_t h = home(key, m->cap);
    while (m->slot[h].count && m->slot[h].key != key)
        h = (h + 1) & (m->cap - 1);
    if (!m->slot[h].count) {
        m->slot[h].key = key;
        m->used++;
    }
    m->slot[h].count += n;
    return true;
}

uint32_t nd_tmap_get(const nd_tmap *m, uint64_t key)
{
    if (!m->cap)
        return 0;
    size_t h = home(key, m->cap);
    while (m->slot[h].count) {
        if (m->slot[h].key == key)
            return m->slot[h].count;
        h = (h + 1) & (m->cap - 1);
    }
    return 0;
}


typedef struct voter_job {
    nd_fp *fps;
    const nd_tmap *paras; /* paragraph hash -> articles it is in */
    const uint8_t *dup;   /* exact copies of an earlier article */
    uint32_t (*stored)(void *ctx, uint64_t hash);
    void *ctx;
} voter_job;

static void work_voter(void *ctx, size_t i)
{
    voter_job *j = ctx;
    nd_fp *f = &j->fps[i];
    if (!f->nph || j->dup[i])
        return;
    uint32_t own = 0;
    for (size_t p = 0; p < f->nph; p++) {
        uint64_t h = f->ph[p].hash;
        if (nd_tmap_get(j->paras, h) == 1 && (!j->stored || j->stored(j->ctx, h) == 0))
            own += f->ph[p].words;
    }
    f->voter = own >= MIN_OWN_WORDS;
}

bool nd_template_voters(nd_fp *fps, size_t n, uint32_t (*stored)(void *ctx, uint64_t hash),
                        void *ctx, const nd_run *run, unsigned jobs)
{
    nd_tmap paras = {0}, seen = {0};
    bool ok = true;
    uint8_t *dup = nd_calloc(n ? n : 1, 1);
    size_t nph = 0;
    for (size_t i = 0; i < n; i++)
        nph += fps[i].nph;
    if (!dup || !nd_tmap_reserve(&paras, nph) || !nd_tmap_reserve(&seen, n)) {
        nd_free(dup);
        nd_tmap_free(&paras);
        nd_tmap_free(&seen);
        return false;
    }
    for (size_t i = 0; i < n && ok; i++) {
        const nd_fp *f = &fps[i];
        if (!f->nph)
            continue;
        uint64_t ch = f->content_hash;
        if (nd_tmap_get(&seen, ch)) {
            dup[i] = 1;
            continue;
        }
        ok = nd_tmap_add(&seen, ch, 1);
        for (size_t p = 0; p < f->nph && ok; p++)
            ok = nd_tmap_add(&paras, f->ph[p].hash, 1);
    }
    /* The counts are read-only now: the articles are looked at on worker threads. */
    voter_job vj = {fps, &paras, dup, stored, ctx};
    if (ok)
        nd_parallel_for_run(run, n, jobs, work_voter, &vj);
    nd_tmap_free(&paras);
    nd_tmap_free(&seen);
    nd_free(dup);
    return ok;
}

static bool is_template(void *ctx, uint64_t hash)
{
    const nd_template_set *t = ctx;
    return nd_tmap_get(t->counts, hash) >= t->min_files;
}

typedef struct fin_job {
    nd_fp *fps;
    nd_template_set *set;
    size_t *templates; /* per article */
    uint8_t *nomem;
} fin_job;

static void work_finalize(void *ctx, size_t i)
{
    fin_job *j = ctx;
    if (!nd_fp_finalize(&j->fps[i], is_template, j->set, &j->templates[i]))
        j->nomem[i] = 1;
}

bool nd_template_finalize(nd_fp *fps, size_t n, nd_template_set *set, const nd_run *run,
                          unsigned jobs, size_t *templates)
{
    size_t *tpl = nd_calloc(n ? n : 1, sizeof *tpl);
    uint8_t *nomem = nd_calloc(n ? n : 1, 1);
    bool ok = tpl && nomem;
    if (ok) {
        fin_job j = {fps, set, tpl, nomem};
        nd_parallel_for_run(run, n, jobs, work_finalize, &j);
        for (size_t i = 0; i < n; i++) {
            *templates += tpl[i];
            ok = ok && !nomem[i];
        }
    }
    nd_free(tpl);
    nd_free(nomem);
    return ok;
}
