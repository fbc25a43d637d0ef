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
#include "nd_internal.h"
#include "template.h"

#include <string.h>

void nd_tmap_free(nd_tmap *m)
{
    nd_free(m->keys);
    nd_free(m->counts);
    memset(m, 0, sizeof *m);
}

static bool grow(nd_tmap *m)
{
    size_t nc = m->cap ? m->cap * 2 : 1024;
    uint64_t *k = nd_calloc(nc, sizeof *k);
    uint32_t *c = nd_calloc(nc, sizeof *c);
    if (!k || !c) {
        nd_free(k);
        nd_free(c);
        return false;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->counts[i])
            continue;
        size_t h = (size_t)(m->keys[i] * 0x9e3779b97f4a7c15ULL >> 20) & (nc - 1);
        while (c[h])
            h = (h + 1) & (nc - 1);
        k[h] = m->keys[i];
        c[h] = m->counts[i];
    }
    nd_free(m->keys);
    nd_free(m->counts);
    m->keys = k;
    m->counts = c;
    m->cap = nc;
    return true;
}

bool nd_tmap_add(nd_tmap *m, uint64_t key, uint32_t n)
{
    if ((m->used + 1) * 4 >= m->cap * 3 && !grow(m))
        return false;
    size_t h = (size_t)(key * 0x9e3779b97f4a7c15ULL >> 20) & (m->cap - 1);
    while (m->counts[h] && m->keys[h] != key)
        h = (h + 1) & (m->cap - 1);
    if (!m->counts[h]) {
        m->keys[h] = key;
        m->used++;
    }
    m->counts[h] += n;
    return true;
}

uint32_t nd_tmap_get(const nd_tmap *m, uint64_t key)
{
    if (!m->cap)
        return 0;
    size_t h = (size_t)(key * 0x9e3779b97f4a7c15ULL >> 20) & (m->cap - 1);
    while (m->counts[h]) {
        if (m->keys[h] == key)
            return m->counts[h];
        h = (h + 1) & (m->cap - 1);
    }
    return 0;
}
