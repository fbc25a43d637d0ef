/* template.h - the count of files each short paragraph appears in (template.c). */
#ifndef ND_TEMPLATE_H
#define ND_TEMPLATE_H
#include "nd_internal.h"

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
#endif
