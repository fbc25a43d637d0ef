/*
 * storebands.c - the band tables of the index: the stored keys of each article, by which
 * a run finds the stored articles that may match its new ones.
 *
 * Band keys are random, so adding one run's keys to a large band table would touch nearly
 * every page of it.  New keys go to band_recent instead, and each run moves one of
 * MERGE_SLICES ranges of keys of band_recent into band, in key order (store.h); lookups
 * read both tables.  A batch larger than band/16 (a first run) goes straight into band.
 */
#include "store_int.h"

#include <stdlib.h>

/* Removes one band row of article id from whichever table holds it. */
static ndupes_status band_del(nd_store *s, uint32_t key, int64_t id)
{
    static const int q[2] = {Q_BAND_DEL, Q_RBAND_DEL};
    for (int t = 0; t < 2; t++) {
        sqlite3_stmt *st = s->q[q[t]];
        sqlite3_bind_int64(st, 1, key);
        sqlite3_bind_int64(st, 2, id);
        ndupes_status r = nd_store_run(s, st);
        if (r != NDUPES_OK)
            return r;
        int64_t gone = sqlite3_changes(s->db);
        int64_t *rows = t ? &s->recent_rows : &s->band_rows;
        *rows = *rows > gone ? *rows - gone : 0;
        s->rows_dirty |= gone > 0;
    }
    return NDUPES_OK;
}

/* Removes the band rows of a stored article. */
ndupes_status nd_store_bands_del(nd_store *s, const nd_fp *fp, int64_t id)
{
    for (size_t i = 0; i < fp->nkeys; i++) {
        ndupes_status r = nd_key_indexed(fp->keys[i]) ? band_del(s, fp->keys[i], id) : NDUPES_OK;
        if (r != NDUPES_OK)
            return r;
    }
    for (size_t p = 0; p < fp->npend; p++)
        for (size_t i = 0; i < fp->pend[p].nkeys; i++) {
            ndupes_status r = nd_key_indexed(fp->pend[p].keys[i])
                                  ? band_del(s, fp->pend[p].keys[i], id)
                                  : NDUPES_OK;
            if (r != NDUPES_OK)
                return r;
        }
    return NDUPES_OK;
}

static int cmp_band(const void *x, const void *y)
{
    const nd_band *a = x, *b = y;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    return (a->id > b->id) - (a->id < b->id);
}

/* Moves one slice of band_recent into band and of para_recent into para. */
static ndupes_status merge_slice(nd_store *s, int64_t slice)
{
    int64_t lo = slice * ((INT64_C(1) << 32) / MERGE_SLICES);
    int64_t hi = lo + (INT64_C(1) << 32) / MERGE_SLICES;
    ndupes_status r = NDUPES_OK;
    for (int q = Q_MERGE; q <= Q_MERGED && r == NDUPES_OK; q++) {
        sqlite3_stmt *st = s->q[q];
        sqlite3_bind_int64(st, 1, lo);
        sqlite3_bind_int64(st, 2, hi);
        r = nd_store_run(s, st);
        int64_t moved = sqlite3_changes(s->db);
        if (q == Q_MERGE)
            s->band_rows += moved;
        else
            s->recent_rows = s->recent_rows > moved ? s->recent_rows - moved : 0;
    }
    /* Paragraph hashes are 64-bit, stored signed: the slice is the values whose top three
     * bits (unsigned) are the slice number, a contiguous range of signed values too. */
    _Static_assert(MERGE_SLICES == 8, "paragraph slices are the top three bits");
    uint64_t ulo = (uint64_t)slice << 61, uhi = ulo + ((UINT64_C(1) << 61) - 1);
    for (int q = Q_PMERGE; q <= Q_PMERGED && r == NDUPES_OK; q++) {
        sqlite3_stmt *st = s->q[q];
        sqlite3_bind_int64(st, 1, nd_u2i(ulo));
        sqlite3_bind_int64(st, 2, nd_u2i(uhi));
        r = nd_store_run(s, st);
    }
    return r;
}

/* Sorts band rows by (key, id): one pass in place on the top byte of the key (American flag
 * sort), then each of the 256 buckets with qsort.  The run is looked at between buckets:
 * the first run of a large index sorts 8 million rows (1.7 s with one qsort), and a stop
 * waits for one bucket.  False when the run was stopped. */
static bool sort_bands(nd_band *b, size_t n, const nd_run *run)
{
    size_t count[256] = {0}, start[257], next[256];
    for (size_t i = 0; i < n; i++)
        count[b[i].key >> 24]++;
    start[0] = 0;
    for (unsigned d = 0; d < 256; d++) {
        start[d + 1] = start[d] + count[d];
        next[d] = start[d];
    }
    for (unsigned d = 0; d < 256; d++) {
        while (next[d] < start[d + 1]) {
            nd_band v = b[next[d]];
            unsigned to = v.key >> 24;
            while (to != d) { /* carry v to its bucket, and what it displaces onwards */
                nd_band t = b[next[to]];
                b[next[to]++] = v;
                v = t;
                to = v.key >> 24;
            }
            b[next[d]++] = v;
        }
    }
    for (unsigned d = 0; d < 256; d++) {
        if (nd_run_stopped(run))
            return false;
        if (count[d] > 1)
            qsort(b + start[d], count[d], sizeof *b, cmp_band);
    }
    return true;
}

ndupes_status nd_store_bands(nd_store *s, nd_band *b, size_t n)
{
    /* In key order, B-tree pages are filled one after another instead of at random. */
    if (!sort_bands(b, n, s->run))
        return NDUPES_ERR_INTERRUPTED;
    bool direct = (int64_t)n > s->band_rows / RECENT_SHARE;
    sqlite3_stmt *st = s->q[direct ? Q_BAND_ADD : Q_RBAND_ADD];
    for (size_t i = 0; i < n; i++) {
        if ((i & 4095) == 0 && nd_run_stopped(s->run))
            return NDUPES_ERR_INTERRUPTED;
        sqlite3_bind_int64(st, 1, b[i].key);
        sqlite3_bind_int64(st, 2, b[i].id);
        ndupes_status r = nd_store_run(s, st);
        if (r != NDUPES_OK)
            return r;
        *(direct ? &s->band_rows : &s->recent_rows) += sqlite3_changes(s->db);
    }
    ndupes_status r = NDUPES_OK;
    for (int k = 0; k < (direct ? MERGE_SLICES : 1) && r == NDUPES_OK; k++)
        r = merge_slice(s, (s->slice + k) % MERGE_SLICES);
    s->slice = (s->slice + 1) % MERGE_SLICES;
    s->rows_dirty = true;
    return r;
}

/* Reads the score column: NULL (0), or a number in [0, 1]; false otherwise. */

/* Removes every band row of article id when its fingerprint (which names them) cannot be
 * read: a scan of the band tables, for a damaged article only. */
ndupes_status nd_store_bands_del_all(nd_store *s, int64_t id)
{
    static const char *const q[2] = {"DELETE FROM band WHERE id = ?1",
                                     "DELETE FROM band_recent WHERE id = ?1"};
    ndupes_status r = NDUPES_OK;
    for (int t = 0; t < 2 && r == NDUPES_OK; t++) {
        sqlite3_stmt *st = NULL;
        int rc = sqlite3_prepare_v2(s->db, q[t], -1, &st, NULL);
        if (rc == SQLITE_OK) {
            sqlite3_bind_int64(st, 1, id);
            r = nd_store_run(s, st);
        } else {
            r = nd_store_status(nd_store_note(s, rc));
        }
        sqlite3_finalize(st);
    }
    return r;
}

long nd_store_band(nd_store *s, uint32_t key, int64_t *ids, size_t max)
{
    sqlite3_stmt *st = s->q[Q_BAND];
    sqlite3_bind_int64(st, 1, key);
    sqlite3_bind_int64(st, 2, (int64_t)max);
    long n = 0;
    int rc;
    while ((rc = nd_store_note(s, sqlite3_step(st))) == SQLITE_ROW && (size_t)n < max) {
        if (!(ids[n++] = nd_store_col_id(st, 0))) {
            nd_store_damaged(s, "a band key names no article");
            rc = SQLITE_CORRUPT;
            break;
        }
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? n : -1;
}

/* Collects the first column of every row of st into *ids. */
