/*
 * corpus.h - the corpus's private state, shared by corpus.c (one run) and incremental.c
 * (the persistent index).
 */
#ifndef ND_CORPUS_H
#define ND_CORPUS_H
#include "nd_internal.h"
#include "store.h"

#define LINK_FACTOR 0.6f /* chaining guard: groups merge at average score >= this x threshold */

typedef struct item {
    char *name;
    int64_t mtime;
    uint64_t dev, ino;
    /* with --db: */
    int64_t db_id;      /* 0 until stored */
    int64_t grp;        /* stored group id, 0 for none */
    int64_t first_seen;
    uint64_t size, chash;
    bool is_new;        /* read in this run */
    bool voted;         /* its short paragraphs were counted towards templates */
    bool light;         /* loaded for reporting only: no fingerprint */
    nd_fp *raw;         /* a new article's fingerprint before templates (stored as such) */
} item;

struct ndupes_corpus {
    ndupes_config cfg;
    nd_run run; /* armed at creation; stopped by ndupes_interrupt, ndupes_corpus_interrupt */
    ndupes_log_fn log;
    void *log_ctx;
    ndupes_progress_fn progress;
    void *progress_ctx;
    item *items;
    nd_fp *fps;
    size_t n, cap;
    size_t failed;
    nd_tmap tmap;  /* files per short paragraph: templates */
    nd_tmap files; /* (dev, ino) of the files added */
    nd_tmap dbseen; /* paragraph hashes whose stored template count was added to tmap */
    nd_tmap inputs; /* with an index: the canonical paths given (by hash), which exist */
    nd_tmap names;  /* names read from sketches (by hash): the article's index + 1 */
    /* groups of the last ndupes_corpus_group: members[goff[g] .. goff[g+1]) */
    size_t ngroups;
    size_t *goff;
    uint32_t *members;
    float *scores;
    int64_t *gids;    /* stable group ids (with --db), else g + 1 */
    size_t *group_of; /* per article: its group, or SIZE_MAX */
    ndupes_stats stats;
    /* the persistent index */
    nd_store *db;
    int64_t now;
    int report_all;
    size_t unchanged;
    char errmsg[512];
};

bool nd_corpus_reserve(ndupes_corpus *c, size_t extra);
/* Passes a message to the corpus's log callback, if any. */
void nd_corpus_say(ndupes_corpus *c, ndupes_level lv, const char *path, const char *msg);
/* Drops the groups of the last ndupes_corpus_group. */
void nd_corpus_clear_groups(ndupes_corpus *c);
/* groups.c: orders the k members of one group (article indices) in place, the
 * representative first (the original the others derive from, judged by the text, then the
 * earliest mtime and first-seen time, then the most words), the others by their best link
 * into the group, descending, then by name; scores[i] receives member i's best link (1 for
 * the representative).  False when memory ran out. */
bool nd_group_arrange(const ndupes_corpus *c, uint32_t *members, float *scores, size_t k);
/* nd_group_arrange for each of ng groups, on the run's worker threads: group g is
 * members[off[g] .. off[g] + len[g]) (the groups do not overlap).  False when memory ran
 * out or the run was stopped (some groups are then not arranged). */
bool nd_groups_arrange(const ndupes_corpus *c, uint32_t *members, float *scores,
                       const size_t *off, const size_t *len, size_t ng);
bool nd_corpus_is_template(void *ctx, uint64_t hash);
/* group.c: orders the corpus's groups by their representative's name (their stored ids
 * with them), as a run lays out its groups; false when memory ran out. */
bool nd_corpus_order_groups(ndupes_corpus *c);

/* The score of any two articles as the chaining guard sees it (an nd_score_fn; ctx is
 * the corpus), and the groups from a label per article: for the clustering of given edges
 * (dist_score.c). */
float nd_corpus_pair_score(void *ctx, uint32_t a, uint32_t b);
bool nd_corpus_build_groups(ndupes_corpus *c, const uint32_t *label);
/* incremental.c */
/* Before reading, with an index: canonicalises paths[0..n) and records them (c->inputs);
 * same[i] = 1 when the file is stored with its current size and mtime (not read), 2 when
 * it is a second name of a file given already or one of the index's own files (skipped).
 * Returns the names to read and store the files under (free with nd_inc_free_names), or
 * NULL when memory ran out. */
char **nd_inc_prepare(ndupes_corpus *c, const char *const *paths, size_t n, uint8_t *same);
void nd_inc_free_names(char **names, size_t n);
/* After reading: 1 when the file is already known (touched, renamed, or the same file
 * under another name: updated, not to be added), 0 when it is to be added as a new
 * article, -1 on a database error. */
int nd_inc_known(ndupes_corpus *c, const char *path, uint64_t size, int64_t mtime,
                 uint64_t chash, uint64_t dev, uint64_t ino);
/* An article from memory under the canonical name: NDUPES_ERR_ARG when the run was given
 * the name already (a file or a text), else as nd_inc_known (*known = 1: stored already,
 * not to be added; a stored article of other bytes under the name leaves the index). */
ndupes_status nd_inc_text_name(ndupes_corpus *c, const char *name, uint64_t size,
                               int64_t mtime, uint64_t chash, int *known);
/* Adds the stored template counts of fp's pending paragraphs to c->tmap (once each). */
bool nd_inc_template_counts(ndupes_corpus *c, const nd_fp *fp);
/* Loads the stored articles that may match the new ones, with their groups. */
ndupes_status nd_inc_load(ndupes_corpus *c);
/* Pre-labels: the stored groups of loaded articles. */
bool nd_inc_prelabel(ndupes_corpus *c, uint32_t *pre);
/* Stores the new articles and the groups; called after the groups are built. */
ndupes_status nd_inc_persist(ndupes_corpus *c);
/* Replaces the groups by every stored group (for --all). */
ndupes_status nd_inc_all_groups(ndupes_corpus *c);
/* inc_load.c: the corpus index of stored article id (SIZE_MAX: not loaded), and loading
 * one stored article (with ids, a map id -> index + 1, updated). */
size_t nd_inc_loaded(const nd_tmap *ids, int64_t id);
/* inc_files.c: is the file of a stored article gone from the disk (not merely unreadable)? */
bool nd_inc_file_gone(const ndupes_corpus *c, const char *path);
ndupes_status nd_inc_load_one(ndupes_corpus *c, nd_tmap *ids, int64_t id);
#endif
