/*
 * uf.c - union-find: the groups of items as items are joined.
 *
 * Path halving and union by size keep each find near constant time.  Each group also
 * keeps its members as a linked list (next, from the root, ended by UINT32_MAX), so that
 * the chaining guard can walk two groups' members without scanning all items, and
 * nd_uf_labels names each group by its smallest member, which does not depend on the
 * order of the joins.
 */
#include "nd_common.h"

bool nd_uf_init(nd_uf *u, size_t n)
{
    size_t m = n ? n : 1;
    u->parent = nd_malloc(m * sizeof *u->parent);
    u->size = nd_malloc(m * sizeof *u->size);
    u->next = nd_malloc(m * sizeof *u->next);
    u->tail = nd_malloc(m * sizeof *u->tail);
    if (!u->parent || !u->size || !u->next || !u->tail) {
        nd_uf_free(u);
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        u->parent[i] = (uint32_t)i;
        u->size[i] = 1;
        u->next[i] = UINT32_MAX;
        u->tail[i] = (uint32_t)i;
    }
    return true;
}

void nd_uf_free(nd_uf *u)
{
    nd_free(u->parent);
    nd_free(u->size);
    nd_free(u->next);
    nd_free(u->tail);
    u->parent = u->size = u->next = u->tail = NULL;
}

uint32_t nd_uf_find(nd_uf *u, uint32_t x)
{
    while (u->parent[x] != x) {
        u->parent[x] = u->parent[u->parent[x]];
        x = u->parent[x];
    }
    return x;
}

uint32_t nd_uf_join(nd_uf *u, uint32_t a, uint32_t b)
{
    a = nd_uf_find(u, a);
    b = nd_uf_find(u, b);
    if (a == b)
        return a;
    if (u->size[a] < u->size[b]) {
        uint32_t t = a;
        a = b;
        b = t;
    }
    u->parent[b] = a;
    u->size[a] += u->size[b];
    u->next[u->tail[a]] = b;
    u->tail[a] = u->tail[b];
    return a;
}

void nd_uf_labels(nd_uf *u, size_t n, uint32_t *label)
{
    for (size_t i = 0; i < n; i++)
        label[i] = UINT32_MAX;
    for (size_t i = 0; i < n; i++) {
        uint32_t r = nd_uf_find(u, (uint32_t)i);
        if (label[r] == UINT32_MAX)
            label[r] = (uint32_t)i;
        label[i] = label[r];
    }
}
