/*
 * reader.c - a page's bytes -> paragraphs, each with its display text, its normalised
 * text and the counts the boilerplate rules use.
 *
 * Paragraphs are found whether a page separates them with blank lines or with single
 * newlines, and hard-wrapped text (lines cut at a fixed width, as in e-mail and some
 * crawls) is re-joined: a page whose lines mostly stop near one width below 100 columns is
 * treated as wrapped, and within a block of lines a paragraph then ends at a line that
 * stops well short of that width.  Otherwise every line is its own paragraph, which is how
 * text scraped from HTML arrives (one line per <p>).
 */
#include "nd_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

typedef struct line {
    uint32_t off, len; /* in the decoded text, without the line end */
    bool blank;
} line;

/* Splits decoded text into lines (\n, \r\n or \r). */
static line *split_lines(const char *s, size_t len, size_t *nout)
{
    size_t cap = 64, n = 0;
    line *v = nd_malloc(cap * sizeof *v);
    if (!v)
        return NULL;
    size_t i = 0;
    while (i < len) {
        size_t st = i;
        const char *nl = memchr(s + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - s) : len;
        const char *cr = memchr(s + i, '\r', end - i);
        if (cr) { /* \r alone ends a line too; \r\n is handled as \n below */
            end = (size_t)(cr - s);
            i = end + 1;
            if (i < len && s[i] == '\n')
                i++;
        } else {
            i = nl ? end + 1 : len;
        }
        size_t e = end;
        while (e > st && (s[e - 1] == ' ' || s[e - 1] == '\t'))
            e--;
        size_t b = st;
        while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\f' || s[b] == '\v'))
            b++;
        if (n == cap) {
            line *t = nd_reallocarray(v, cap * 2, sizeof *v);
            if (!t) {
                nd_free(v);
                return NULL;
            }
            v = t;
            cap *= 2;
        }
        v[n].off = (uint32_t)st;
        v[n].len = (uint32_t)(e - st);
        v[n].blank = b == e;
        n++;
    }
    *nout = n;
    return v;
}

/* The wrap width of a hard-wrapped page, or 0 when the page is not hard-wrapped.  Only
 * lines followed by another non-blank line can show wrapping (a paragraph's last line is
 * short anyway); the page is wrapped when most of them end within 20% of one width. */
static unsigned wrap_width(const char *s, const line *v, size_t n)
{
    unsigned hist[101] = {0};
    size_t inner = 0, longer = 0, ended = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        if (v[i].blank || v[i+1].blank)
            continue;
        inner++;
        ended += v[i].len && strchr(".!?:\"", s[v[i].off + v[i].len - 1]) != NULL;
        if (v[i].len > 100)
            longer++;
        else
            hist[v[i].len]++;
    }
    /* Wrapped lines stop mid-sentence; lines that mostly end sentences are paragraphs. */
    if (inner < 4 || longer * 10 > inner || ended * 2 >= inner)
        return 0;
    /* The width is the 90th percentile of inner line lengths. */
    size_t acc = 0;
    unsigned w = 0;
    for (unsigned L = 0; L <= 100; L++) {
        acc += hist[L];
        if (acc * 10 >= inner * 9) {
            w = L;
            break;
        }
    }
    if (w < 40)
        return 0;
    size_t near = 0;
    for (unsigned L = w * 8 / 10; L <= w; L++)
        near += hist[L];
    return near * 10 >= inner * 6 ? w : 0;
}

/* Adds one paragraph made of lines [a, b) to doc. */
static bool add_para(ndupes_doc *doc, const char *s, const line *v, size_t a, size_t b,
                     nd_buf *tmp)
{
    /* A paragraph of one line (the common case) is cleaned where it stands; the lines of
     * a longer one are joined first (nd_clean turns the line ends into spaces). */
    const char *src = s + v[a].off;
    size_t srclen = v[a].len;
    if (b - a > 1) {
        tmp->len = 0;
        for (size_t i = a; i < b; i++) {
            if (!nd_buf_add(tmp, s + v[i].off, v[i].len) || !nd_buf_addc(tmp, '\n'))
                return false;
        }
        src = tmp->p;
        srclen = tmp->len;
    }
    size_t toff = doc->text.len;
    if (!nd_clean(src, srclen, &doc->text))
        return false;
    size_t tlen = doc->text.len - toff;
    if (tlen == 0)
        return true;
    if (!nd_buf_addc(&doc->text, '\0'))
        return false;
    size_t noff = doc->norm.len;
    nd_caps caps = {0};
    if (!nd_normalize_counts(doc->text.p + toff, tlen, &doc->norm, &caps))
        return false;
    size_t nlen = doc->norm.len - noff;
    if (!nd_buf_addc(&doc->norm, '\0'))
        return false;
    if (doc->n == doc->cap) {
        size_t nc = doc->cap ? doc->cap * 2 : 32;
        nd_para_rec *r = nd_reallocarray(doc->recs, nc, sizeof *r);
        if (!r)
            return false;
        doc->recs = r;
        doc->cap = nc;
    }
    nd_para_rec *p = &doc->recs[doc->n];
    memset(p, 0, sizeof *p);
    p->text_off = (uint32_t)toff;
    p->text_len = (uint32_t)tlen;
    p->norm_off = (uint32_t)noff;
    p->norm_len = (uint32_t)nlen;
    p->line = (uint32_t)a + 1;
    p->hash = XXH3_64bits(doc->norm.p + noff, nlen);
    p->detail = "";
    size_t nt = nd_tokenize(doc->norm.p + noff, nlen, &doc->toks, &doc->tokcap, doc->ntoks);
    if (nt == SIZE_MAX)
        return false;
    p->words = (uint32_t)nt;
    p->tok_first = (uint32_t)doc->ntoks;
    for (size_t i = doc->ntoks; i < doc->ntoks + nt; i++) {
        p->stop += doc->toks[i].stop;
        doc->toks[i].off += (uint32_t)noff; /* from the start of doc->norm */
    }
    doc->ntoks += nt;
    /* Capitalisation of the display text: headlines and menus are in Title or UPPER case. */
    p->letters = caps.letters;
    p->upper = caps.upper;
    p->caps_words = caps.caps_words;
    doc->n++;
    return true;
}

static ndupes_status parse(const char *buf, size_t len, const ndupes_config *cfg,
                           ndupes_doc *doc)
{
    if (len && nd_looks_binary((const unsigned char *)buf, len))
        return NDUPES_ERR_BINARY;
    nd_buf dec = {0}, tmp = {0};
    size_t nl = 0;
    line *v = NULL;
    ndupes_status st = NDUPES_ERR_NOMEM;
    if (!nd_decode(buf, len, &dec, &doc->cp1252))
        goto out;
    if (dec.len > UINT32_MAX / 2) {
        st = NDUPES_ERR_TOOBIG;
        goto out;
    }
    /* The cleaned and normalised texts are at most about as long as the page. */
    if (!nd_buf_reserve(&doc->text, dec.len + 16) || !nd_buf_reserve(&doc->norm, dec.len + 16))
        goto out;
    v = split_lines(dec.p, dec.len, &nl);
    if (!v)
        goto out;
    unsigned w = wrap_width(dec.p, v, nl);
    for (size_t i = 0; i < nl;) {
        if (v[i].blank) {
            i++;
            continue;
        }
        size_t j = i + 1;
        if (w) { /* join until a blank line or a line that stops short of the width */
            size_t k = i;
            while (k + 1 < nl && !v[k + 1].blank && v[k].len >= w * 7 / 10)
                k++;
            j = k + 1;
        }
        if (!add_para(doc, dec.p, v, i, j, &tmp))
            goto out;
        i = j;
    }
    /* doc->norm has stopped moving: point the tokens into it. */
    for (size_t k = 0; k < doc->ntoks; k++)
        doc->toks[k].s = doc->norm.p + doc->toks[k].off;
    if (!nd_boilerplate_classify(doc, cfg))
        goto out;
    st = NDUPES_OK;
out:
    nd_free(v);
    nd_buf_free(&dec);
    nd_buf_free(&tmp);
    return st;
}

ndupes_status ndupes_doc_parse(const void *buf, size_t len, const ndupes_config *cfg,
                               ndupes_doc **out)
{
    if (!out || (!buf && len))
        return NDUPES_ERR_ARG;
    *out = NULL;
    ndupes_config def;
    if (!cfg) {
        ndupes_config_init(&def);
        cfg = &def;
    }
    ndupes_doc *doc = nd_calloc(1, sizeof *doc);
    if (!doc)
        return NDUPES_ERR_NOMEM;
    ndupes_status st = parse(buf ? buf : "", len, cfg, doc);
    if (st != NDUPES_OK) {
        ndupes_doc_free(doc);
        return st;
    }
    *out = doc;
    return NDUPES_OK;
}

ndupes_status ndupes_doc_read(const char *path, const ndupes_config *cfg, ndupes_doc **out)
{
    if (!path || !out)
        return NDUPES_ERR_ARG;
    *out = NULL;
    ndupes_config def;
    if (!cfg) {
        ndupes_config_init(&def);
        cfg = &def;
    }
    char *buf = NULL;
    size_t len = 0;
    int64_t mt;
    uint64_t dev, ino;
    ndupes_status st = nd_read_file(path, cfg->max_size, &buf, &len, &mt, &dev, &ino);
    if (st != NDUPES_OK)
        return st;
    st = ndupes_doc_parse(buf, len, cfg, out);
    int e = errno;
    nd_free(buf);
    errno = e;
    return st;
}

size_t ndupes_doc_count(const ndupes_doc *doc)
{
    return doc ? doc->n : 0;
}

const ndupes_para *ndupes_doc_para(const ndupes_doc *doc, size_t i)
{
    if (!doc || i >= doc->n)
        return NULL;
    ndupes_doc *d = (ndupes_doc *)doc; /* the view is a cache, built on first use */
    if (!d->view) {
        d->view = nd_calloc(d->n, sizeof *d->view);
        if (!d->view)
            return NULL;
        for (size_t k = 0; k < d->n; k++) {
            const nd_para_rec *r = &d->recs[k];
            d->view[k] = (ndupes_para){d->text.p + r->text_off, d->norm.p + r->norm_off,
                                       r->line, r->words, r->reason, r->detail};
        }
    }
    return &d->view[i];
}

int ndupes_doc_was_cp1252(const ndupes_doc *doc)
{
    return doc ? doc->cp1252 : 0;
}

void ndupes_doc_free(ndupes_doc *doc)
{
    if (!doc)
        return;
    nd_buf_free(&doc->text);
    nd_buf_free(&doc->norm);
    nd_free(doc->toks);
    nd_free(doc->recs);
    nd_free(doc->view);
    nd_free(doc);
}
