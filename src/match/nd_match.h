/*
 * nd_match.h - matching: candidate pairs, scores, clusters (src/match/).
 * Library-internal (nd_ prefix); the tool includes only ndupes.h.
 */
#ifndef ND_MATCH_H
#define ND_MATCH_H

#include "nd_sketch.h"

/* ---- score.c ---- */
void nd_score(const nd_fp *a, const nd_fp *b, const ndupes_config *cfg, ndupes_score *out);
/* How many values two sorted sets of distinct values a[0..na) and b[0..nb) share. */
size_t nd_intersect_count(const uint32_t *a, size_t na, const uint32_t *b, size_t nb);

/* ---- lsh.c ---- */
typedef struct nd_pair {
    uint32_t a, b; /* a < b */
} nd_pair;
/* Finds candidate pairs among fps[0..n) (skipping those with skip[i] set): articles that
 * share a band key, sorted by (a, b), on `jobs` threads (0: all cores; the pairs do not
 * depend on it).  *pairs is allocated (free with nd_free).  Returns false on ENOMEM, or
 * when ndupes_interrupt() was called during it (no pairs then). */
bool nd_lsh_candidates(const nd_fp *fps, const uint8_t *skip, size_t n, nd_pair **pairs,
                       size_t *npairs, unsigned jobs);
/* The same rules for the distributed candidate index (dist_index.c).  nd_lsh_bucket adds
 * the pairs of one bucket s[0..n) (key << 32 | article, sorted by article; rewritten in
 * place) to *pairs (grown with nd_reallocarray), each as a << 33 | b << 1 | run key;
 * false when memory ran out.  nd_lsh_choose keeps, from such entries sorted ascending,
 * the pairs that share a band key or ND_RUN_PAIR run keys, in order; returns their count. */
bool nd_lsh_bucket(uint64_t *s, size_t n, uint64_t **pairs, size_t *npairs, size_t *cap);
size_t nd_lsh_choose(const uint64_t *sorted, size_t n, nd_pair *out);
/* Every pair of articles not skipped, sorted by (a, b): for cfg.exhaustive. */
bool nd_all_pairs(const uint8_t *skip, size_t n, nd_pair **pairs, size_t *npairs);

/* ---- cluster.c ---- */
typedef struct nd_edge {
    uint32_t a, b;
    float score;
} nd_edge;
typedef float (*nd_score_fn)(void *ctx, uint32_t a, uint32_t b);
/* Clusters n items from edges (sorted inside).  label[i] receives a cluster id (the
 * smallest member index).  With guard, two clusters merge only when the average score of
 * their cross pairs (from score_fn) reaches link.  pre_label (may be NULL) gives clusters
 * to start from (exact duplicates).  Returns false on ENOMEM. */
bool nd_cluster(size_t n, nd_edge *edges, size_t nedges, const uint32_t *pre_label, bool guard,
                float link, nd_score_fn score_fn, void *ctx, uint32_t *label, size_t *refused);

/* ---- template.c: counts of files per paragraph hash (site templates) ---- */
typedef struct nd_tslot {
    uint64_t key;
    uint32_t count; /* 0: empty slot */
} nd_tslot;

typedef struct nd_tmap {
    nd_tslot *slot; /* key and count side by side: one cache miss a probe */
    size_t cap, used;
} nd_tmap;

/* Adds n to key's count.  Returns false when memory ran out. */
bool nd_tmap_add(nd_tmap *m, uint64_t key, uint32_t n);
/* Makes room for this many more keys at once (saves growing step by step); false when
 * memory ran out. */
bool nd_tmap_reserve(nd_tmap *m, size_t more);
/* The count of key (0 if absent). */
uint32_t nd_tmap_get(const nd_tmap *m, uint64_t key);
void nd_tmap_free(nd_tmap *m);

/* Template voters have at least this many words in paragraphs found in no other article
 * (template.c; the distributed steps count the same way, dist_templates.c). */
#define MIN_OWN_WORDS 40
/* Marks the voters among fps[0..n) (fp->voter): articles with text of their own.  stored
 * (may be NULL) gives how many stored articles hold a paragraph (they are not the
 * article's own either).  On `jobs` threads, stopping with run.  False when memory ran
 * out. */
bool nd_template_voters(nd_fp *fps, size_t n, uint32_t (*stored)(void *ctx, uint64_t hash),
                        void *ctx, const nd_run *run, unsigned jobs);
/* The templates: paragraphs counted in at least min_files files. */
typedef struct nd_template_set {
    const nd_tmap *counts;
    unsigned min_files;
} nd_template_set;
/* Finalises every fingerprint (nd_fp_finalize): its short paragraphs that are not
 * templates are merged, the templates dropped and counted into *templates.  False when
 * memory ran out. */
bool nd_template_finalize(nd_fp *fps, size_t n, nd_template_set *set, const nd_run *run,
                          unsigned jobs, size_t *templates);

#endif /* ND_MATCH_H */
