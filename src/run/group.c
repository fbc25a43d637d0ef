/*
 * group.c - a corpus grouped: site templates learned and the fingerprints finalised, the
 * exact copies put together, candidate pairs found and scored, the scored pairs clustered
 * with the chaining guard, and the groups laid out for the writer (with an index, the
 * stored articles that may match are loaded first and the result stored after).
 */
#include "corpus.h"

#include <stdlib.h>
#include <string.h>

bool nd_corpus_is_template(void *ctx, uint64_t hash)
{
    ndupes_corpus *c = ctx;
    return nd_tmap_get(&c->tmap, hash) >= c->cfg.template_min_files;
}

/* Paragraphs the index already holds are not an article's own (template.c). */
static uint32_t stored_para(void *ctx, uint64_t hash)
{
    return nd_store_para(ctx, hash);
}

static ndupes_status learn_templates(ndupes_corpus *c)
{
    if (!nd_template_voters(c->fps, c->n, c->db ? stored_para : NULL, c->db, &c->run,
                            c->db ? 1 : c->cfg.jobs)) /* one thread for the index */
        return NDUPES_ERR_NOMEM;
    size_t votes = 0;
    for (size_t i = 0; i < c->n; i++)
        votes += c->fps[i].voter ? c->fps[i].npend : 0;
    if (!nd_tmap_reserve(&c->tmap, votes))
        return NDUPES_ERR_NOMEM;
    for (size_t i = 0; i < c->n; i++) {
        /* Counted once: after an interrupted call, an article whose short paragraphs were
         * not merged yet still has them, and the next call must not count them again. */
        if (c->items[i].voted || !c->fps[i].voter)
            continue;
        for (size_t p = 0; p < c->fps[i].npend; p++)
            if (!nd_tmap_add(&c->tmap, c->fps[i].pend[p].hash, 1))
                return NDUPES_ERR_NOMEM;
        c->items[i].voted = true;
    }
    for (size_t i = 0; c->db && i < c->n; i++) {
        if (!nd_inc_template_counts(c, &c->fps[i]))
            return NDUPES_ERR_NOMEM;
        if (c->items[i].is_new && !c->items[i].raw && !c->items[i].db_id) {
            c->items[i].raw = nd_malloc(sizeof(nd_fp));
            if (!c->items[i].raw || !nd_fp_copy(&c->fps[i], c->items[i].raw)) {
                nd_free(c->items[i].raw);
                c->items[i].raw = NULL;
                return NDUPES_ERR_NOMEM;
            }
        }
    }
    nd_template_set set = {&c->tmap, c->cfg.template_min_files};
    size_t templates = 0;
    if (!nd_template_finalize(c->fps, c->n, &set, &c->run, c->cfg.jobs, &templates))
        return NDUPES_ERR_NOMEM;
    c->stats.templates += templates;
    return NDUPES_OK;
}

typedef struct score_job {
    ndupes_corpus *c;
    const nd_pair *pairs;
    float *score;
} score_job;

static void work_score(void *ctx, size_t i)
{
    score_job *j = ctx;
    ndupes_score s;
    nd_score(&j->c->fps[j->pairs[i].a], &j->c->fps[j->pairs[i].b], &j->c->cfg, &s);
    j->score[i] = (float)s.score;
}

/* Score of any two items, for the chaining guard. */
static float pair_score(void *ctx, uint32_t a, uint32_t b)
{
    ndupes_corpus *c = ctx;
    if (nd_fp_same(&c->fps[a], &c->fps[b]))
        return 1.0f;
    ndupes_score s;
    nd_score(&c->fps[a], &c->fps[b], &c->cfg, &s);
    return (float)s.score;
}

static int cmp_content(const void *x, const void *y, void *ctx)
{
    const nd_fp *f = ctx;
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    if (f[a].content_hash != f[b].content_hash)
        return f[a].content_hash < f[b].content_hash ? -1 : 1;
    return (a > b) - (a < b);
}

static int cmp_text(const void *x, const void *y, void *ctx)
{
    const nd_fp *f = ctx;
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    if (f[a].text_hash != f[b].text_hash)
        return f[a].text_hash < f[b].text_hash ? -1 : 1;
    return (a > b) - (a < b);
}

/* Joins the articles of ord[0..m) (sorted by a hash) whose hash is equal. */
static void join_equal(nd_uf *u, const uint32_t *ord, size_t m, const nd_fp *f, bool text)
{
    for (size_t i = 1; i < m; i++) {
        uint32_t a = ord[i - 1], b = ord[i];
        if (text ? f[a].text_hash == f[b].text_hash : f[a].content_hash == f[b].content_hash)
            nd_uf_join(u, a, b);
    }
}

/* Exact duplicates: articles with the same kept text, or with the same whole page (the
 * same file under two names, whatever the reader kept of it) start as one group.
 * pre[i] = the first index of i's class; skip[i] is set for all but the first, and for
 * articles without shingles (they have no keys). */
static bool exact_classes(ndupes_corpus *c, uint32_t *pre, uint8_t *skip)
{
    uint32_t *ord = nd_malloc((c->n ? c->n : 1) * sizeof *ord);
    nd_uf u;
    if (!ord || !nd_uf_init(&u, c->n)) {
        nd_free(ord);
        return false;
    }
    size_t m = 0, t = 0;
    for (size_t i = 0; i < c->n; i++)
        if (c->fps[i].nsh)
            ord[m++] = (uint32_t)i;
    bool ok = nd_sort(ord, m, sizeof *ord, cmp_content, c->fps);
    if (ok)
        join_equal(&u, ord, m, c->fps, false);
    for (size_t i = 0; i < c->n; i++)
        if (c->fps[i].text_hash)
            ord[t++] = (uint32_t)i;
    ok = ok && nd_sort(ord, t, sizeof *ord, cmp_text, c->fps);
    if (ok) {
        join_equal(&u, ord, t, c->fps, true);
        nd_uf_labels(&u, c->n, pre); /* each class named by its first article */
        for (size_t i = 0; i < c->n; i++)
            skip[i] = c->fps[i].nsh == 0 || pre[i] != i;
    }
    nd_uf_free(&u);
    nd_free(ord);
    return ok;
}

typedef struct grec {
    size_t off, len, g;
} grec;

static int cmp_grec(const void *x, const void *y, void *ctx)
{
    const ndupes_corpus *c = ctx;
    const grec *a = x, *b = y;
    return strcmp(c->items[c->members[a->off]].name, c->items[c->members[b->off]].name);
}

/* The members of each label with two or more articles, one group after another in
 * c->members (group of label l from start[l], cnt[l] members); *ng groups, *tot members. */
static bool collect_groups(ndupes_corpus *c, const uint32_t *label, uint32_t *cnt,
                           size_t *start, size_t *ng, size_t *tot)
{
    size_t n = c->n;
    for (size_t i = 0; i < n; i++)
        cnt[label[i]]++;
    *ng = *tot = 0;
    for (size_t i = 0; i < n; i++) {
        start[i] = *tot;
        if (cnt[i] >= 2) {
            (*ng)++;
            *tot += cnt[i];
        }
    }
    size_t *fill = nd_calloc(n ? n : 1, sizeof *fill);
    c->goff = nd_malloc((*ng + 1) * sizeof *c->goff);
    c->members = nd_malloc((*tot ? *tot : 1) * sizeof *c->members);
    c->scores = nd_malloc((*tot ? *tot : 1) * sizeof *c->scores);
    bool ok = fill && c->goff && c->members && c->scores;
    for (size_t i = 0; i < n && ok; i++)
        if (cnt[label[i]] >= 2)
            c->members[start[label[i]] + fill[label[i]]++] = (uint32_t)i;
    nd_free(fill);
    return ok;
}

/* Lays the groups gr[0..ng) out in that order (tot members), their stored ids too when
 * there are (gr[i].g is the group's place before), and notes each article's group. */
static bool lay_out(ndupes_corpus *c, const grec *gr, size_t ng, size_t tot)
{
    uint32_t *nm = nd_malloc((tot ? tot : 1) * sizeof *nm);
    float *ns = nd_malloc((tot ? tot : 1) * sizeof *ns);
    int64_t *ids = c->gids ? nd_malloc((ng ? ng : 1) * sizeof *ids) : NULL;
    nd_free(c->group_of);
    c->group_of = nd_malloc((c->n ? c->n : 1) * sizeof *c->group_of);
    if (!nm || !ns || (c->gids && !ids) || !c->group_of) {
        nd_free(nm);
        nd_free(ns);
        nd_free(ids);
        return false;
    }
    size_t o = 0;
    for (size_t i = 0; i < ng; i++) {
        c->goff[i] = o;
        memcpy(nm + o, c->members + gr[i].off, gr[i].len * sizeof *nm);
        memcpy(ns + o, c->scores + gr[i].off, gr[i].len * sizeof *ns);
        if (ids)
            ids[i] = c->gids[gr[i].g];
        o += gr[i].len;
    }
    if (ids) {
        nd_free(c->gids);
        c->gids = ids;
    }
    c->goff[ng] = o;
    for (size_t i = 0; i < c->n; i++)
        c->group_of[i] = SIZE_MAX;
    for (size_t g = 0; g < ng; g++)
        for (size_t k = c->goff[g]; k < c->goff[g + 1]; k++)
            c->group_of[nm[k]] = g;
    nd_free(c->members);
    nd_free(c->scores);
    c->members = nm;
    c->scores = ns;
    c->ngroups = ng;
    return true;
}

/* Turns labels into the group arrays: representatives and member order (groups.c), the
 * groups ordered by their representative's name. */
static bool build_groups(ndupes_corpus *c, const uint32_t *label)
{
    size_t n = c->n, ng = 0, tot = 0;
    uint32_t *cnt = nd_calloc(n ? n : 1, sizeof *cnt);
    size_t *start = nd_calloc(n + 1, sizeof *start);
    grec *gr = NULL;
    bool ok = cnt && start && collect_groups(c, label, cnt, start, &ng, &tot) &&
              (gr = nd_malloc((ng ? ng : 1) * sizeof *gr)) != NULL;
    size_t *off = ok ? nd_malloc((ng ? ng : 1) * 2 * sizeof *off) : NULL;
    size_t *len = off ? off + ng : NULL;
    ok = ok && off;
    size_t g = 0;
    for (size_t l = 0; l < n && ok; l++) {
        if (cnt[l] < 2)
            continue;
        gr[g] = (grec){start[l], cnt[l], g};
        off[g] = start[l];
        len[g] = cnt[l];
        g++;
    }
    ok = ok && nd_groups_arrange(c, c->members, c->scores, off, len, ng);
    nd_free(off);
    ok = ok && nd_sort(gr, ng, sizeof *gr, cmp_grec, c) && lay_out(c, gr, ng, tot);
    nd_free(cnt);
    nd_free(start);
    nd_free(gr);
    return ok;
}

bool nd_corpus_order_groups(ndupes_corpus *c)
{
    size_t ng = c->ngroups;
    grec *gr = nd_malloc((ng ? ng : 1) * sizeof *gr);
    if (!gr)
        return false;
    for (size_t g = 0; g < ng; g++)
        gr[g] = (grec){c->goff[g], c->goff[g + 1] - c->goff[g], g};
    bool ok = nd_sort(gr, ng, sizeof *gr, cmp_grec, c) && lay_out(c, gr, ng, c->goff[ng]);
    nd_free(gr);
    return ok;
}

/* Candidate pairs worth scoring: with the index, pairs of two stored articles were
 * decided by earlier runs and are left as they were. */
static size_t drop_old_pairs(const ndupes_corpus *c, nd_pair *pairs, size_t n)
{
    if (!c->db)
        return n;
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (c->items[pairs[i].a].is_new || c->items[pairs[i].b].is_new)
            pairs[m++] = pairs[i];
    return m;
}

/* Scores the candidate pairs on worker threads; those at or above the threshold become
 * the clusterer's edges (*edges, *ne of them). */
static ndupes_status score_pairs(ndupes_corpus *c, const nd_pair *pairs, size_t npairs,
                                 nd_edge **edges, size_t *ne)
{
    float *sc = nd_malloc((npairs ? npairs : 1) * sizeof *sc);
    if (!sc)
        return NDUPES_ERR_NOMEM;
    score_job sj = {c, pairs, sc};
    nd_parallel_for_run(&c->run, npairs, c->cfg.jobs, work_score, &sj);
    if (nd_run_stopped(&c->run)) {
        nd_free(sc);
        return NDUPES_ERR_INTERRUPTED;
    }
    size_t m = 0;
    for (size_t i = 0; i < npairs; i++)
        m += sc[i] >= (float)c->cfg.threshold;
    *edges = nd_malloc((m ? m : 1) * sizeof **edges);
    if (!*edges) {
        nd_free(sc);
        return NDUPES_ERR_NOMEM;
    }
    m = 0;
    for (size_t i = 0; i < npairs; i++)
        if (sc[i] >= (float)c->cfg.threshold)
            (*edges)[m++] = (nd_edge){pairs[i].a, pairs[i].b, sc[i]};
    *ne = m;
    c->stats.scored = npairs;
    c->stats.edges = m;
    nd_free(sc);
    return NDUPES_OK;
}

ndupes_status ndupes_corpus_group(ndupes_corpus *c)
{
    if (!c)
        return NDUPES_ERR_ARG;
    nd_corpus_clear_groups(c);
    ndupes_status st = NDUPES_ERR_NOMEM;
    uint32_t *pre = NULL, *label = NULL;
    uint8_t *skip = NULL;
    nd_pair *pairs = NULL;
    nd_edge *edges = NULL;
    size_t npairs = 0;
    double t = nd_now();
    if (learn_templates(c) != NDUPES_OK)
        goto out;
    if (nd_run_stopped(&c->run)) {
        st = NDUPES_ERR_INTERRUPTED;
        goto out;
    }
    c->stats.t_template += nd_now() - t;
    t = nd_now();
    if (c->db && (st = nd_inc_load(c)) != NDUPES_OK)
        goto out;
    st = NDUPES_ERR_NOMEM;
    size_t n = c->n;
    pre = nd_malloc((n ? n : 1) * sizeof *pre);
    label = nd_malloc((n ? n : 1) * sizeof *label);
    skip = nd_malloc(n ? n : 1);
    if (!pre || !label || !skip || !exact_classes(c, pre, skip))
        goto out;
    if (c->db && !nd_inc_prelabel(c, pre))
        goto out;
    if (c->cfg.exhaustive ? !nd_all_pairs(skip, n, &pairs, &npairs)
                          : !nd_lsh_candidates(c->fps, skip, n, &pairs, &npairs, c->cfg.jobs))
        goto out;
    npairs = drop_old_pairs(c, pairs, npairs);
    c->stats.candidates = npairs;
    c->stats.t_lsh += nd_now() - t;
    if (nd_run_stopped(&c->run)) {
        st = NDUPES_ERR_INTERRUPTED;
        goto out;
    }
    t = nd_now();
    size_t ne = 0;
    if ((st = score_pairs(c, pairs, npairs, &edges, &ne)) != NDUPES_OK)
        goto out;
    st = NDUPES_ERR_NOMEM;
    c->stats.t_score += nd_now() - t;
    t = nd_now();
    bool guard = !c->cfg.baseline;
    if (!nd_cluster(n, edges, ne, pre, guard, LINK_FACTOR * (float)c->cfg.threshold, pair_score,
                    c, label, &c->stats.merges_refused))
        goto out;
    if (!build_groups(c, label))
        goto out;
    if (c->db && (st = nd_inc_persist(c)) != NDUPES_OK)
        goto out;
    if (c->db && c->report_all && (st = nd_inc_all_groups(c)) != NDUPES_OK)
        goto out;
    c->stats.t_cluster += nd_now() - t;
    st = NDUPES_OK;
out:
    /* A step that failed while the run was being stopped was cut short, not short of memory. */
    if (st == NDUPES_ERR_NOMEM && nd_run_stopped(&c->run))
        st = NDUPES_ERR_INTERRUPTED;
    if (st != NDUPES_OK)
        nd_corpus_clear_groups(c);
    nd_free(pre);
    nd_free(label);
    nd_free(skip);
    nd_free(pairs);
    nd_free(edges);
    return st;
}

float nd_corpus_pair_score(void *ctx, uint32_t a, uint32_t b)
{
    return pair_score(ctx, a, b);
}

bool nd_corpus_build_groups(ndupes_corpus *c, const uint32_t *label)
{
    return build_groups(c, label);
}
