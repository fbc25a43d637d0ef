/*
 * reader.c - a page's bytes -> paragraphs, each with its display text, its normalised
 * text and the counts the boilerplate rules use.
 *
 * Paragraphs are found whether a page separates them with blank lines or with single
 * newlines, and hard-wrapped text (lines cut at a fixed width, as w3m and lynx render pages,
 * html2text extracts them, e-mail wraps them) is re-joined.  Widths are display columns,
 * not bytes: an umlaut is one column, a Chinese character two.  A page is wrapped when most
 * of its long lines were broken for want of room, i.e. the next line's first word (or
 * first character, in scripts written without spaces) would not have fitted within the
 * page's width; such lines are joined, and a paragraph ends at a line that had room left,
 * a blank line or a list item.  Otherwise every line is its own paragraph, which is how
 * text scraped from HTML arrives (one line per <p>).
 */
#include "nd_read.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
/* Inlined: hashed once a line and once a paragraph. */
#define XXH_INLINE_ALL
#include <xxhash.h>

#define WRAP_SLACK 2 /* columns a wrapper may leave unused at the end of a line */

typedef struct line {
    uint32_t off, len; /* in the decoded text, without the line end */
    uint16_t width;    /* display columns, indentation included (capped at MAX_COLS + 1) */
    uint16_t first;    /* display columns of the line's first word (of its first
                          character in scripts written without spaces) */
    bool blank;
    bool item;         /* starts with a list mark: never the continuation of a line */
    bool cjk_start, cjk_end; /* starts / ends with a character of a script written
                                without spaces: joined to such a line without a space */
    bool trunc;        /* ends with an ellipsis: a teaser cut short, never continued */
} line;

#define MAX_COLS 250 /* wider lines are not hard-wrapped text */
#define MAX_LINES 1000000 /* lines read of a page, at most (with NDUPES_MAX_PARAGRAPHS) */

/* Display width of the code point at s (1 for ASCII; 2 for wide CJK; 0 for combining
 * marks), and its length in *n. */
static unsigned cp_width(const unsigned char *s, size_t avail, size_t *n, int32_t *cpo)
{
    if (s[0] < 0x80) {
        *n = 1;
        *cpo = s[0];
        return 1;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate(s, (utf8proc_ssize_t)avail, &cp);
    if (k <= 0) {
        *n = 1;
        *cpo = -1;
        return 1;
    }
    *n = (size_t)k;
    *cpo = cp;
    return (unsigned)utf8proc_charwidth(cp);
}

/* True for the code points of scripts written without spaces between words (Han, kana,
 * Thai, Lao, Khmer, Myanmar): a line may break after any of them. */
static bool unspaced_cp(int32_t c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0x0E00 && c <= 0x0EFF) || (c >= 0x1000 && c <= 0x109F) ||
           (c >= 0x1780 && c <= 0x17FF) || (c >= 0x20000 && c <= 0x3FFFF) ||
           (c >= 0xFF00 && c <= 0xFFEF);
}

/* List marks as text browsers render them: *, +, -, o (lynx), bullets, "1." and "12)". */
static bool list_mark(const unsigned char *s, size_t len)
{
    if (len < 2)
        return false;
    if ((s[0] == '*' || s[0] == '+' || s[0] == '-' || s[0] == 'o' || s[0] == '#') && s[1] == ' ')
        return true;
    if (len >= 3 && ((s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0xA2) || /* bullet */
                     (s[0] == 0xE2 && s[1] == 0x97 && (s[2] == 0x8F || s[2] == 0xA6)) ||
                     (s[0] == 0xE2 && s[1] == 0x96 && (s[2] == 0xAA || s[2] == 0xA0)) ||
                     (s[0] == 0xC2 && s[1] == 0xB7)))
        return true;
    size_t d = 0;
    while (d < len && d < 3 && s[d] >= '0' && s[d] <= '9')
        d++;
    return d > 0 && d + 1 < len && (s[d] == '.' || s[d] == ')') && s[d + 1] == ' ';
}

/* Measures one line: its width in columns and the width of its first word.  b is the
 * offset of its first non-blank byte. */
static void measure(const char *str, line *l, size_t b)
{
    const unsigned char *s = (const unsigned char *)str + l->off;
    size_t len = l->len, skip = b - l->off;
    /* Most lines are ASCII without tabs: one column a byte. */
    unsigned char any = 0;
    for (size_t i = 0; i < len; i++) /* vectorises */
        any |= s[i];
    if (!(any & 0x80) && !memchr(s, '\t', len)) {
        const unsigned char *sp = memchr(s + skip, ' ', len - skip);
        size_t fw = sp ? (size_t)(sp - (s + skip)) : len - skip;
        l->width = (uint16_t)(len > MAX_COLS ? MAX_COLS + 1 : len);
        l->first = (uint16_t)(fw > MAX_COLS ? MAX_COLS : fw);
        l->item = list_mark(s + skip, len - skip);
        return;
    }
    unsigned w = 0, first = 0;
    size_t n;
    int32_t cp;
    if (!memchr(s, '\t', len)) {
        /* Without tabs, by the bytes alone: a column for each character (every byte but
         * UTF-8 continuation bytes), one more for the wide ones (lead bytes E3-ED: kana,
         * Han, Hangul; F0: ideographs and emoji past U+FFFF), none for the common
         * combining accents (U+0300-U+033F, lead byte CC).  Counted in byte-sized blocks
         * so that the loop vectorises. */
        for (size_t i = 0; i < len;) {
            size_t e = len - i > 255 ? i + 255 : len;
            uint8_t chars = 0, wide = 0, marks = 0;
            for (; i < e; i++) {
                uint8_t c = s[i];
                chars += (uint8_t)((c & 0xC0) != 0x80);
                wide += (uint8_t)(((uint8_t)(c - 0xE3) <= 0x0A) | (c == 0xF0));
                marks += (uint8_t)(c == 0xCC);
            }
            w += (unsigned)chars + wide - marks;
        }
    } else {
        for (size_t i = 0; i < len && w <= MAX_COLS; i += n) {
            n = 1;
            if (s[i] < 0x80)
                w += s[i] == '\t' ? 8 - (w & 7) : 1;
            else
                w += cp_width(s + i, len - i, &n, &cp);
        }
    }
    /* The first word: up to a space, or one character of a script without spaces. */
    for (size_t i = skip; i < len && s[i] != ' ' && s[i] != '\t'; i += n) {
        unsigned cw = cp_width(s + i, len - i, &n, &cp);
        first += cw;
        if (i == skip)
            l->cjk_start = unspaced_cp(cp);
        if (l->cjk_start)
            break;
    }
    size_t e = len; /* the last character */
    while (e > skip + 1 && (s[e - 1] & 0xC0) == 0x80)
        e--;
    if (e > skip && s[e - 1] >= 0x80) {
        cp_width(s + e - 1, len - (e - 1), &n, &cp);
        l->cjk_end = unspaced_cp(cp);
    }
    l->width = (uint16_t)(w > MAX_COLS ? MAX_COLS + 1 : w);
    l->first = (uint16_t)(first > MAX_COLS ? MAX_COLS : first);
    l->item = list_mark(s + skip, len - skip);
}

/* Splits decoded text into lines (\n, \r\n or \r). */
static line *split_lines(const char *s, size_t len, size_t *nout, int *cut)
{
    size_t cap = 64, n = 0;
    line *v = nd_malloc(cap * sizeof *v);
    if (!v)
        return NULL;
    size_t i = 0;
    while (i < len) {
        if (n == MAX_LINES) { /* the rest of a page of a million lines is not read */
            *cut = 1;
            break;
        }
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
        v[n] = (line){.off = (uint32_t)st, .len = (uint32_t)(e - st), .blank = b == e};
        if (b < e)
            measure(s, &v[n], b);
        v[n].trunc = (e - b >= 3 && memcmp(s + e - 3, "...", 3) == 0) ||
                     (e - b >= 3 && memcmp(s + e - 3, "\xE2\x80\xA6", 3) == 0);
        n++;
    }
    *nout = n;
    return v;
}

/* The wrap width of a hard-wrapped page in display columns, or 0 when the page is not
 * hard-wrapped.  Only lines followed by another non-blank line can show wrapping (a
 * paragraph's last line is short anyway).  A line of x columns followed by a first word of
 * f columns was broken for want of room at any width W from x to x + f (plus a little
 * slack), and is a long line of text at widths up to 4x/3: the width is the W at which the
 * most lines were broken, and the page is wrapped when most of its long lines were.  A
 * menu or a table wider than the text does not move the width. */
static unsigned wrap_width(const char *s, const line *v, size_t n, uint64_t *seen, size_t slots)
{
    int broken[MAX_COLS + 3] = {0}, longish[MAX_COLS + 3] = {0}; /* difference arrays */
    size_t inner = 0, ended = 0, wide = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        if (v[i].blank || v[i + 1].blank || v[i + 1].item || v[i].trunc)
            continue;
        /* A line the page repeats (a caption under every picture, a menu) votes once. */
        uint64_t h = XXH3_64bits(s + v[i].off, v[i].len) | 1;
        size_t k = (size_t)(h >> 7) & (slots - 1);
        while (seen[k] && seen[k] != h)
            k = (k + 1) & (slots - 1);
        if (seen[k])
            continue;
        seen[k] = h;
        inner++;
        ended += v[i].len && strchr(".!?:\"", s[v[i].off + v[i].len - 1]) != NULL;
        unsigned x = v[i].width;
        if (x > MAX_COLS) {
            wide++;
            continue;
        }
        unsigned top = x * 4 / 3 < MAX_COLS ? x * 4 / 3 : MAX_COLS;
        unsigned reach = x + v[i + 1].first + WRAP_SLACK;
        longish[x]++;
        longish[top + 1]--;
        broken[x]++;
        broken[(reach < top ? reach : top) + 1]--;
    }
    /* Wrapped lines stop mid-sentence; lines that mostly end sentences are paragraphs. */
    if (inner < 4 || wide * 10 > inner || ended * 2 >= inner)
        return 0;
    int b = 0, l = 0, best = 0, best_long = 0;
    unsigned w = 0;
    for (unsigned W = 0; W <= MAX_COLS; W++) {
        b += broken[W];
        l += longish[W];
        if (W >= 30 && b > best) {
            best = b;
            best_long = l;
            w = W;
        }
    }
    return best >= 4 && best * 10 >= best_long * 7 ? w : 0;
}

/* The bytes of s that are syntax of program code and markup, rare in prose. */
static uint32_t code_bytes(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    uint32_t n = 0;
    for (size_t i = 0; i < len;) {
        /* Comparisons into a byte-sized count over blocks of 255: the loop vectorises. */
        size_t e = len - i > 255 ? i + 255 : len;
        uint8_t b = 0;
        for (; i < e; i++) {
            unsigned char c = s[i];
            b += (uint8_t)((c == '{') | (c == '}') | (c == '[') | (c == ']') | (c == '=') |
                           (c == ';') | (c == '<') | (c == '>') | (c == '|') | (c == '\\'));
        }
        n += b;
    }
    return n;
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
            size_t o = v[i].off, e = o + v[i].len;
            while (i > a && o < e && (s[o] == ' ' || s[o] == '\t'))
                o++; /* the indentation of a continuation line */
            if (!nd_buf_add(tmp, s + o, e - o))
                return false;
            /* Chinese, Japanese or Thai wrapped mid-sentence: no space where it broke. */
            bool glue = i + 1 < b && v[i].cjk_end && v[i + 1].cjk_start;
            if (!glue && !nd_buf_addc(tmp, '\n'))
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
    p->code = code_bytes(doc->norm.p + noff, nlen);
    p->detail = "";
    size_t nt = nd_tokenize(doc->norm.p + noff, nlen, &doc->toks, &doc->tokcap, doc->ntoks,
                            doc->scripts);
    if (nt == SIZE_MAX)
        return false;
    p->words = (uint32_t)nt;
    p->tok_first = (uint32_t)doc->ntoks;
    uint32_t units = 0;
    for (size_t i = doc->ntoks; i < doc->ntoks + nt; i++) {
        units += doc->toks[i].unit;
        doc->toks[i].off += (uint32_t)noff; /* from the start of doc->norm */
    }
    p->wl = (units + ND_UNIT / 2) / ND_UNIT;
    doc->ntoks += nt;
    /* Capitalisation of the display text: headlines and menus are in Title or UPPER case. */
    p->letters = caps.letters;
    p->upper = caps.upper;
    p->caps_words = caps.caps_words;
    doc->n++;
    return true;
}

static ndupes_status parse(const char *buf, size_t len, const ndupes_config *cfg, bool labels,
                           ndupes_doc *doc)
{
    if (len && nd_looks_binary((const unsigned char *)buf, len))
        return NDUPES_ERR_BINARY;
    nd_buf dec = {0}, tmp = {0};
    size_t nl = 0;
    line *v = NULL;
    uint64_t *seen = NULL;
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
    v = split_lines(dec.p, dec.len, &nl, &doc->cut);
    if (!v)
        goto out;
    size_t slots = 64;
    while (slots < 2 * nl)
        slots *= 2;
    seen = nd_calloc(slots, sizeof *seen);
    if (!seen)
        goto out;
    unsigned w = wrap_width(dec.p, v, nl, seen, slots);
    for (size_t i = 0; i < nl;) {
        if (v[i].blank) {
            i++;
            continue;
        }
        /* A page past the limits is cut: its memory stays bounded whatever the file. */
        if (doc->n >= NDUPES_MAX_PARAGRAPHS || doc->ntoks >= NDUPES_MAX_TOKENS) {
            doc->cut = 1;
            break;
        }
        size_t j = i + 1;
        if (w) { /* join while a line was broken because the next word did not fit */
            size_t k = i;
            while (k + 1 < nl && !v[k + 1].blank && !v[k + 1].item && !v[k].trunc &&
                   v[k].width <= w &&
                   v[k].width + 1u + v[k + 1].first + WRAP_SLACK > w)
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
    /* The page's language, then each paragraph's function words in that language. */
    nd_lang_detect(doc);
    for (size_t i = 0; i < doc->n && doc->lang >= 0; i++) {
        nd_para_rec *p = &doc->recs[i];
        for (size_t k = p->tok_first; k < p->tok_first + p->words; k++)
            p->stop += nd_stop_in(doc->toks[k].stop, doc->lang);
    }
    if (!nd_boilerplate_classify(doc, cfg, labels))
        goto out;
    st = NDUPES_OK;
out:
    nd_free(v);
    nd_free(seen);
    nd_buf_free(&dec);
    nd_buf_free(&tmp);
    return st;
}

ndupes_status ndupes_doc_parse(const void *buf, size_t len, const ndupes_config *cfg,
                               ndupes_doc **out)
{
    return nd_doc_parse(buf, len, cfg, true, out);
}

ndupes_status nd_doc_parse(const void *buf, size_t len, const ndupes_config *cfg, bool labels,
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
    ndupes_status st = parse(buf ? buf : "", len, cfg, labels, doc);
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

int ndupes_doc_was_cut(const ndupes_doc *doc)
{
    return doc ? doc->cut : 0;
}

int ndupes_doc_was_cp1252(const ndupes_doc *doc)
{
    return doc ? doc->cp1252 : 0;
}

ndupes_status ndupes_doc_language(const ndupes_doc *doc, ndupes_lang_info *out)
{
    if (!doc || !out)
        return NDUPES_ERR_ARG;
    *out = (ndupes_lang_info){.code = nd_lang_code(doc->lang), .name = "unknown",
                              .script = nd_script_name(doc->why.script),
                              .by_script = doc->why.by_script, .hits = doc->why.hits,
                              .second = doc->why.second};
    if (doc->lang >= 0)
        out->name = nd_lang_name(doc->lang);
    return NDUPES_OK;
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
