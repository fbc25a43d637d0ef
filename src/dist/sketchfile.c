/*
 * sketchfile.c - the sketch file: a corpus's articles and fingerprints as read, written
 * by `ndupes sketch` on any machine and read back by `ndupes group` (or by the
 * distributed steps) to give the groups of one run.
 *
 * Little-endian, every length checked on the way in (a sketch is input: a damaged or
 * hostile file gives an error, never a read out of bounds), and all or nothing: a sketch
 * is read whole, its records and the checksum of the whole file checked, before anything
 * of it is used.
 *
 *   header   "NDSKETCH" version(2) flags(2) shingle(2) reader(2) articles(8) failed(8)
 *            format length(2) format(length) XXH3 of the header(8)
 *   article  length(4) { index(8) size(8) mtime(8) content hash(8) path length(4) path
 *            fingerprint (fpcodec.c) } XXH3 of length and body(8)
 *   trailer  "NDSKEND\0" articles(8) XXH3 of every byte before this field(8)
 *
 * The bytes depend only on the files read and the settings: no time of sketching, the
 * paths as given, the articles in input order.
 */
#include "nd_dist.h"

#include <errno.h>
#include <string.h>
#include <xxhash.h>

#define HEAD_FIXED 34
#define TRAIL 24

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

void nd_sketch_settings(unsigned shingle, char *buf, size_t len)
{
    snprintf(buf, len, "%s-s%u", ND_FP_FORMAT, shingle);
}

/* ---- writing ---- */

static bool emit(nd_sketch_writer *w, const void *p, size_t n)
{
    if (w->bad)
        return false;
    XXH3_64bits_update(w->xs, p, n);
    if (fwrite(p, 1, n, w->out) != n)
        w->bad = true;
    return !w->bad;
}

bool nd_sketch_begin(nd_sketch_writer *w, FILE *out, unsigned shingle, unsigned flags,
                     uint64_t articles, uint64_t failed, uint64_t *tally)
{
    *w = (nd_sketch_writer){.out = out, .articles = articles, .tally = tally};
    w->xs = XXH3_createState();
    if (!w->xs) {
        w->bad = true;
        return false;
    }
    XXH3_64bits_reset(w->xs);
    const char *fmt = ND_FP_FORMAT;
    size_t fl = strlen(fmt);
    uint8_t h[HEAD_FIXED + 64 + 8];
    memcpy(h, "NDSKETCH", 8);
    put_le(h + 8, ND_SKETCH_VERSION, 2);
    put_le(h + 10, flags, 2);
    put_le(h + 12, shingle, 2);
    put_le(h + 14, ND_READER_VERSION, 2);
    put_le(h + 16, articles, 8);
    put_le(h + 24, failed, 8);
    put_le(h + 32, fl, 2);
    memcpy(h + HEAD_FIXED, fmt, fl);
    put_le(h + HEAD_FIXED + fl, XXH3_64bits(h, HEAD_FIXED + fl), 8);
    return emit(w, h, HEAD_FIXED + fl + 8);
}

bool nd_sketch_put(nd_sketch_writer *w, const char *name, uint64_t index, uint64_t size,
                   int64_t mtime, uint64_t chash, const nd_fp *fp)
{
    uint8_t *blob = NULL;
    size_t blen = 0, plen = strlen(name);
    if (w->bad)
        return false;
    if (plen > ND_SKETCH_MAX_PATH || !nd_fp_encode(fp, &blob, &blen)) {
        w->bad = true;
        errno = plen > ND_SKETCH_MAX_PATH ? ENAMETOOLONG : ENOMEM;
        return false;
    }
    size_t body = 36 + plen + blen;
    uint8_t *r = nd_malloc(4 + body + 8);
    if (!r) {
        nd_free(blob);
        w->bad = true;
        errno = ENOMEM;
        return false;
    }
    put_le(r, body, 4);
    put_le(r + 4, index, 8);
    put_le(r + 12, size, 8);
    put_le(r + 20, (uint64_t)mtime, 8);
    put_le(r + 28, chash, 8);
    put_le(r + 36, plen, 4);
    memcpy(r + 40, name, plen);
    memcpy(r + 40 + plen, blob, blen);
    put_le(r + 4 + body, XXH3_64bits(r, 4 + body), 8);
    bool ok = emit(w, r, 4 + body + 8);
    nd_free(r);
    nd_free(blob);
    w->count++;
    if (w->tally)
        (*w->tally)++;
    return ok;
}

bool nd_sketch_end(nd_sketch_writer *w)
{
    uint8_t t[TRAIL];
    memcpy(t, "NDSKEND", 8);
    put_le(t + 8, w->count, 8);
    bool ok = !w->bad && w->count == w->articles;
    if (ok) {
        XXH3_64bits_update(w->xs, t, 16);
        put_le(t + 16, XXH3_64bits_digest(w->xs), 8);
        ok = fwrite(t, 1, TRAIL, w->out) == TRAIL && fflush(w->out) == 0;
    }
    XXH3_freeState(w->xs);
    w->xs = NULL;
    return ok;
}

ndupes_status ndupes_corpus_write_sketch(const ndupes_corpus *c, FILE *out, uint64_t failed)
{
    if (!c || !out || c->db || c->tmap.cap)
        return NDUPES_ERR_ARG;
    nd_sketch_writer w;
    if (!nd_sketch_begin(&w, out, c->cfg.shingle, 0, c->n, failed, NULL)) {
        ndupes_status st = w.xs ? NDUPES_ERR_IO : NDUPES_ERR_NOMEM;
        nd_sketch_end(&w);
        return st;
    }
    for (size_t i = 0; i < c->n; i++) {
        const item *it = &c->items[i];
        if (!nd_sketch_put(&w, it->name, i, it->size, it->mtime, it->chash, &c->fps[i]))
            break;
    }
    int e = errno;
    if (!nd_sketch_end(&w)) {
        errno = e;
        return e == ENOMEM ? NDUPES_ERR_NOMEM : NDUPES_ERR_IO;
    }
    return NDUPES_OK;
}

/* ---- reading ---- */

typedef struct reader {
    FILE *in;
    XXH3_state_t *xs;
    char *err;
    size_t errlen;
    ndupes_status st;
} reader;

/* Reads n bytes into p, adding them to the whole file's checksum; false at the end of the
 * file (a sketch cut short) or on a read error. */
static bool take(reader *r, void *p, size_t n, const char *what)
{
    if (r->st != NDUPES_OK)
        return false;
    if (fread(p, 1, n, r->in) != n) {
        r->st = ferror(r->in) ? NDUPES_ERR_IO : NDUPES_ERR_PARSE;
        if (r->st == NDUPES_ERR_PARSE)
            snprintf(r->err, r->errlen, "a damaged sketch: cut short in %s", what);
        return false;
    }
    if (r->xs)
        XXH3_64bits_update(r->xs, p, n);
    return true;
}

/* Refuses the sketch: "a damaged sketch: <what> [of article k]". */
static bool bad(reader *r, const char *what, uint64_t article)
{
    r->st = NDUPES_ERR_PARSE;
    if (article)
        snprintf(r->err, r->errlen, "a damaged sketch: %s of article %llu", what,
                 (unsigned long long)article);
    else
        snprintf(r->err, r->errlen, "a damaged sketch: %s", what);
    return false;
}

/* Reads and checks the header into *info. */
static bool read_header(reader *r, ndupes_sketch_info *info)
{
    uint8_t h[HEAD_FIXED + 255 + 8];
    memset(info, 0, sizeof *info);
    size_t got = fread(h, 1, HEAD_FIXED, r->in);
    if (got < 8 || memcmp(h, "NDSKETCH", 8) != 0) {
        if (ferror(r->in)) {
            r->st = NDUPES_ERR_IO;
            return false;
        }
        r->st = NDUPES_ERR_PARSE;
        snprintf(r->err, r->errlen, "%s", got ? "not an ndupes sketch" : "not an ndupes "
                 "sketch (an empty file)");
        return false;
    }
    if (got < HEAD_FIXED) {
        if (!ferror(r->in))
            return bad(r, "cut short in its header", 0);
        r->st = NDUPES_ERR_IO;
        return false;
    }
    if (r->xs)
        XXH3_64bits_update(r->xs, h, HEAD_FIXED);
    unsigned version = (unsigned)get_le(h + 8, 2);
    size_t fl = (size_t)get_le(h + 32, 2);
    if (version > ND_SKETCH_VERSION) {
        r->st = NDUPES_ERR_PARSE;
        snprintf(r->err, r->errlen, "a sketch of a newer format (version %u); this ndupes "
                 "reads version %d", version, ND_SKETCH_VERSION);
        return false;
    }
    if (version == 0 || fl == 0 || fl > 127)
        return bad(r, "its header", 0);
    if (!take(r, h + HEAD_FIXED, fl + 8, "its header"))
        return false;
    if (get_le(h + HEAD_FIXED + fl, 8) != XXH3_64bits(h, HEAD_FIXED + fl))
        return bad(r, "the checksum of its header", 0);
    unsigned flags = (unsigned)get_le(h + 10, 2);
    if (flags & ~ND_SKETCH_FINAL)
        return bad(r, "unknown flags in its header", 0);
    for (size_t i = 0; i < fl; i++)
        if (h[HEAD_FIXED + i] < 0x21 || h[HEAD_FIXED + i] > 0x7e)
            return bad(r, "its settings", 0);
    info->version = version;
    info->final = flags & ND_SKETCH_FINAL;
    info->shingle = (unsigned)get_le(h + 12, 2);
    info->reader = (unsigned)get_le(h + 14, 2);
    info->articles = get_le(h + 16, 8);
    info->failed = get_le(h + 24, 8);
    snprintf(info->settings, sizeof info->settings, "%.*s-s%u", (int)fl,
             (const char *)h + HEAD_FIXED, info->shingle);
    return true;
}

ndupes_status ndupes_sketch_info_read(FILE *in, ndupes_sketch_info *out, char *err,
                                      size_t errlen)
{
    char dummy[8];
    if (!in || !out)
        return NDUPES_ERR_ARG;
    reader r = {.in = in, .err = err ? err : dummy, .errlen = err ? errlen : sizeof dummy};
    if (r.errlen)
        r.err[0] = '\0';
    read_header(&r, out);
    return r.st;
}

void nd_sketch_free(nd_sketch *s)
{
    for (size_t i = 0; i < s->n; i++) {
        nd_free(s->a[i].name);
        nd_fp_free(&s->a[i].fp);
    }
    nd_free(s->a);
    s->a = NULL;
    s->n = s->cap = 0;
}

/* Reads article k's record into *a. */
static bool read_article(reader *r, const ndupes_sketch_info *info, uint64_t k, uint8_t **buf,
                         size_t *cap, nd_sk_article *a)
{
    uint8_t len4[4];
    if (!take(r, len4, 4, "an article's record"))
        return false;
    size_t body = (size_t)get_le(len4, 4);
    if (body < 36 || body > ND_SKETCH_MAX_RECORD)
        return bad(r, "the length", k + 1);
    if (body + 12 > *cap) {
        uint8_t *nb = nd_realloc(*buf, body + 12);
        if (!nb) {
            r->st = NDUPES_ERR_NOMEM;
            return false;
        }
        *buf = nb;
        *cap = body + 12;
    }
    uint8_t *p = *buf;
    memcpy(p, len4, 4);
    if (!take(r, p + 4, body + 8, "an article's record"))
        return false;
    if (get_le(p + 4 + body, 8) != XXH3_64bits(p, 4 + body))
        return bad(r, "the checksum", k + 1);
    size_t plen = (size_t)get_le(p + 36, 4);
    if (plen == 0 || plen > body - 36 || memchr(p + 40, 0, plen))
        return bad(r, "the path", k + 1);
    a->index = get_le(p + 4, 8);
    a->size = get_le(p + 12, 8);
    a->mtime = (int64_t)get_le(p + 20, 8);
    a->chash = get_le(p + 28, 8);
    if (!info->final && a->index != k)
        return bad(r, "the index", k + 1);
    ndupes_status st = nd_fp_decode(p + 40 + plen, body - 36 - plen, &a->fp);
    if (st != NDUPES_OK) {
        if (st != NDUPES_ERR_NOMEM)
            return bad(r, "the fingerprint", k + 1);
        r->st = NDUPES_ERR_NOMEM;
        return false;
    }
    if (info->final && (a->fp.npend || a->fp.nph)) {
        nd_fp_free(&a->fp);
        return bad(r, "the pending paragraphs (in a final sketch)", k + 1);
    }
    a->name = nd_malloc(plen + 1);
    if (!a->name) {
        nd_fp_free(&a->fp);
        r->st = NDUPES_ERR_NOMEM;
        return false;
    }
    memcpy(a->name, p + 40, plen);
    a->name[plen] = '\0';
    return true;
}

/* Reads the articles and the trailer of a sketch whose header was read into s->info. */
static void read_body(reader *r, nd_sketch *s)
{
    uint8_t *buf = NULL;
    size_t cap = 0;
    for (uint64_t k = 0; k < s->info.articles && r->st == NDUPES_OK; k++) {
        if (s->n == s->cap) {
            size_t nc = s->cap ? s->cap * 2 : 64;
            nd_sk_article *na = nd_reallocarray(s->a, nc, sizeof *na);
            if (!na) {
                r->st = NDUPES_ERR_NOMEM;
                break;
            }
            s->a = na;
            s->cap = nc;
        }
        nd_sk_article *a = &s->a[s->n];
        memset(a, 0, sizeof *a);
        if (!read_article(r, &s->info, k, &buf, &cap, a))
            break;
        if (s->info.final && s->n && a->index <= s->a[s->n - 1].index) {
            nd_free(a->name);
            nd_fp_free(&a->fp);
            bad(r, "the index", k + 1);
            break;
        }
        s->n++;
    }
    nd_free(buf);
    uint8_t t[TRAIL];
    if (r->st != NDUPES_OK || !take(r, t, 16, "its trailer"))
        return;
    if (memcmp(t, "NDSKEND", 8) != 0 || get_le(t + 8, 8) != s->info.articles) {
        bad(r, "its trailer", 0);
        return;
    }
    uint64_t sum = XXH3_64bits_digest(r->xs);
    XXH3_freeState(r->xs);
    r->xs = NULL;
    if (!take(r, t + 16, 8, "its trailer"))
        return;
    if (get_le(t + 16, 8) != sum) {
        bad(r, "the checksum of the whole file", 0);
        return;
    }
    if (fgetc(r->in) != EOF)
        bad(r, "bytes after its end", 0);
    else if (ferror(r->in))
        r->st = NDUPES_ERR_IO;
}

ndupes_status nd_sketch_read(FILE *in, nd_sketch *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    reader r = {.in = in, .err = err, .errlen = errlen, .xs = XXH3_createState()};
    if (!r.xs)
        return NDUPES_ERR_NOMEM;
    XXH3_64bits_reset(r.xs);
    if (errlen)
        err[0] = '\0';
    if (read_header(&r, &out->info))
        read_body(&r, out);
    XXH3_freeState(r.xs);
    if (r.st != NDUPES_OK) {
        ndupes_sketch_info keep = out->info;
        nd_sketch_free(out);
        out->info = keep;
    }
    return r.st;
}

/* ---- into a corpus ---- */

static ndupes_status refuse(ndupes_corpus *c, ndupes_status st, const char *msg)
{
    snprintf(c->errmsg, sizeof c->errmsg, "%s", msg);
    return st;
}

static void say_dup(ndupes_corpus *c, const char *name)
{
    if (c->log)
        c->log(c->log_ctx, NDUPES_LOG_WARN, name, "named in an earlier sketch; read once");
}

/* The key of a name in c->names (the names read from sketches). */
static uint64_t name_key(const char *name)
{
    return XXH3_64bits_withSeed(name, strlen(name), 0x5ce7c4);
}

ndupes_status ndupes_corpus_read_sketch(ndupes_corpus *c, FILE *in, ndupes_sketch_info *info)
{
    if (info)
        memset(info, 0, sizeof *info);
    if (!c || !in)
        return NDUPES_ERR_ARG;
    c->errmsg[0] = '\0';
    if (c->db || c->tmap.cap)
        return refuse(c, NDUPES_ERR_ARG, c->db ? "a corpus with an index takes no sketch"
                                               : "the corpus is grouped already");
    nd_sketch s;
    double t0 = nd_now();
    ndupes_status st = nd_sketch_read(in, &s, c->errmsg, sizeof c->errmsg);
    if (info)
        *info = s.info;
    if (st != NDUPES_OK)
        return st;
    char mine[sizeof s.info.settings];
    nd_sketch_settings(c->n ? c->cfg.shingle : s.info.shingle, mine, sizeof mine);
    if (s.info.final)
        st = refuse(c, NDUPES_ERR_PARSE, "a final sketch of the distributed steps, not one of "
                    "'ndupes sketch'");
    else if (strcmp(mine, s.info.settings) != 0) {
        snprintf(c->errmsg, sizeof c->errmsg, "made with other settings (%s) than %s (%s)",
                 s.info.settings, c->n ? "the articles read before" : "this ndupes", mine);
        st = NDUPES_ERR_ARG;
    } else if (s.info.shingle < 2 || s.info.shingle > 8)
        st = refuse(c, NDUPES_ERR_PARSE, "a damaged sketch: its shingle size");
    else if (c->n + s.n > (size_t)INT32_MAX)
        st = refuse(c, NDUPES_ERR_ARG, "more than 2^31 articles");
    else if (!nd_corpus_reserve(c, s.n) || !nd_tmap_reserve(&c->names, s.n))
        st = NDUPES_ERR_NOMEM;
    if (st != NDUPES_OK) {
        nd_sketch_free(&s);
        return st;
    }
    c->cfg.shingle = s.info.shingle;
    for (size_t k = 0; k < s.n; k++) {
        nd_sk_article *a = &s.a[k];
        uint64_t key = name_key(a->name);
        uint32_t seen = nd_tmap_get(&c->names, key);
        if (seen && strcmp(c->items[seen - 1].name, a->name) == 0) {
            say_dup(c, a->name);
            nd_free(a->name);
            nd_fp_free(&a->fp);
            continue;
        }
        if (!seen)
            nd_tmap_add(&c->names, key, (uint32_t)c->n + 1); /* room was reserved */
        c->items[c->n] = (item){.name = a->name, .mtime = a->mtime, .first_seen = c->now,
                                .size = a->size, .chash = a->chash, .is_new = true};
        c->fps[c->n++] = a->fp;
        c->stats.articles++;
        c->stats.bytes += a->size;
    }
    nd_free(s.a);
    c->stats.t_read += nd_now() - t0;
    return NDUPES_OK;
}
