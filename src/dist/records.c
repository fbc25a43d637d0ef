/*
 * records.c - the record streams that the distributed steps exchange (docs/SKETCH.md).
 *
 * A stream is a sequence of blocks; each block holds records of one type:
 *
 *   "NDRB" version(1) type(1) reserved(2) count(8) records(count x size) XXH3(8)
 *
 * little-endian, the checksum over the header and the records.  A record's size is fixed
 * by its type (the fields it holds, see nd_rec_type), so a stream is read without any
 * parsing but the block headers, and streams join by concatenation: the engine that
 * shuffles them (contrib/dask/ndupes-dask) only moves and joins bytes.  A block that is
 * cut short, or whose checksum differs, makes the whole stream refused.
 *
 * Writers buffer each part's records and write a block when BLOCK records are waiting, so
 * a step that partitions its output into many parts holds a bounded amount of memory.
 */
#include "nd_dist.h"

#include <string.h>
#include <xxhash.h>

#define REC_VERSION 1
#define BLOCK 4096 /* records a block holds, at most, when written */
#define HEADER 16

/* Fields each type holds: a b (8 bytes each), c d e (4 bytes each). */
enum { FA = 1, FB = 2, FC = 4, FD = 8, FE = 16 };
static const unsigned char fields[ND_REC_TYPES] = {
    [ND_REC_PARA] = FA | FB | FC | FD, [ND_REC_PEND] = FA | FB | FC, [ND_REC_OWN] = FA | FC,
    [ND_REC_VOTE] = FA, [ND_REC_TPL] = FA, [ND_REC_EXACT] = FA | FC | FD,
    [ND_REC_XEDGE] = FC | FD, [ND_REC_PRE] = FC | FD, [ND_REC_KEY] = FC | FD,
    [ND_REC_PAIR] = FC | FD, [ND_REC_CAND] = FC | FD, [ND_REC_NEED] = FC,
    [ND_REC_EDGE] = FC | FD | FE,
};
static const char *const names[ND_REC_TYPES] = {
    [ND_REC_PARA] = "paragraph", [ND_REC_PEND] = "short paragraph", [ND_REC_OWN] = "own words",
    [ND_REC_VOTE] = "template vote", [ND_REC_TPL] = "template", [ND_REC_EXACT] = "exact key",
    [ND_REC_XEDGE] = "exact pair", [ND_REC_PRE] = "exact class", [ND_REC_KEY] = "LSH key",
    [ND_REC_PAIR] = "bucket pair", [ND_REC_CAND] = "candidate pair", [ND_REC_NEED] = "need",
    [ND_REC_EDGE] = "edge",
};

const char *nd_rec_name(nd_rec_type t)
{
    return t > 0 && t < ND_REC_TYPES ? names[t] : "unknown";
}

static size_t rec_size(unsigned t)
{
    unsigned f = fields[t];
    return 8u * (!!(f & FA) + !!(f & FB)) + 4u * (!!(f & FC) + !!(f & FD) + !!(f & FE));
}

bool nd_recv_push(nd_recv *v, const nd_rec *r)
{
    if (v->n == v->cap) {
        size_t nc = v->cap ? v->cap * 2 : 256;
        nd_rec *p = nd_reallocarray(v->v, nc, sizeof *p);
        if (!p)
            return false;
        v->v = p;
        v->cap = nc;
    }
    v->v[v->n++] = *r;
    return true;
}

void nd_recv_free(nd_recv *v)
{
    nd_free(v->v);
    v->v = NULL;
    v->n = v->cap = 0;
}

static void put_le(uint8_t *p, uint64_t v, unsigned bytes)
{
    for (unsigned i = 0; i < bytes; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static uint64_t get_le(const uint8_t *p, unsigned bytes)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < bytes; i++)
        v |= (uint64_t)p[i] << (8 * i);
    return v;
}

static uint8_t *encode(uint8_t *p, unsigned t, const nd_rec *r)
{
    unsigned f = fields[t];
    if (f & FA)
        put_le(p, r->a, 8), p += 8;
    if (f & FB)
        put_le(p, r->b, 8), p += 8;
    if (f & FC)
        put_le(p, r->c, 4), p += 4;
    if (f & FD)
        put_le(p, r->d, 4), p += 4;
    if (f & FE)
        put_le(p, r->e, 4), p += 4;
    return p;
}

static const uint8_t *decode(const uint8_t *p, unsigned t, nd_rec *r)
{
    unsigned f = fields[t];
    *r = (nd_rec){0};
    if (f & FA)
        r->a = get_le(p, 8), p += 8;
    if (f & FB)
        r->b = get_le(p, 8), p += 8;
    if (f & FC)
        r->c = (uint32_t)get_le(p, 4), p += 4;
    if (f & FD)
        r->d = (uint32_t)get_le(p, 4), p += 4;
    if (f & FE)
        r->e = (uint32_t)get_le(p, 4), p += 4;
    return p;
}

/* Writes one block of the records v[0..n) of type t. */
static bool write_block(FILE *f, unsigned t, const nd_rec *v, size_t n)
{
    size_t rs = rec_size(t), len = HEADER + n * rs;
    uint8_t *b = nd_malloc(len + 8);
    if (!b)
        return false;
    memcpy(b, "NDRB", 4);
    b[4] = REC_VERSION;
    b[5] = (uint8_t)t;
    b[6] = b[7] = 0;
    put_le(b + 8, n, 8);
    uint8_t *p = b + HEADER;
    for (size_t i = 0; i < n; i++)
        p = encode(p, t, &v[i]);
    put_le(b + len, XXH3_64bits(b, len), 8);
    bool ok = fwrite(b, 1, len + 8, f) == len + 8;
    nd_free(b);
    return ok;
}

/* The records of one block (its header h read, of type t, n records) into out[t], its
 * checksum checked.  Read in chunks, so that a damaged count cannot make one huge
 * allocation. */
static ndupes_status read_block(FILE *in, const uint8_t *h, unsigned t, uint64_t n,
                                nd_recv *out, uint64_t block, char *err, size_t errlen)
{
    size_t rs = rec_size(t);
    XXH3_state_t *xs = XXH3_createState();
    if (!xs)
        return NDUPES_ERR_NOMEM;
    XXH3_64bits_reset(xs);
    XXH3_64bits_update(xs, h, HEADER);
    uint8_t buf[BLOCK * 24];
    size_t per = sizeof buf / rs;
    ndupes_status st = NDUPES_OK;
    for (uint64_t done = 0; done < n && st == NDUPES_OK;) {
        size_t k = n - done < per ? (size_t)(n - done) : per;
        if (fread(buf, rs, k, in) != k) {
            st = ferror(in) ? NDUPES_ERR_IO : NDUPES_ERR_PARSE;
            if (st == NDUPES_ERR_PARSE)
                snprintf(err, errlen, "record stream cut short in block %llu",
                         (unsigned long long)block + 1);
            break;
        }
        XXH3_64bits_update(xs, buf, k * rs);
        const uint8_t *p = buf;
        for (size_t i = 0; i < k && st == NDUPES_OK; i++) {
            nd_rec r;
            p = decode(p, t, &r);
            if (!nd_recv_push(&out[t], &r))
                st = NDUPES_ERR_NOMEM;
        }
        done += k;
    }
    uint8_t sum[8];
    if (st == NDUPES_OK && fread(sum, 1, 8, in) != 8) {
        st = ferror(in) ? NDUPES_ERR_IO : NDUPES_ERR_PARSE;
        if (st == NDUPES_ERR_PARSE)
            snprintf(err, errlen, "record stream cut short at the checksum of block %llu",
                     (unsigned long long)block + 1);
    }
    if (st == NDUPES_OK && get_le(sum, 8) != XXH3_64bits_digest(xs)) {
        snprintf(err, errlen, "a damaged record stream (checksum of block %llu)",
                 (unsigned long long)block + 1);
        st = NDUPES_ERR_PARSE;
    }
    XXH3_freeState(xs);
    return st;
}

ndupes_status nd_rec_read(FILE *in, nd_recv *out, char *err, size_t errlen)
{
    uint8_t h[HEADER];
    for (uint64_t block = 0;; block++) {
        size_t got = fread(h, 1, HEADER, in);
        if (got == 0 && feof(in))
            return NDUPES_OK;
        if (got < HEADER) {
            if (ferror(in))
                return NDUPES_ERR_IO;
            snprintf(err, errlen, "record stream cut short in the header of block %llu",
                     (unsigned long long)block + 1);
            return NDUPES_ERR_PARSE;
        }
        unsigned t = h[5];
        if (memcmp(h, "NDRB", 4) != 0 || h[4] != REC_VERSION || t == 0 || t >= ND_REC_TYPES ||
            h[6] || h[7]) {
            snprintf(err, errlen, "%s (block %llu)",
                     memcmp(h, "NDRB", 4) ? "not an ndupes record stream"
                     : h[4] != REC_VERSION ? "a record stream of another version"
                                           : "a damaged record stream",
                     (unsigned long long)block + 1);
            return NDUPES_ERR_PARSE;
        }
        if (out[t].cap == SIZE_MAX) {
            snprintf(err, errlen, "%s records are not input to this step (block %llu)",
                     names[t], (unsigned long long)block + 1);
            return NDUPES_ERR_PARSE;
        }
        uint64_t n = get_le(h + 8, 8);
        if (n > (SIZE_MAX / 2 - HEADER) / rec_size(t) || n > (1ull << 40)) {
            snprintf(err, errlen, "a damaged record stream (block %llu counts %llu records)",
                     (unsigned long long)block + 1, (unsigned long long)n);
            return NDUPES_ERR_PARSE;
        }
        ndupes_status st = read_block(in, h, t, n, out, block, err, errlen);
        if (st != NDUPES_OK)
            return st;
    }
}

bool nd_rec_writer_init(nd_rec_writer *w, FILE *const *parts, size_t nparts, uint64_t *tally)
{
    *w = (nd_rec_writer){.parts = parts, .nparts = nparts, .tally = tally};
    w->buf = nd_calloc(nparts ? nparts : 1, sizeof *w->buf);
    w->type = nd_calloc(nparts ? nparts : 1, sizeof *w->type);
    if (!w->buf || !w->type) {
        nd_free(w->buf);
        nd_free(w->type);
        w->buf = NULL;
        w->type = NULL;
        return false;
    }
    return true;
}

static bool flush_part(nd_rec_writer *w, size_t k)
{
    if (w->buf[k].n && !w->bad && !write_block(w->parts[k], w->type[k], w->buf[k].v, w->buf[k].n))
        w->bad = true;
    w->buf[k].n = 0;
    return !w->bad;
}

bool nd_rec_put(nd_rec_writer *w, size_t part, nd_rec_type t, const nd_rec *r)
{
    if (w->bad)
        return false;
    if (w->buf[part].n && (w->type[part] != t || w->buf[part].n >= BLOCK) && !flush_part(w, part))
        return false;
    w->type[part] = t;
    if (!nd_recv_push(&w->buf[part], r)) {
        w->bad = w->nomem = true;
        return false;
    }
    if (w->tally)
        (*w->tally)++;
    return true;
}

bool nd_rec_writer_end(nd_rec_writer *w)
{
    for (size_t k = 0; k < w->nparts && w->buf; k++) {
        flush_part(w, k);
        nd_recv_free(&w->buf[k]);
    }
    for (size_t k = 0; k < w->nparts && !w->bad; k++)
        if (fflush(w->parts[k]) != 0)
            w->bad = true;
    nd_free(w->buf);
    nd_free(w->type);
    w->buf = NULL;
    w->type = NULL;
    return !w->bad;
}

uint64_t *nd_radix_u64(uint64_t *v, uint64_t *tmp, size_t n)
{
    for (unsigned shift = 0; shift < 64 && n > 1; shift += 8) {
        size_t count[256] = {0};
        for (size_t i = 0; i < n; i++)
            count[(v[i] >> shift) & 255]++;
        if (count[(v[0] >> shift) & 255] == n)
            continue;
        for (size_t b = 0, sum = 0; b < 256; b++) {
            size_t c = count[b];
            count[b] = sum;
            sum += c;
        }
        for (size_t i = 0; i < n; i++)
            tmp[count[(v[i] >> shift) & 255]++] = v[i];
        uint64_t *t = v;
        v = tmp;
        tmp = t;
    }
    return v;
}

size_t nd_rec_part(uint64_t key, size_t n)
{
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdULL;
    key ^= key >> 33;
    key *= 0xc4ceb9fe1a85ec53ULL;
    key ^= key >> 33;
    return (size_t)(((key >> 32) * (uint64_t)n) >> 32);
}

size_t nd_rec_shard(const uint64_t *bounds, size_t n, uint64_t x)
{
    size_t lo = 0, hi = n;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (bounds[mid] <= x)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}
