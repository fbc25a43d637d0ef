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
