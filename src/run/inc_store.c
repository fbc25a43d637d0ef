/*
 * inc_store.c - with an index, what a run stores after grouping: its new articles and their
 * keys, each group's id and members; and the stored groups read back for --all.
 */
#include "corpus.h"

#include <stdlib.h>
#include <string.h>

/* Stores the run's new articles (as read, before templates: every later load re-applies
 * them with the counts of that day), then their band keys, gathered and stored in key
 * order. */
static ndupes_status store_articles(ndupes_corpus *c)
{
    ndupes_status st = NDUPES_OK;
    nd_band *bands = NULL;
    size_t nb = 0, bcap = 0, nnew = 0;
    for (size_t i = 0; i < c->n; i++)
        nnew += c->items[i].is_new && !c->items[i].db_id;
    nd_store_reserve(c->db, nnew);
    for (size_t i = 0; i < c->n && st == NDUPES_OK; i++) {
        item *it = &c->items[i];
        if (!it->is_new || it->db_id)
            continue;
        /* Short statements may never reach SQLite's progress handler: look here too. */
        if (nd_run_stopped(&c->run)) {
            st = NDUPES_ERR_INTERRUPTED;
            break;
        }
        nd_srec r = {.size = it->size, .mtime = it->mtime, .chash = it->chash,
                     .first_seen = it->first_seen};
        const nd_fp *f = it->raw ? it->raw : &c->fps[i];
        st = nd_store_insert(c->db, it->name, &r, f, &it->db_id);
        size_t need = f->nkeys + (size_t)f->npend * ND_PEND_KEYS;
        if (st == NDUPES_OK && nb + need > bcap) {
            size_t nc = bcap ? bcap * 2 : 4096;
            while (nc < nb + need)
                nc *= 2;
            nd_band *t = nd_reallocarray(bands, nc, sizeof *t);
            if (!t)
                st = NDUPES_ERR_NOMEM;
            else {
                bands = t;
                bcap = nc;
            }
        }
        for (size_t k = 0; st == NDUPES_OK && k < f->nkeys; k++)
            if (nd_key_indexed(f->keys[k]))
                bands[nb++] = (nd_band){f->keys[k], it->db_id};
        for (size_t p = 0; st == NDUPES_OK && p < f->npend; p++)
            for (size_t b = 0; b < f->pend[p].nkeys; b++)
                if (nd_key_indexed(f->pend[p].keys[b]))
                    bands[nb++] = (nd_band){f->pend[p].keys[b], it->db_id};
    }
    if (st == NDUPES_OK)
        st = nd_store_bands(c->db, bands, nb);
    nd_free(bands);
    return st;
}

/* Stores each group's id and members: a group keeps the smallest stored id among its
 * members', a group of new articles only gets a new one. */
static ndupes_status store_groups(ndupes_corpus *c)
{
    ndupes_status st = NDUPES_OK;
    c->gids = nd_malloc((c->ngroups ? c->ngroups : 1) * sizeof *c->gids);
    if (!c->gids)
        return NDUPES_ERR_NOMEM;
    for (size_t g = 0; g < c->ngroups && st == NDUPES_OK; g++) {
        if (nd_run_stopped(&c->run))
            return NDUPES_ERR_INTERRUPTED;
        int64_t gid = 0;
        for (size_t k = c->goff[g]; k < c->goff[g + 1]; k++) {
            int64_t og = c->items[c->members[k]].grp;
            if (og && (!gid || og < gid))
                gid = og;
        }
        if (!gid)
            st = nd_store_new_group(c->db, c->now, &gid);
        c->gids[g] = gid;
        for (size_t k = c->goff[g]; k < c->goff[g + 1] && st == NDUPES_OK; k++) {
            item *it = &c->items[c->members[k]];
            st = nd_store_set_group(c->db, it->db_id, gid, c->scores[k]);
            it->grp = gid;
        }
    }
    return st;
}

/* Keeps for the report only the groups that gained a member in this run. */
static void keep_fresh_groups(ndupes_corpus *c)
{
    size_t out = 0, o = 0;
    for (size_t g = 0; g < c->ngroups; g++) {
        bool fresh = false;
        for (size_t k = c->goff[g]; k < c->goff[g + 1]; k++)
            fresh |= c->items[c->members[k]].is_new;
        size_t len = c->goff[g + 1] - c->goff[g];
        if (!fresh) {
            for (size_t k = c->goff[g]; k < c->goff[g + 1]; k++)
                c->group_of[c->members[k]] = SIZE_MAX;
            continue;
        }
        memmove(c->members + o, c->members + c->goff[g], len * sizeof *c->members);
        memmove(c->scores + o, c->scores + c->goff[g], len * sizeof *c->scores);
        for (size_t k = o; k < o + len; k++)
            c->group_of[c->members[k]] = out;
        c->gids[out] = c->gids[g];
        c->goff[out] = o;
        o += len;
        out++;
    }
    c->goff[out] = o;
    c->ngroups = out;
}

ndupes_status nd_inc_persist(ndupes_corpus *c)
{
    ndupes_status st = store_articles(c);
    if (st == NDUPES_OK)
        st = store_groups(c);
    if (st != NDUPES_OK) {
        if (st != NDUPES_ERR_NOMEM && st != NDUPES_ERR_INTERRUPTED)
            snprintf(c->errmsg, sizeof c->errmsg, "%s", nd_store_errmsg(c->db));
        return st;
    }
    if (!c->report_all)
        keep_fresh_groups(c);
    return NDUPES_OK;
}

/* The stored groups as they stand, for --all. */
typedef struct stored_groups {
    uint32_t *members; /* article indices, groups one after another */
    size_t *goff;      /* group g: members[goff[g] .. goff[g + 1]) */
    int64_t *gids;
    size_t n, total, cap;
} stored_groups;

static void stored_groups_free(stored_groups *s)
{
    nd_free(s->members);
    nd_free(s->goff);
    nd_free(s->gids);
}

/* Loads the members of stored group gid whose files exist; adds the group when two or
 * more are left. */
static ndupes_status load_group(ndupes_corpus *c, nd_tmap *ids, int64_t gid, stored_groups *s)
{
    int64_t *mem = NULL;
    size_t nm = 0, first = s->total;
    ndupes_status st = nd_store_members(c->db, gid, &mem, &nm);
    for (size_t k = 0; k < nm && st == NDUPES_OK; k++)
        st = nd_run_stopped(&c->run) ? NDUPES_ERR_INTERRUPTED : nd_inc_load_one(c, ids, mem[k]);
    for (size_t k = 0; k < nm && st == NDUPES_OK; k++) {
        size_t idx = nd_inc_loaded(ids, mem[k]);
        if (idx == SIZE_MAX)
            continue; /* its file is gone */
        if (s->total == s->cap) {
            uint32_t *t = nd_reallocarray(s->members, s->cap * 2, sizeof *t);
            if (!t) {
                st = NDUPES_ERR_NOMEM;
                break;
            }
            s->members = t;
            s->cap *= 2;
        }
        s->members[s->total++] = (uint32_t)idx;
    }
    nd_free(mem);
    if (s->total - first < 2) {
        s->total = first;
        return st;
    }
    s->goff[s->n] = first;
    s->gids[s->n++] = gid;
    return st;
}

/* Arranges each stored group as a run arranges its groups and makes them the corpus's, in
 * the order of a run's: by their representative's name. */
static ndupes_status install_groups(ndupes_corpus *c, stored_groups *s)
{
    s->goff[s->n] = s->total;
    float *scores = nd_malloc((s->total ? s->total : 1) * sizeof *scores);
    size_t *group_of = nd_malloc((c->n ? c->n : 1) * sizeof *group_of);
    size_t *len = nd_malloc((s->n ? s->n : 1) * sizeof *len);
    bool ok = scores && group_of && len;
    for (size_t g = 0; g < s->n && ok; g++)
        len[g] = s->goff[g + 1] - s->goff[g];
    ok = ok && nd_groups_arrange(c, s->members, scores, s->goff, len, s->n);
    nd_free(len);
    if (!ok) {
        nd_free(scores);
        nd_free(group_of);
        return nd_run_stopped(&c->run) ? NDUPES_ERR_INTERRUPTED : NDUPES_ERR_NOMEM;
    }
    for (size_t i = 0; i < c->n; i++)
        group_of[i] = SIZE_MAX;
    for (size_t g = 0; g < s->n; g++)
        for (size_t k = s->goff[g]; k < s->goff[g + 1]; k++)
            group_of[s->members[k]] = g;
    nd_corpus_clear_groups(c);
    c->goff = s->goff;
    c->members = s->members;
    c->scores = scores;
    c->gids = s->gids;
    c->group_of = group_of;
    c->ngroups = s->n;
    *s = (stored_groups){0};
    return nd_corpus_order_groups(c) ? NDUPES_OK : NDUPES_ERR_NOMEM;
}

/* Replaces the groups by every stored group of two or more members whose files exist,
 * each arranged as a run arranges its groups (groups.c): a group whose representative was
 * deleted gets another, and a group with one member left is no group.  Every grouped
 * article is loaded (its fingerprint too: it is scored against the rest of its group). */
ndupes_status nd_inc_all_groups(ndupes_corpus *c)
{
    int64_t *gids = NULL;
    size_t ng = 0;
    nd_tmap ids = {0};
    ndupes_status st = nd_store_groups(c->db, &gids, &ng);
    if (st != NDUPES_OK) {
        snprintf(c->errmsg, sizeof c->errmsg, "reading the groups: %s", nd_store_errmsg(c->db));
        return st;
    }
    for (size_t i = 0; i < c->n && st == NDUPES_OK; i++)
        if (c->items[i].db_id && !nd_tmap_add(&ids, (uint64_t)c->items[i].db_id, (uint32_t)i + 1))
            st = NDUPES_ERR_NOMEM;
    stored_groups s = {.cap = 1024};
    s.members = nd_malloc(s.cap * sizeof *s.members);
    s.goff = nd_malloc((ng + 1) * sizeof *s.goff);
    s.gids = nd_malloc((ng ? ng : 1) * sizeof *s.gids);
    if (!s.members || !s.goff || !s.gids)
        st = NDUPES_ERR_NOMEM;
    for (size_t g = 0; g < ng && st == NDUPES_OK; g++)
        st = load_group(c, &ids, gids[g], &s);
    if (st == NDUPES_OK)
        st = install_groups(c, &s);
    else if (st == NDUPES_ERR_DB || st == NDUPES_ERR_DB_SCHEMA)
        snprintf(c->errmsg, sizeof c->errmsg, "%s", nd_store_errmsg(c->db));
    stored_groups_free(&s);
    nd_free(gids);
    nd_tmap_free(&ids);
    return st;
}
