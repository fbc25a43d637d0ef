/*
 * read.c - a corpus's files read and fingerprinted, on worker threads: each file's
 * fingerprint is built straight into the corpus's array, the files that cannot be read are
 * reported and skipped, and with an index only new or changed files are read at all.
 */
#include "corpus.h"

#include <xxhash.h>

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

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
    bool visited;       /* a worker took it, and zeroed its fingerprint first */
    size_t paras, kept; /* the page's paragraphs, and those the reader kept */
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

/* The page's paragraphs, and those the reader kept, for the run's statistics. */
static void count_paras(const ndupes_doc *doc, size_t *paras, size_t *kept)
{
    size_t k = 0;
    for (size_t i = 0; i < doc->n; i++)
        k += doc->recs[i].reason == NDUPES_KEEP;
    *paras = doc->n;
    *kept = k;
}

static void work_file(void *ctx, size_t k)
{
    job *j = ctx;
    /* Zeroed here, not before the run: the pages of a large array are first touched (and
     * cleared by the kernel) on every core at once. */
    memset(&j->fps[k], 0, sizeof j->fps[k]);
    j->slots[k].visited = true;
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
    s->st = nd_doc_parse(buf, len, &j->c->cfg, false, &doc);
    nd_free(buf);
    if (s->st != NDUPES_OK)
        return;
    s->cp1252 = doc->cp1252;
    s->cut = doc->cut;
    count_paras(doc, &s->paras, &s->kept);
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
    nd_corpus_say(c, NDUPES_LOG_ERROR, path, msg);
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

/* Adds the article read into slot s (its fingerprint at f) under path, or skips it: a
 * file that could not be read (reported), another name of a file added already, a file
 * the index knows.  Returns NDUPES_OK, or the error that ends the run. */
static ndupes_status admit(ndupes_corpus *c, const char *path, const slot *s, nd_fp *f)
{
    if (s->st == NDUPES_ERR_NOMEM)
        return NDUPES_ERR_NOMEM;
    if (s->st != NDUPES_OK) {
        nd_fp_free(f);
        c->failed++;
        c->stats.failed++;
        report(c, path, s);
        return NDUPES_OK;
    }
    bool nomem = false;
    if (same_file_seen(c, s->dev, s->ino, &nomem) || nomem) {
        nd_fp_free(f);
        return nomem ? NDUPES_ERR_NOMEM : NDUPES_OK;
    }
    if (c->db) {
        int known = nd_inc_known(c, path, s->bytes, s->mtime, s->chash, s->dev, s->ino);
        if (known) {
            nd_fp_free(f);
            c->unchanged += known > 0;
            return known < 0 ? NDUPES_ERR_DB : NDUPES_OK;
        }
    }
    char *name = nd_strdup(path);
    if (!name)
        return NDUPES_ERR_NOMEM;
    if (s->cut) { /* read in part: kept, but the run says it (exit status 1) */
        char msg[160];
        snprintf(msg, sizeof msg,
                 "past the reader's limits (%d paragraphs, %d words, a million lines); "
                 "only the text up to there is read",
                 NDUPES_MAX_PARAGRAPHS, NDUPES_MAX_TOKENS);
        nd_corpus_say(c, NDUPES_LOG_ERROR, path, msg);
        c->failed++;
    }
    if (s->cp1252)
        nd_corpus_say(c, NDUPES_LOG_INFO, path, "not valid UTF-8; read as Windows-1252");
    if (f->whole) {
        nd_corpus_say(
            c, NDUPES_LOG_INFO, path,
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
    c->stats.paragraphs += s->paras;
    c->stats.kept += s->kept;
    return NDUPES_OK;
}

/* The files to read: with an index, files stored with the same size and mtime are not
 * read at all and cost no slot (a run with nothing new stays small), and files are known
 * by their canonical paths (*canon, or NULL without an index).  *todo lists the indices of
 * paths to read, *m of them.  False when memory ran out. */
static bool plan(ndupes_corpus *c, const char *const *paths, size_t n, size_t **todo,
                 size_t *m, char ***canon)
{
    *todo = nd_malloc((n ? n : 1) * sizeof **todo);
    *m = 0;
    *canon = NULL;
    uint8_t *same = c->db ? nd_malloc(n ? n : 1) : NULL;
    if (!*todo || (c->db && (!same || !(*canon = nd_inc_prepare(c, paths, n, same))))) {
        nd_free(*todo);
        nd_free(same);
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if (same && same[i])
            c->unchanged += same[i] == 1;
        else
            (*todo)[(*m)++] = i;
    }
    nd_free(same);
    return true;
}

ndupes_status ndupes_corpus_add_files(ndupes_corpus *c, const char *const *paths, size_t n)
{
    if (!c || (!paths && n))
        return NDUPES_ERR_ARG;
    double t0 = nd_now();
    size_t *todo, m;
    char **canon;
    if (!plan(c, paths, n, &todo, &m, &canon))
        return NDUPES_ERR_NOMEM;
    if (canon)
        paths = (const char *const *)canon;
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
    job j = {.c = c, .paths = paths, .slots = slots, .fps = base, .idx = todo, .total = m};
    atomic_init(&j.done, 0);
    pthread_mutex_init(&j.mu, NULL);
    nd_parallel_for_run(&c->run, m, c->cfg.jobs, work_file, &j);
    pthread_mutex_destroy(&j.mu);
    ndupes_status ret = NDUPES_OK;
    size_t k = 0;
    for (; k < m && ret == NDUPES_OK; k++)
        ret = nd_run_stopped(&c->run) || !slots[k].visited
                  ? NDUPES_ERR_INTERRUPTED
                  : admit(c, paths[todo[k]], &slots[k], &base[k]);
    /* After an error: the slots not looked at (at and above base + k, all above c->n);
     * those no worker took were never zeroed. */
    for (k = ret == NDUPES_OK ? m : k - 1; k < m; k++)
        if (slots[k].visited)
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
    if (!c || !name || !*name || (!buf && len))
        return NDUPES_ERR_ARG;
    if (!nd_corpus_reserve(c, 1))
        return NDUPES_ERR_NOMEM;
    ndupes_doc *doc = NULL;
    ndupes_status st = nd_doc_parse(buf, len, &c->cfg, false, &doc);
    if (st != NDUPES_OK)
        return st;
    nd_fp fp;
    bool ok = nd_fp_build(doc, &c->cfg, defer_short(&c->cfg), &fp);
    size_t paras, kept;
    int cp1252 = doc->cp1252;
    count_paras(doc, &paras, &kept);
    ndupes_doc_free(doc);
    if (!ok)
        return NDUPES_ERR_NOMEM;
    /* With an index, names are canonical absolute paths, as for files (paths.c). */
    char *nm = c->db ? nd_canon_path(name) : nd_strdup(name);
    if (!nm) {
        nd_fp_free(&fp);
        return NDUPES_ERR_NOMEM;
    }
    uint64_t chash = XXH3_64bits(buf, len);
    if (c->db) { /* the name given twice, or stored already: as add_files does */
        int known;
        st = nd_inc_text_name(c, nm, len, mtime, chash, &known);
        if (st != NDUPES_OK || known) {
            c->unchanged += known;
            nd_free(nm);
            nd_fp_free(&fp);
            return st;
        }
    }
    c->items[c->n] = (item){.name = nm, .mtime = mtime, .first_seen = c->now, .size = len,
                            .chash = chash, .is_new = true};
    c->stats.empty += fp.whole;
    c->stats.cp1252 += (size_t)cp1252;
    c->stats.paragraphs += paras;
    c->stats.kept += kept;
    c->fps[c->n++] = fp;
    c->stats.articles++;
    c->stats.bytes += len;
    return NDUPES_OK;
}

