/*
 * groups.c - the representative of a group, and each member's score: one routine for a
 * run's groups (corpus.c) and for the stored groups an index lists (incremental.c).
 *
 * The representative is the copy a user keeps when `--omit-first | xargs rm` deletes the
 * rest, so it should be the original the others derive from, and that is judged by the
 * text first.  A copy is made from its source in one of two ways:
 *  - a cut: its text is nearly all found in the source, which is clearly longer (an
 *    excerpt, a wire copy that dropped paragraphs);
 *  - a rewrite: only part of its text is shared, and it is longer (a spun copy slips in
 *    words, an AI rewrite expands every sentence and adds context paragraphs).
 * So each pair of members whose own score reaches the threshold says which of the two is
 * the source when its numbers show one of those shapes: if the smaller side (fewer
 * distinct shingles) has CUT or more of its shingles in the larger and at most
 * CUT_RATIO of its size, the larger is the source; if it has less than CUT in the larger
 * and at most EXPAND_RATIO of its size, the smaller is.  Near-identical copies (a wire copy
 * with its paragraphs intact, a reordered one) say nothing.  Each member counts the pairs
 * where it is the source, minus those where it is the copy.  The text decides when one
 * member leads every other by more than MARGIN; members within MARGIN of the best are
 * tied, and the tie goes to the earliest mtime, then the earliest first-seen time (with an
 * index), then the most words of text, then the name.
 *
 * Measured with every file given the same mtime: the devset's four originals 4 of 4 (the
 * longest-first rule of before: 0 of 4, each time the AI rewrite); the generator's 1,916
 * groups with an original (ndgen -n 20000 -s 42): 1,128 (before: 410); with the
 * generator's own mtimes (copies are younger): 1,891 (before, mtime first: all 1,916).  The
 * groups it cannot tell are near-identical copies, where nothing in the text says which
 * came first.
 *
 * A member's score is its best link into the group: the highest score between it and any
 * other member, which is what put it there (a member's score against the representative
 * may be 0: an excerpt of the original and an AI rewrite share nothing but the story).
 * The representative's score is 1.  Groups of more than PEERS members are compared
 * against their first PEERS members only, which bounds the cost at PEERS scores a member.
 */
#include "corpus.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#define CUT 0.8f          /* share of a cut found in its source, at least */
#define CUT_RATIO 0.9f    /* size of a cut against its source, at most */
#define EXPAND_RATIO 0.99f /* size of a source against its rewrite, at most */
#define MARGIN 1          /* a lead of more than this many votes decides */
#define PEERS 256         /* members each member is compared with, at most */

/* The score of a and b as the grouping sees it (exact copies score 1), with the vote it
 * casts: +1 when a is b's source, -1 when b is a's, 0 when the text cannot tell. */
static float pair(const ndupes_corpus *c, uint32_t a, uint32_t b, int *vote)
{
    const nd_fp *fa = &c->fps[a], *fb = &c->fps[b];
    *vote = 0;
    if (fa->nsh && fa->content_hash == fb->content_hash)
        return 1.0f;
    ndupes_score s;
    nd_score(fa, fb, &c->cfg, &s);
    if (!(s.score >= c->cfg.threshold) || fa->nsh == fb->nsh)
        return (float)s.score;
    bool a_small = fa->nsh < fb->nsh;
    double ratio = a_small ? (double)fa->nsh / fb->nsh : (double)fb->nsh / fa->nsh;
    double held = a_small ? s.contain_a : s.contain_b; /* the smaller's share in the larger */
    int small_is_source = 0;
    if (held >= CUT && ratio <= CUT_RATIO)
        small_is_source = -1; /* a cut: the larger is the source */
    else if (held < CUT && ratio <= EXPAND_RATIO)
        small_is_source = 1; /* a rewrite: the smaller is */
    *vote = a_small ? small_is_source : -small_is_source;
    return (float)s.score;
}

/* Is a a better representative than b among the tied? */
static bool keep_first(const ndupes_corpus *c, uint32_t a, uint32_t b)
{
    const item *x = &c->items[a], *y = &c->items[b];
    if (x->mtime != y->mtime)
        return x->mtime < y->mtime;
    if (x->first_seen != y->first_seen)
        return x->first_seen < y->first_seen;
    if (c->fps[a].words != c->fps[b].words)
        return c->fps[a].words > c->fps[b].words;
    return strcmp(x->name, y->name) < 0;
}

typedef struct ranked {
    uint32_t idx;
    float score;
} ranked;

static int cmp_ranked(const void *x, const void *y, void *ctx)
{
    const ndupes_corpus *c = ctx;
    const ranked *a = x, *b = y;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    return strcmp(c->items[a->idx].name, c->items[b->idx].name);
}

bool nd_group_arrange(const ndupes_corpus *c, uint32_t *m, float *scores, size_t k)
{
    if (k == 0)
        return true;
    if (k == 1) {
        scores[0] = 1.0f;
        return true;
    }
    int *tally = nd_calloc(k, sizeof *tally);
    float *best = nd_calloc(k, sizeof *best);
    ranked *r = nd_malloc(k * sizeof *r);
    if (!tally || !best || !r) {
        nd_free(tally);
        nd_free(best);
        nd_free(r);
        return false;
    }
    size_t peers = k < PEERS ? k : PEERS;
    for (size_t i = 0; i < k; i++) {
        for (size_t j = i < peers ? i + 1 : 0; j < peers; j++) {
            int vote;
            float s = pair(c, m[i], m[j], &vote);
            tally[i] += vote;
            tally[j] -= vote;
            best[i] = s > best[i] ? s : best[i];
            best[j] = s > best[j] ? s : best[j];
        }
    }
    int top = tally[0];
    for (size_t i = 1; i < k; i++)
        top = tally[i] > top ? tally[i] : top;
    size_t rep = SIZE_MAX;
    for (size_t i = 0; i < k; i++)
        if (tally[i] >= top - MARGIN && (rep == SIZE_MAX || keep_first(c, m[i], m[rep])))
            rep = i;
    size_t n = 0;
    for (size_t i = 0; i < k; i++)
        if (i != rep)
            r[n++] = (ranked){m[i], best[i]};
    if (!nd_sort(r, n, sizeof *r, cmp_ranked, (void *)c)) {
        nd_free(tally);
        nd_free(best);
        nd_free(r);
        return false;
    }
    m[0] = m[rep];
    scores[0] = 1.0f;
    for (size_t i = 0; i < n; i++) {
        m[i + 1] = r[i].idx;
        scores[i + 1] = r[i].score;
    }
    nd_free(tally);
    nd_free(best);
    nd_free(r);
    return true;
}

typedef struct arrange_job {
    const ndupes_corpus *c;
    uint32_t *members;
    float *scores;
    const size_t *off, *len;
    atomic_bool nomem;
} arrange_job;

static void work_arrange(void *ctx, size_t g)
{
    arrange_job *j = ctx;
    if (!nd_group_arrange(j->c, j->members + j->off[g], j->scores + j->off[g], j->len[g]))
        atomic_store(&j->nomem, true);
}

bool nd_groups_arrange(const ndupes_corpus *c, uint32_t *members, float *scores,
                       const size_t *off, const size_t *len, size_t ng)
{
    arrange_job j = {.c = c, .members = members, .scores = scores, .off = off, .len = len};
    atomic_init(&j.nomem, false);
    bool all = nd_parallel_for_run(&c->run, ng, c->cfg.jobs, work_arrange, &j);
    return all && !atomic_load(&j.nomem);
}
