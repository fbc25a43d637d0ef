/*
 * cluster.c - groups from scored pairs, guarded against chaining.
 *
 * Pairs are merged in order of decreasing score (ties by index, so the result does not
 * depend on thread timing).  Merging two single articles needs only their pair's score.
 * Merging larger groups needs more: single-link clustering would let A~B and B~C put an
 * unrelated C with A (a follow-up story that shares a paragraph with one copy of the
 * original).  So two groups merge only when the average score of all their cross pairs
 * reaches `link`; scores of pairs that were not candidates are computed on demand.  Large
 * groups are compared on a fixed sample of members, keeping the cost bounded.
 */
#include "nd_match.h"

#include <stdlib.h>

#define SAMPLE 24 /* members of each side compared when groups are large */

static int cmp_edge(const void *x, const void *y)
{
    const nd_edge *a = x, *b = y;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    if (a->a != b->a)
        return a->a < b->a ? -1 : 1;
    return (a->b > b->b) - (a->b < b->b);
}

/* Average score between the members of groups ra and rb (sampled when large). */
static float avg_link(const nd_uf *u, uint32_t ra, uint32_t rb, nd_score_fn fn, void *ctx)
{
    double sum = 0;
    unsigned cnt = 0, ia = 0;
    for (uint32_t x = ra; x != UINT32_MAX && ia < SAMPLE; x = u->next[x], ia++) {
        unsigned ib = 0;
        for (uint32_t y = rb; y != UINT32_MAX && ib < SAMPLE; y = u->next[y], ib++) {
            sum += fn(ctx, x, y);
            cnt++;
        }
    }
    return cnt ? (float)(sum / cnt) : 0.0f;
}

bool nd_cluster(size_t n, nd_edge *edges, size_t nedges, const uint32_t *pre_label, bool guard,
                float link, nd_score_fn score_fn, void *ctx, uint32_t *label, size_t *refused)
{
    nd_uf u;
    if (!nd_uf_init(&u, n))
        return false;
    if (pre_label) /* exact duplicates start as one group */
        for (size_t i = 0; i < n; i++)
            nd_uf_join(&u, (uint32_t)i, pre_label[i]);
    if (nedges)
        qsort(edges, nedges, sizeof *edges, cmp_edge);
    for (size_t e = 0; e < nedges; e++) {
        uint32_t ra = nd_uf_find(&u, edges[e].a), rb = nd_uf_find(&u, edges[e].b);
        if (ra == rb)
            continue;
        if (guard && (u.size[ra] > 1 || u.size[rb] > 1) &&
            avg_link(&u, ra, rb, score_fn, ctx) < link) {
            if (refused)
                (*refused)++;
            continue;
        }
        nd_uf_join(&u, ra, rb);
    }
    nd_uf_labels(&u, n, label); /* each item by the smallest index of its group */
    nd_uf_free(&u);
    return true;
}
