/*
 * corpus.c - the pipeline over many articles: read and fingerprint in parallel, learn
 * the templates, find candidates, score, cluster, and hand the groups to the writer.
 *
 * Articles are kept in input order, each as its fingerprint plus name, time and size; the
 * text itself is dropped as soon as it is fingerprinted.  Every stage that runs on threads
 * writes only to slots of its own items, and every order-dependent step sorts by index, so
 * the groups are the same for any number of jobs.
 */
#define _GNU_SOURCE
#include "corpus.h"

#include <xxhash.h>

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static void say(ndupes_corpus *c, ndupes_level lv, const char *path, const char *msg)
{
    if (c->log)
        c->log(c->log_ctx, lv, path, msg);
}

ndupes_corpus *ndupes_corpus_create(const ndupes_config *cfg, ndupes_status *st)
{
    ndupes_config def;
    if (!cfg) {
        ndupes_config_init(&def);
        cfg = &def;
    }
    if (!(cfg->threshold > 0 && cfg->threshold <= 1) || cfg->shingle < 2 || cfg->shingle > 8 ||
        cfg->jobs > 256) {
        if (st)
            *st = NDUPES_ERR_ARG;
        return NULL;
    }
    ndupes_corpus *c = nd_calloc(1, sizeof *c);
    if (!c) {
        if (st)
            *st = NDUPES_ERR_NOMEM;
        return NULL;
    }
    c->cfg = *cfg;
    nd_run_arm(&c->run);
    if (st)
        *st = NDUPES_OK;
    return c;
}

static void clear_groups(ndupes_corpus *c)
{
    nd_free(c->goff);
    nd_free(c->members);
    nd_free(c->scores);
    nd_free(c->group_of);
    nd_free(c->gids);
    c->gids = NULL;
    c->group_of = NULL;
    c->goff = NULL;
    c->members = NULL;
    c->scores = NULL;
    c->ngroups = 0;
}

void ndupes_corpus_free(ndupes_corpus *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++) {
        nd_free(c->items[i].name);
        nd_fp_free(&c->fps[i]);
        nd_fp_free(c->items[i].raw);
        nd_free(c->items[i].raw);
    }
    nd_free(c->items);
    nd_free(c->fps);
    nd_tmap_free(&c->tmap);
    nd_tmap_free(&c->files);
    nd_tmap_free(&c->dbseen);
    nd_tmap_free(&c->inputs);
    nd_tmap_free(&c->names);
    clear_groups(c);
    nd_store_close(c->db);
    nd_free(c);
}

void ndupes_corpus_set_progress(ndupes_corpus *c, ndupes_progress_fn fn, void *ctx)
{
    if (!c)
        return;
    c->progress = fn;
    c->progress_ctx = ctx;
}

void ndupes_corpus_set_log(ndupes_corpus *c, ndupes_log_fn fn, void *ctx)
{
    if (!c)
        return;
    c->log = fn;
    c->log_ctx = ctx;
}

bool nd_corpus_reserve(ndupes_corpus *c, size_t extra)
{
    if (c->n + extra <= c->cap)
        return true;
    size_t nc = c->cap ? c->cap : 64;
    while (nc < c->n + extra)
        nc *= 2;
    item *it = nd_reallocarray(c->items, nc, sizeof *it);
    if (!it)
        return false;
    c->items = it;
    nd_fp *f = nd_reallocarray(c->fps, nc, sizeof *f);
    if (!f)
        return false;
    c->fps = f;
    c->cap = nc;
    return true;
}

static bool defer_short(const ndupes_config *cfg)
{
    return cfg->template_min_files > 0 && !cfg->baseline;
}

/* One file's work, done on a worker thread (its fingerprint goes straight into the
 * corpus's array, at j->fps[k]). */
typedef struct slot {
    int64_t mtime;
    uint64_t dev, ino, bytes, chash;
    ndupes_status st;
    int err;
    int cp1252;
    int cut;
} slot;

typedef struct job {
    ndupes_corpus *c;
    const char *const *paths;
    slot *slots;
    nd_fp *fps;        /* the fingerprint of slot k: c->fps[c->n + k] before compaction */
    const size_t *idx; /* slot k reads paths[idx[k]] */
    size_t total;
    atomic_size_t done;
    pthread_mutex_t mu; /* one progress call at a time */
} job;

static void tick(job *j)
{
    size_t d = atomic_fetch_add(&j->done, 1) + 1;
    if (j->c->progress && (d % 512 == 0 || d == j->total) && pthread_mutex_trylock(&j->mu) == 0) {
        j->c->progress(j->c->progress_ctx, d, j->total);
        pthread_mutex_unlock(&j->mu);
    }
}

static void read_one(job *j, size_t i);

static void work_file(void *ctx, size_t k)
{
    job *j = ctx;
    read_one(j, k);
    tick(j);
}

static void read_one(job *j, size_t k)
{
    slot *s = &j->slots[k];
    char *buf = NULL;
    size_t len = 0;
    s->st = nd_read_file(j->paths[j->idx[k]], j->c->cfg.max_size, &buf, &len, &s->mtime,
                         &s->dev, &s->ino);
    s->err = errno;
    if (s->st != NDUPES_OK)
        return;
    s->bytes = len;
    s->chash = XXH3_64bits(buf, len); /* the file's identity: in the index and in a sketch */
    ndupes_doc *doc = NULL;
    s->st = ndupes_doc_parse(buf, len, &j->c->cfg, &doc);
    nd_free(buf);
    if (s->st != NDUPES_OK)
        return;
    s->cp1252 = doc->cp1252;
    s->cut = doc->cut;
    if (!nd_fp_build(doc, &j->c->cfg, defer_short(&j->c->cfg), &j->fps[k]))
        s->st = NDUPES_ERR_NOMEM;
    ndupes_doc_free(doc);
}

/* Describes a failed slot for the log: "No such file or directory", "binary data...". */
static void report(ndupes_corpus *c, const char *path, const slot *s)
{
    char msg[256];
    if (s->st == NDUPES_ERR_IO) {
        snprintf(msg, sizeof msg, "%s", strerror(s->err));
    } else if (s->st == NDUPES_ERR_TOOBIG) {
        snprintf(msg, sizeof msg, "larger than the maximum size (%llu bytes); skipped",
                 (unsigned long long)c->cfg.max_size);
    } else if (s->st == NDUPES_ERR_BINARY) {
        snprintf(msg, sizeof msg, "binary data, not text; skipped");
    } else if (s->st == NDUPES_ERR_NOTREG) {
        snprintf(msg, sizeof msg, "not a regular file; skipped");
    } else {
        snprintf(msg, sizeof msg, "%s", ndupes_strerror(s->st));
    }
    say(c, NDUPES_LOG_ERROR, path, msg);
}

/* True when the file (dev, ino) was added before; records it otherwise.  Paths that
 * overlap (a directory and a file in it, a symlink) must not make one article two. */
static bool same_file_seen(ndupes_corpus *c, uint64_t dev, uint64_t ino, bool *nomem)
{
    uint64_t k = (dev * 0x9e3779b97f4a7c15ULL) ^ ino;
    k = (k ^ (k >> 31)) * 0xbf58476d1ce4e5b9ULL;
    k ^= k >> 29;
    if (nd_tmap_get(&c->files, k))
        return true;
    *nomem = !nd_tmap_add(&c->files, k, 1);
    return false;
}

ndupes_status ndupes_corpus_add_files(ndupes_corpus *c, const char *const *paths, size_t n)
{
    if (!c || (!paths && n))
        return NDUPES_ERR_ARG;
    double t0 = nd_now();
    /* With an index, files stored with the same size and mtime are not read at all, and
     * cost no slot: a run with nothing new stays small. */
    size_t *todo = nd_malloc((n ? n : 1) * sizeof *todo), m = 0;
    uint8_t *same = c->db ? nd_malloc(n ? n : 1) : NULL;
    char **canon = NULL; /* with an index, files are known by their canonical paths */
    if (!todo || (c->db && (!same || !(canon = nd_inc_prepare(c, paths, n, same))))) {
        nd_free(todo);
        nd_free(same);
        return NDUPES_ERR_NOMEM;
    }
    if (canon)
        paths = (const char *const *)canon;
    for (size_t i = 0; i < n; i++) {
        if (same && same[i])
            c->unchanged += same[i] == 1;
        else
            todo[m++] = i;
    }
    nd_free(same);
    slot *slots = m ? nd_calloc(m, sizeof *slots) : NULL;
    if ((m && !slots) || !nd_corpus_reserve(c, m)) {
        nd_free(todo);
        nd_free(slots);
        nd_inc_free_names(canon, n);
        return NDUPES_ERR_NOMEM;
    }
    /* Fingerprints are built in place, after the corpus's articles, and moved down over
     * the files that are refused or already known: no second copy of them is made. */
    nd_fp *base = m ? c->fps + c->n : NULL;
    if (m)
        memset(base, 0, m * sizeof *base);
    job j = {.c = c, .paths = paths, .slots = slots, .fps = base, .idx = todo, .total = m};
    atomic_init(&j.done, 0);
    pthread_mutex_init(&j.mu, NULL);
    nd_parallel_for_run(&c->run, m, c->cfg.jobs, work_file, &j);
    pthread_mutex_destroy(&j.mu);
    ndupes_status ret = NDUPES_OK;
    size_t k = 0;
    for (; k < m && ret == NDUPES_OK; k++) {
        if (nd_run_stopped(&c->run)) {
            ret = NDUPES_ERR_INTERRUPTED;
            break;
        }
        slot *s = &slots[k];
        nd_fp *f = &base[k];
        size_t i = todo[k];
        if (s->st == NDUPES_ERR_NOMEM) {
            ret = NDUPES_ERR_NOMEM;
            break;
        }
        if (s->st != NDUPES_OK) {
            nd_fp_free(f);
            c->failed++;
            c->stats.failed++;
            report(c, paths[i], s);
            continue;
        }
        bool nomem = false;
        if (same_file_seen(c, s->dev, s->ino, &nomem)) {
            nd_fp_free(f);
            continue;
        }
        if (nomem) {
            ret = NDUPES_ERR_NOMEM;
            break;
        }
        if (c->db) {
            int known = nd_inc_known(c, paths[i], s->bytes, s->mtime, s->chash, s->dev, s->ino);
            if (known < 0) {
                ret = NDUPES_ERR_DB;
                break;
            }
            if (known) {
                nd_fp_free(f);
                c->unchanged++;
                continue;
            }
        }
        char *name = nd_strdup(paths[i]);
        if (!name) {
            ret = NDUPES_ERR_NOMEM;
            break;
        }
        if (s->cut) { /* read in part: kept, but the run says it (exit status 1) */
            char msg[160];
            snprintf(msg, sizeof msg,
                     "past the reader's limits (%d paragraphs, %d words, a million lines); "
                     "only the text up to there is read",
                     NDUPES_MAX_PARAGRAPHS, NDUPES_MAX_TOKENS);
            say(c, NDUPES_LOG_ERROR, paths[i], msg);
            c->failed++;
        }
        if (s->cp1252)
            say(c, NDUPES_LOG_INFO, paths[i], "not valid UTF-8; read as Windows-1252");
        if (f->whole) {
            say(c, NDUPES_LOG_INFO, paths[i],
                "no article text after removing boilerplate; fingerprinted on the whole page");
            c->stats.empty++;
        }
        c->items[c->n] = (item){.name = name, .mtime = s->mtime, .dev = s->dev, .ino = s->ino,
                                .first_seen = c->now, .size = s->bytes, .chash = s->chash,
                                .is_new = true};
        if (f != &c->fps[c->n]) { /* below it, every slot was moved or freed */
            c->fps[c->n] = *f;
            *f = (nd_fp){0};
        }
        c->n++;
        c->stats.articles++;
        c->stats.bytes += s->bytes;
        c->stats.cp1252 += (size_t)s->cp1252;
    }
    /* After an error: the slots not looked at (at and above base + k, all above c->n). */
    for (; k < m; k++)
        nd_fp_free(&base[k]);
    nd_free(slots);
    nd_free(todo);
    nd_inc_free_names(canon, n);
    c->stats.t_read += nd_now() - t0;
    return ret;
}

ndupes_status ndupes_corpus_add_text(ndupes_corpus *c, const char *name, const void *buf,
                                     size_t len, int64_t mtime)
{
    if (!c || !name || (!buf && len))
        return NDUPES_ERR_ARG;
    if (!nd_corpus_reserve(c, 1))
        return NDUPES_ERR_NOMEM;
    ndupes_doc *doc = NULL;
    ndupes_status st = ndupes_doc_parse(buf, len, &c->cfg, &doc);
    if (st != NDUPES_OK)
        return st;
    nd_fp fp;
    bool ok = nd_fp_build(doc, &c->cfg, defer_short(&c->cfg), &fp);
    ndupes_doc_free(doc);
    if (!ok)
        return NDUPES_ERR_NOMEM;
    /* With an index, names are canonical absolute paths, as for files (paths.c). */
    char *nm = c->db ? nd_canon_path(name) : nd_strdup(name);
    if (!nm) {
        nd_fp_free(&fp);
        return NDUPES_ERR_NOMEM;
    }
    c->items[c->n] = (item){.name = nm, .mtime = mtime, .first_seen = c->now, .size = len,
                            .chash = XXH3_64bits(buf, len), .is_new = true};
    c->fps[c->n++] = fp;
    c->stats.articles++;
    c->stats.bytes += len;
    return NDUPES_OK;
}

size_t ndupes_corpus_failed(const ndupes_corpus *c)
{
    return c ? c->failed : 0;
}

size_t ndupes_corpus_size(const ndupes_corpus *c)
{
    return c ? c->n : 0;
}

/* ---- grouping ---- */

bool nd_corpus_is_template(void *ctx, uint64_t hash)
{
    ndupes_corpus *c = ctx;
    return nd_tmap_get(&c->tmap, hash) >= c->cfg.template_min_files;
}

typedef struct fin_job {
    ndupes_corpus *c;
    size_t *templates; /* per item */
    uint8_t *nomem;
} fin_job;

static void work_finalize(void *ctx, size_t i)
{
    fin_job *j = ctx;
    if (!nd_fp_finalize(&j->c->fps[i], nd_corpus_is_template, j->c, &j->templates[i]))
        j->nomem[i] = 1;
}

/* Which articles vote for templates: those with text of their own (at least
 * MIN_OWN_WORDS words in paragraphs found in no other article).  A site's template recurs
 * next to each page's own article, so its pages vote; copies of one story share all their
 * paragraphs, so they do not vote, and a short-paragraph story copied by many sites is
 * never mistaken for a template.  Exact copies count once. */

typedef struct voter_job {
    ndupes_corpus *c;
    const nd_tmap *paras; /* paragraph hash -> articles it is in */
    const uint8_t *dup;   /* exact copies of an earlier article */
} voter_job;

static void work_voter(void *ctx, size_t i)
{
    voter_job *j = ctx;
    nd_fp *f = &j->c->fps[i];
    if (!f->nph || j->dup[i])
        return;
    uint32_t own = 0;
    for (size_t p = 0; p < f->nph; p++) {
        uint64_t h = f->ph[p].hash;
        if (nd_tmap_get(j->paras, h) == 1 && (!j->c->db || nd_store_para(j->c->db, h) == 0))
            own += f->ph[p].words;
    }
    f->voter = own >= MIN_OWN_WORDS;
}

static ndupes_status choose_voters(ndupes_corpus *c)
{
    nd_tmap paras = {0}, seen = {0};
    ndupes_status st = NDUPES_OK;
    uint8_t *dup = nd_calloc(c->n ? c->n : 1, 1);
    size_t nph = 0;
    for (size_t i = 0; i < c->n; i++)
        nph += c->fps[i].nph;
    if (!dup || !nd_tmap_reserve(&paras, nph) || !nd_tmap_reserve(&seen, c->n)) {
        nd_free(dup);
        nd_tmap_free(&paras);
        nd_tmap_free(&seen);
        return NDUPES_ERR_NOMEM;
    }
    for (size_t i = 0; i < c->n && st == NDUPES_OK; i++) {
        const nd_fp *f = &c->fps[i];
        if (!f->nph)
            continue;
        uint64_t ch = f->content_hash;
        if (nd_tmap_get(&seen, ch)) {
            dup[i] = 1;
            continue;
        }
        if (!nd_tmap_add(&seen, ch, 1))
            st = NDUPES_ERR_NOMEM;
        for (size_t p = 0; p < f->nph && st == NDUPES_OK; p++)
            if (!nd_tmap_add(&paras, f->ph[p].hash, 1))
                st = NDUPES_ERR_NOMEM;
    }
    /* The counts are read-only now: without an index (whose connection is one thread's),
     * the articles are looked at on worker threads. */
    voter_job vj = {c, &paras, dup};
    if (st == NDUPES_OK)
        nd_parallel_for_run(&c->run, c->n, c->db ? 1 : c->cfg.jobs, work_voter, &vj);
    nd_tmap_free(&paras);
    nd_tmap_free(&seen);
    nd_free(dup);
    return st;
}

static ndupes_status learn_templates(ndupes_corpus *c)
{
    ndupes_status vs = choose_voters(c);
    if (vs != NDUPES_OK)
        return vs;
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
    size_t *tpl = nd_calloc(c->n ? c->n : 1, sizeof *tpl);
    uint8_t *nomem = nd_calloc(c->n ? c->n : 1, 1);
    ndupes_status st = NDUPES_OK;
    if (!tpl || !nomem) {
        st = NDUPES_ERR_NOMEM;
        goto out;
    }
    fin_job j = {c, tpl, nomem};
    nd_parallel_for_run(&c->run, c->n, c->cfg.jobs, work_finalize, &j);
    for (size_t i = 0; i < c->n; i++) {
        c->stats.templates += tpl[i];
        if (nomem[i])
            st = NDUPES_ERR_NOMEM;
    }
out:
    nd_free(tpl);
    nd_free(nomem);
    return st;
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

static uint32_t root(uint32_t *pre, uint32_t x)
{
    while (pre[x] != x) {
        pre[x] = pre[pre[x]];
        x = pre[x];
    }
    return x;
}

/* Joins the articles of ord[0..m) (sorted by a hash) whose hash is equal. */
static void join_equal(uint32_t *pre, const uint32_t *ord, size_t m, const nd_fp *f, bool text)
{
    for (size_t i = 1; i < m; i++) {
        uint32_t a = ord[i - 1], b = ord[i];
        if (text ? f[a].text_hash != f[b].text_hash : f[a].content_hash != f[b].content_hash)
            continue;
        uint32_t ra = root(pre, a), rb = root(pre, b);
        if (ra != rb)
            pre[ra > rb ? ra : rb] = ra < rb ? ra : rb; /* the smaller index is the root */
    }
}

/* Exact duplicates: articles with the same kept text, or with the same whole page (the
 * same file under two names, whatever the reader kept of it) start as one group.
 * pre[i] = the first index of i's class; skip[i] is set for all but the first, and for
 * articles without shingles (they have no keys). */
static bool exact_classes(ndupes_corpus *c, uint32_t *pre, uint8_t *skip)
{
    uint32_t *ord = nd_malloc((c->n ? c->n : 1) * sizeof *ord);
    if (!ord)
        return false;
    size_t m = 0, t = 0;
    for (size_t i = 0; i < c->n; i++) {
        pre[i] = (uint32_t)i;
        if (c->fps[i].nsh)
            ord[m++] = (uint32_t)i;
    }
    qsort_r(ord, m, sizeof *ord, cmp_content, c->fps);
    join_equal(pre, ord, m, c->fps, false);
    for (size_t i = 0; i < c->n; i++)
        if (c->fps[i].text_hash)
            ord[t++] = (uint32_t)i;
    qsort_r(ord, t, sizeof *ord, cmp_text, c->fps);
    join_equal(pre, ord, t, c->fps, true);
    for (size_t i = 0; i < c->n; i++) {
        pre[i] = root(pre, (uint32_t)i);
        skip[i] = c->fps[i].nsh == 0 || pre[i] != i;
    }
    nd_free(ord);
    return true;
}

typedef struct grec {
    size_t off, len;
} grec;

static int cmp_grec(const void *x, const void *y, void *ctx)
{
    const ndupes_corpus *c = ctx;
    const grec *a = x, *b = y;
    return strcmp(c->items[c->members[a->off]].name, c->items[c->members[b->off]].name);
}

/* Turns labels into the group arrays, choosing representatives and member scores
 * (groups.c). */
static bool build_groups(ndupes_corpus *c, const uint32_t *label)
{
    size_t n = c->n;
    uint32_t *cnt = nd_calloc(n ? n : 1, sizeof *cnt);
    size_t *start = nd_calloc(n + 1, sizeof *start);
    grec *gr = NULL;
    bool ok = false;
    if (!cnt || !start)
        goto out;
    for (size_t i = 0; i < n; i++)
        cnt[label[i]]++;
    size_t ng = 0, tot = 0;
    for (size_t i = 0; i < n; i++) {
        start[i] = tot;
        if (cnt[i] >= 2) {
            ng++;
            tot += cnt[i];
        }
    }
    size_t *fill = nd_calloc(n ? n : 1, sizeof *fill);
    c->goff = nd_malloc((ng + 1) * sizeof *c->goff);
    c->members = nd_malloc((tot ? tot : 1) * sizeof *c->members);
    c->scores = nd_malloc((tot ? tot : 1) * sizeof *c->scores);
    gr = nd_malloc((ng ? ng : 1) * sizeof *gr);
    if (!fill || !c->goff || !c->members || !c->scores || !gr) {
        nd_free(fill);
        goto out;
    }
    for (size_t i = 0; i < n; i++)
        if (cnt[label[i]] >= 2)
            c->members[start[label[i]] + fill[label[i]]++] = (uint32_t)i;
    nd_free(fill);
    size_t g = 0;
    for (size_t l = 0; l < n; l++) {
        if (cnt[l] < 2)
            continue;
        if (!nd_group_arrange(c, c->members + start[l], c->scores + start[l], cnt[l]))
            goto out;
        gr[g++] = (grec){start[l], cnt[l]};
    }
    qsort_r(gr, ng, sizeof *gr, cmp_grec, c);
    /* Lay the groups out in their sorted order. */
    uint32_t *nm = nd_malloc((tot ? tot : 1) * sizeof *nm);
    float *ns = nd_malloc((tot ? tot : 1) * sizeof *ns);
    if (!nm || !ns) {
        nd_free(nm);
        nd_free(ns);
        goto out;
    }
    size_t o = 0;
    for (size_t i = 0; i < ng; i++) {
        c->goff[i] = o;
        memcpy(nm + o, c->members + gr[i].off, gr[i].len * sizeof *nm);
        memcpy(ns + o, c->scores + gr[i].off, gr[i].len * sizeof *ns);
        o += gr[i].len;
    }
    c->goff[ng] = o;
    c->group_of = nd_malloc((n ? n : 1) * sizeof *c->group_of);
    if (!c->group_of) {
        nd_free(nm);
        nd_free(ns);
        goto out;
    }
    for (size_t i = 0; i < n; i++)
        c->group_of[i] = SIZE_MAX;
    for (size_t g2 = 0; g2 < ng; g2++)
        for (size_t k = c->goff[g2]; k < c->goff[g2 + 1]; k++)
            c->group_of[nm[k]] = g2;
    nd_free(c->members);
    nd_free(c->scores);
    c->members = nm;
    c->scores = ns;
    c->ngroups = ng;
    ok = true;
out:
    nd_free(cnt);
    nd_free(start);
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

ndupes_status ndupes_corpus_group(ndupes_corpus *c)
{
    if (!c)
        return NDUPES_ERR_ARG;
    clear_groups(c);
    ndupes_status st = NDUPES_ERR_NOMEM;
    uint32_t *pre = NULL, *label = NULL;
    uint8_t *skip = NULL;
    nd_pair *pairs = NULL;
    float *sc = NULL;
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
    if (c->db)
        nd_inc_prelabel(c, pre);
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
    sc = nd_malloc((npairs ? npairs : 1) * sizeof *sc);
    if (!sc)
        goto out;
    score_job sj = {c, pairs, sc};
    nd_parallel_for_run(&c->run, npairs, c->cfg.jobs, work_score, &sj);
    if (nd_run_stopped(&c->run)) {
        st = NDUPES_ERR_INTERRUPTED;
        goto out;
    }
    size_t ne = 0;
    for (size_t i = 0; i < npairs; i++)
        ne += sc[i] >= (float)c->cfg.threshold;
    edges = nd_malloc((ne ? ne : 1) * sizeof *edges);
    if (!edges)
        goto out;
    ne = 0;
    for (size_t i = 0; i < npairs; i++)
        if (sc[i] >= (float)c->cfg.threshold)
            edges[ne++] = (nd_edge){pairs[i].a, pairs[i].b, sc[i]};
    c->stats.scored = npairs;
    c->stats.edges = ne;
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
    if (st != NDUPES_OK)
        clear_groups(c);
    nd_free(pre);
    nd_free(label);
    nd_free(skip);
    nd_free(pairs);
    nd_free(sc);
    nd_free(edges);
    return st;
}

size_t ndupes_corpus_ngroups(const ndupes_corpus *c)
{
    return c ? c->ngroups : 0;
}

size_t ndupes_group_size(const ndupes_corpus *c, size_t g)
{
    if (!c || g >= c->ngroups)
        return 0;
    return c->goff[g + 1] - c->goff[g];
}

const char *ndupes_group_member(const ndupes_corpus *c, size_t g, size_t i, double *score)
{
    if (!c || g >= c->ngroups || i >= c->goff[g + 1] - c->goff[g])
        return NULL;
    size_t k = c->goff[g] + i;
    if (score)
        *score = c->scores[k];
    return c->items[c->members[k]].name;
}

void ndupes_corpus_stats(const ndupes_corpus *c, ndupes_stats *out)
{
    if (!c || !out)
        return;
    *out = c->stats;
}

const char *ndupes_corpus_name(const ndupes_corpus *c, size_t i)
{
    return c && i < c->n ? c->items[i].name : NULL;
}

ndupes_status ndupes_corpus_compare(const ndupes_corpus *c, size_t i, size_t j,
                                    ndupes_score *out)
{
    if (!c || !out || i >= c->n || j >= c->n)
        return NDUPES_ERR_ARG;
    nd_score(&c->fps[i], &c->fps[j], &c->cfg, out);
    if (nd_fp_same(&c->fps[i], &c->fps[j]))
        out->score = 1.0;
    return NDUPES_OK;
}

size_t ndupes_corpus_group_of(const ndupes_corpus *c, size_t i)
{
    return c && c->group_of && i < c->n ? c->group_of[i] : SIZE_MAX;
}

int64_t ndupes_group_id(const ndupes_corpus *c, size_t g)
{
    if (!c || g >= c->ngroups)
        return 0;
    return c->gids ? c->gids[g] : (int64_t)g + 1;
}

int ndupes_group_member_is_new(const ndupes_corpus *c, size_t g, size_t i)
{
    if (!c || g >= c->ngroups || i >= c->goff[g + 1] - c->goff[g])
        return 0;
    return c->items[c->members[c->goff[g] + i]].is_new;
}

int ndupes_corpus_has_db(const ndupes_corpus *c)
{
    return c && c->db;
}

float nd_corpus_pair_score(void *ctx, uint32_t a, uint32_t b)
{
    return pair_score(ctx, a, b);
}

bool nd_corpus_build_groups(ndupes_corpus *c, const uint32_t *label)
{
    return build_groups(c, label);
}
