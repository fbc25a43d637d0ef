/*
 * test_output.c - the writer (src/run/output.c): JSON string escaping, and the groups in
 * every output format.
 *
 * JSON output is checked by a small strict JSON parser written here (RFC 8259: no raw
 * control characters in strings, valid UTF-8, \u escapes with surrogate pairs), so a
 * string passes only if it parses and decodes to the expected text.  The groups come from
 * a small corpus of generated articles whose names hold a quote, a tab, a newline and a
 * backslash; the expected output of each format is written out here.
 */
#define _GNU_SOURCE /* open_memstream */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ndupes.h"

/* ---- capturing output ---- */

typedef struct capture {
    FILE *f;
    char *buf;
    size_t len;
} capture;

static void cap_open(capture *c)
{
    c->buf = NULL;
    c->len = 0;
    c->f = open_memstream(&c->buf, &c->len);
    assert_non_null(c->f);
}

static void cap_close(capture *c)
{
    assert_int_equal(fclose(c->f), 0);
    c->f = NULL;
}

/* ---- a strict JSON parser ---- */

typedef enum { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ } jtype;

typedef struct jv {
    jtype t;
    double num;
    char *str; /* J_STR: decoded UTF-8 (may hold NULs) */
    size_t slen;
    struct jv *items; /* J_ARR, J_OBJ (values) */
    char **keys;      /* J_OBJ */
    size_t n;
} jv;

typedef struct jp {
    const unsigned char *s;
    size_t i, len;
    int err;
} jp;

static void ws(jp *p)
{
    while (p->i < p->len && (p->s[p->i] == ' ' || p->s[p->i] == '\t' || p->s[p->i] == '\n' ||
                             p->s[p->i] == '\r'))
        p->i++;
}

static void put_cp(char **b, size_t *n, size_t *cap, uint32_t c)
{
    if (*n + 5 > *cap) {
        *cap = (*cap + 5) * 2;
        *b = realloc(*b, *cap);
    }
    char *d = *b + *n;
    if (c < 0x80) {
        d[0] = (char)c;
        *n += 1;
    } else if (c < 0x800) {
        d[0] = (char)(0xC0 | c >> 6);
        d[1] = (char)(0x80 | (c & 0x3F));
        *n += 2;
    } else if (c < 0x10000) {
        d[0] = (char)(0xE0 | c >> 12);
        d[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        d[2] = (char)(0x80 | (c & 0x3F));
        *n += 3;
    } else {
        d[0] = (char)(0xF0 | c >> 18);
        d[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        d[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        d[3] = (char)(0x80 | (c & 0x3F));
        *n += 4;
    }
}

/* Strict UTF-8: the length of the sequence at s, or 0. */
static size_t utf8_len(const unsigned char *s, size_t avail, uint32_t *cp)
{
    unsigned char c = s[0];
    size_t n;
    uint32_t v, min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if ((c & 0xE0) == 0xC0) {
        n = 2, v = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        n = 3, v = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        n = 4, v = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (avail < n)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = v << 6 | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

static int hex4(jp *p, uint32_t *v)
{
    if (p->i + 4 > p->len)
        return 0;
    *v = 0;
    for (int k = 0; k < 4; k++) {
        int c = p->s[p->i++];
        if (!isxdigit(c))
            return 0;
        *v = *v * 16 + (uint32_t)(isdigit(c) ? c - '0' : tolower(c) - 'a' + 10);
    }
    return 1;
}

static char *jstring(jp *p, size_t *outlen)
{
    if (p->i >= p->len || p->s[p->i] != '"') {
        p->err = 1;
        return NULL;
    }
    p->i++;
    char *b = NULL;
    size_t n = 0, capb = 0;
    put_cp(&b, &n, &capb, 0); /* allocate */
    n = 0;
    while (!p->err) {
        if (p->i >= p->len) {
            p->err = 1;
            break;
        }
        unsigned char c = p->s[p->i];
        if (c == '"') {
            p->i++;
            break;
        }
        if (c < 0x20) { /* raw control characters are not allowed */
            p->err = 1;
            break;
        }
        if (c == '\\') {
            p->i++;
            if (p->i >= p->len) {
                p->err = 1;
                break;
            }
            char e = (char)p->s[p->i++];
            uint32_t v;
            switch (e) {
            case '"': put_cp(&b, &n, &capb, '"'); break;
            case '\\': put_cp(&b, &n, &capb, '\\'); break;
            case '/': put_cp(&b, &n, &capb, '/'); break;
            case 'b': put_cp(&b, &n, &capb, '\b'); break;
            case 'f': put_cp(&b, &n, &capb, '\f'); break;
            case 'n': put_cp(&b, &n, &capb, '\n'); break;
            case 'r': put_cp(&b, &n, &capb, '\r'); break;
            case 't': put_cp(&b, &n, &capb, '\t'); break;
            case 'u':
                if (!hex4(p, &v)) {
                    p->err = 1;
                    break;
                }
                if (v >= 0xD800 && v <= 0xDBFF) {
                    uint32_t lo;
                    if (p->i + 2 > p->len || p->s[p->i] != '\\' || p->s[p->i + 1] != 'u') {
                        p->err = 1;
                        break;
                    }
                    p->i += 2;
                    if (!hex4(p, &lo) || lo < 0xDC00 || lo > 0xDFFF) {
                        p->err = 1;
                        break;
                    }
                    v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
                } else if (v >= 0xDC80 && v <= 0xDCFF) {
                    /* A lone low surrogate U+DC80..U+DCFF is a byte that was not UTF-8
                     * (surrogateescape): decoded as Python's os.fsencode does. */
                    put_cp(&b, &n, &capb, 0);
                    b[n - 1] = (char)(v & 0xFF);
                    break;
                } else if (v >= 0xDC00 && v <= 0xDFFF) {
                    p->err = 1;
                    break;
                }
                put_cp(&b, &n, &capb, v);
                break;
            default:
                p->err = 1;
            }
            continue;
        }
        uint32_t cp;
        size_t l = utf8_len(p->s + p->i, p->len - p->i, &cp);
        if (!l) { /* the output must be valid UTF-8 */
            p->err = 1;
            break;
        }
        put_cp(&b, &n, &capb, cp);
        p->i += l;
    }
    if (p->err) {
        free(b);
        return NULL;
    }
    b[n] = '\0';
    *outlen = n;
    return b;
}

static void jfree(jv *v)
{
    free(v->str);
    for (size_t i = 0; i < v->n; i++) {
        jfree(&v->items[i]);
        if (v->keys)
            free(v->keys[i]);
    }
    free(v->items);
    free(v->keys);
    memset(v, 0, sizeof *v);
}

static void jvalue(jp *p, jv *v, int depth);

static void jpush(jv *v, jv *item, char *key)
{
    v->items = realloc(v->items, (v->n + 1) * sizeof *v->items);
    v->items[v->n] = *item;
    if (v->t == J_OBJ) {
        v->keys = realloc(v->keys, (v->n + 1) * sizeof *v->keys);
        v->keys[v->n] = key;
    }
    v->n++;
}

static void jvalue(jp *p, jv *v, int depth)
{
    memset(v, 0, sizeof *v);
    ws(p);
    if (p->i >= p->len || depth > 32) {
        p->err = 1;
        return;
    }
    unsigned char c = p->s[p->i];
    if (c == '{' || c == '[') {
        v->t = c == '{' ? J_OBJ : J_ARR;
        p->i++;
        ws(p);
        if (p->i < p->len && p->s[p->i] == (c == '{' ? '}' : ']')) {
            p->i++;
            return;
        }
        for (;;) {
            char *key = NULL;
            if (v->t == J_OBJ) {
                size_t kl;
                ws(p);
                key = jstring(p, &kl);
                ws(p);
                if (p->err || p->i >= p->len || p->s[p->i] != ':') {
                    free(key);
                    p->err = 1;
                    return;
                }
                p->i++;
            }
            jv item;
            jvalue(p, &item, depth + 1);
            jpush(v, &item, key);
            if (p->err)
                return;
            ws(p);
            if (p->i < p->len && p->s[p->i] == ',') {
                p->i++;
                continue;
            }
            if (p->i < p->len && p->s[p->i] == (c == '{' ? '}' : ']')) {
                p->i++;
                return;
            }
            p->err = 1;
            return;
        }
    }
    if (c == '"') {
        v->t = J_STR;
        v->str = jstring(p, &v->slen);
        return;
    }
    if (c == '-' || isdigit(c)) {
        v->t = J_NUM;
        char tmp[64];
        size_t k = 0;
        while (p->i < p->len && k < 63 && strchr("+-0123456789.eE", p->s[p->i]))
            tmp[k++] = (char)p->s[p->i++];
        tmp[k] = '\0';
        char *end;
        v->num = strtod(tmp, &end);
        if (*end || (tmp[0] == '0' && isdigit((unsigned char)tmp[1])))
            p->err = 1;
        return;
    }
    static const char *const lit[] = {"true", "false", "null"};
    for (int k = 0; k < 3; k++) {
        size_t l = strlen(lit[k]);
        if (p->len - p->i >= l && memcmp(p->s + p->i, lit[k], l) == 0) {
            v->t = k < 2 ? J_BOOL : J_NULL;
            v->num = k == 0;
            p->i += l;
            return;
        }
    }
    p->err = 1;
}

/* Parses exactly one JSON value from s[0..len) (surrounding white space allowed). */
static int jparse(const char *s, size_t len, jv *v)
{
    jp p = {(const unsigned char *)s, 0, len, 0};
    jvalue(&p, v, 0);
    ws(&p);
    if (p.err || p.i != len) {
        jfree(v);
        return 0;
    }
    return 1;
}

static const jv *jget(const jv *o, const char *key)
{
    assert_int_equal(o->t, J_OBJ);
    for (size_t i = 0; i < o->n; i++)
        if (strcmp(o->keys[i], key) == 0)
            return &o->items[i];
    print_message("no key %s\n", key);
    fail();
    return NULL;
}

/* ---- ndupes_json_write_string ---- */

/* Writes s as a JSON string, checks that it parses and decodes to want[0..wlen); when
 * exact is not NULL, also that the output is exactly that text. */
static void check_json(const char *s, size_t len, const char *want, size_t wlen,
                       const char *exact)
{
    capture c;
    cap_open(&c);
    assert_int_equal(ndupes_json_write_string(c.f, s, len), 0);
    cap_close(&c);
    if (exact)
        assert_string_equal(c.buf, exact);
    jv v;
    if (!jparse(c.buf, c.len, &v)) {
        print_message("not valid JSON: %s\n", c.buf);
        fail();
    }
    assert_int_equal(v.t, J_STR);
    assert_int_equal(v.slen, wlen);
    assert_memory_equal(v.str, want, wlen);
    jfree(&v);
    free(c.buf);
}

#define CHECK(in, want, exact) check_json(in, sizeof(in) - 1, want, sizeof(want) - 1, exact)

static void json_plain_text(void **state)
{
    (void)state;
    CHECK("plain/path.txt", "plain/path.txt", "\"plain/path.txt\"");
    CHECK("", "", "\"\"");
}

static void json_quotes_and_backslashes_escaped(void **state)
{
    (void)state;
    CHECK("a\"b\\c", "a\"b\\c", "\"a\\\"b\\\\c\"");
    CHECK("\\\\\"\"", "\\\\\"\"", "\"\\\\\\\\\\\"\\\"\"");
}

static void json_control_characters_escaped(void **state)
{
    (void)state;
    CHECK("\n\t\x01", "\n\t\x01", "\"\\n\\t\\u0001\"");
    CHECK("\b\f\r", "\b\f\r", NULL);
    CHECK("\x0B\x1F\x7F", "\x0B\x1F\x7F", "\"\\u000b\\u001f\\u007f\"");
    /* The C1 controls (U+0080..U+009F; CSI U+009B starts a terminal escape) and the line
     * separators U+2028/U+2029 too, whose UTF-8 is otherwise copied. */
    CHECK("\xC2\x80\xC2\x9B[31m\xC2\x9F", "\xC2\x80\xC2\x9B[31m\xC2\x9F",
          "\"\\u0080\\u009b[31m\\u009f\"");
    CHECK("a\xE2\x80\xA8" "b\xE2\x80\xA9", "a\xE2\x80\xA8" "b\xE2\x80\xA9",
          "\"a\\u2028b\\u2029\"");
    CHECK("\xC2\xA0", "\xC2\xA0", "\"\xC2\xA0\""); /* U+00A0 is no control: copied */
    /* An embedded NUL (the length, not a terminator, bounds the string). */
    CHECK("a\0b", "a\0b", "\"a\\u0000b\"");
}

static void json_valid_utf8_copied(void **state)
{
    (void)state;
    /* é € 😀 U+D7FF U+E000 U+10FFFF */
    CHECK("\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xED\x9F\xBF \xEE\x80\x80 \xF4\x8F\xBF\xBF",
          "\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xED\x9F\xBF \xEE\x80\x80 \xF4\x8F\xBF\xBF",
          "\"\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xED\x9F\xBF \xEE\x80\x80 \xF4\x8F\xBF\xBF\"");
}

static void json_invalid_bytes_become_surrogate_escapes(void **state)
{
    (void)state;
    /* Each byte that is not part of valid UTF-8 becomes \udcXX (Python's surrogateescape),
     * which decodes back to the very byte: the path is recoverable.  (The Latin-1 reading
     * of before, \u00ff for 0xFF, could not be told from a real U+00FF.) */
    CHECK("\xFF", "\xFF", "\"\\udcff\"");
    CHECK("x\xC3", "x\xC3", "\"x\\udcc3\"");             /* lone lead byte at the end */
    CHECK("\xC3" "A", "\xC3" "A", "\"\\udcc3A\"");       /* lead byte without continuation */
    CHECK("\xC0\xAF", "\xC0\xAF", "\"\\udcc0\\udcaf\""); /* overlong '/' */
    CHECK("\xE0\x80\xAF", "\xE0\x80\xAF", NULL);          /* overlong, 3 bytes */
    CHECK("\xED\xA0\x80", "\xED\xA0\x80", NULL);          /* surrogate U+D800 */
    CHECK("\xF4\x90\x80\x80", "\xF4\x90\x80\x80", NULL); /* past U+10FFFF */
    CHECK("\xE2\x82", "\xE2\x82", "\"\\udce2\\udc82\""); /* truncated */
    CHECK("\x80 \xBF", "\x80 \xBF", "\"\\udc80 \\udcbf\""); /* stray continuation bytes */
    CHECK("caf\xE9.txt", "caf\xE9.txt", "\"caf\\udce9.txt\""); /* Latin-1 "cafe" with e-acute */
    /* A real U+00E9 stays itself, unlike the byte 0xE9 above. */
    CHECK("caf\xC3\xA9.txt", "caf\xC3\xA9.txt", "\"caf\xC3\xA9.txt\"");
}

static void json_write_failure_reported(void **state)
{
    (void)state;
    FILE *f = fopen("/dev/null", "r");
    assert_non_null(f);
    assert_int_equal(ndupes_json_write_string(f, "abc", 3), -1);
    fclose(f);
}

/* ---- groups in every format ---- */

static uint64_t rng_state;

static uint64_t rnd(void)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* An article of 6 paragraphs of invented words and function words. */
static char *article(uint64_t seed)
{
    static const char *const syll[] = {"ka", "lo", "mi", "ren", "tas", "vo", "bel", "dun",
                                       "gri", "pha", "sor", "tel", "nu", "qui", "zam", "fe"};
    static const char *const stop[] = {"the", "of", "and", "to", "in", "that", "was", "for"};
    rng_state = seed;
    size_t cap = 8192, len = 0;
    char *s = malloc(cap);
    assert_non_null(s);
    for (int p = 0; p < 6; p++) {
        for (int w = 0; w < 40; w++) {
            char word[16] = "";
            if (w % 2)
                snprintf(word, sizeof word, "%s", stop[rnd() % 8]);
            else
                for (int k = 0; k < 3; k++)
                    strncat(word, syll[rnd() % 16], sizeof word - strlen(word) - 1);
            len += (size_t)snprintf(s + len, cap - len, "%s%s", w ? " " : "", word);
        }
        len += (size_t)snprintf(s + len, cap - len, ".\n\n");
    }
    return s;
}

static const char *const NAME_Q = "a \"quoted\".txt";
static const char *const NAME_T = "a\ttab.txt";
static const char *const NAME_N = "a\nnewline.txt";
static const char *const NAME_B = "back\\slash.txt";

static ndupes_corpus *make_corpus(void)
{
    ndupes_config cfg;
    ndupes_config_init(&cfg);
    cfg.jobs = 1;
    ndupes_status st;
    ndupes_corpus *c = ndupes_corpus_create(&cfg, &st);
    assert_int_equal(st, NDUPES_OK);
    assert_non_null(c);
    char *a = article(1), *b = article(2), *u = article(3);
    /* Story a: four copies, the oldest (the representative) named with quotes. */
    assert_int_equal(ndupes_corpus_add_text(c, NAME_N, a, strlen(a), 300), NDUPES_OK);
    assert_int_equal(ndupes_corpus_add_text(c, "alone.txt", u, strlen(u), 10), NDUPES_OK);
    assert_int_equal(ndupes_corpus_add_text(c, NAME_Q, a, strlen(a), 100), NDUPES_OK);
    assert_int_equal(ndupes_corpus_add_text(c, NAME_B, a, strlen(a), 400), NDUPES_OK);
    assert_int_equal(ndupes_corpus_add_text(c, "b2.txt", b, strlen(b), 60), NDUPES_OK);
    assert_int_equal(ndupes_corpus_add_text(c, NAME_T, a, strlen(a), 200), NDUPES_OK);
    assert_int_equal(ndupes_corpus_add_text(c, "b1.txt", b, strlen(b), 50), NDUPES_OK);
    free(a);
    free(b);
    free(u);
    assert_int_equal(ndupes_corpus_group(c), NDUPES_OK);
    return c;
}

static int setup_corpus(void **state)
{
    *state = make_corpus();
    return 0;
}

static int teardown_corpus(void **state)
{
    ndupes_corpus_free(*state);
    return 0;
}

static char *write_fmt(const ndupes_corpus *c, ndupes_format fmt, int nul, size_t *len)
{
    capture k;
    cap_open(&k);
    assert_int_equal(ndupes_write_groups(c, k.f, fmt, nul), NDUPES_OK);
    cap_close(&k);
    *len = k.len;
    return k.buf;
}

static void corpus_has_the_expected_groups(void **state)
{
    const ndupes_corpus *c = *state;
    assert_int_equal(ndupes_corpus_ngroups(c), 2);
    assert_int_equal(ndupes_group_size(c, 0), 4);
    assert_int_equal(ndupes_group_size(c, 1), 2);
    /* Representative first: the oldest; then by score (all 1) and name. */
    double sc;
    assert_string_equal(ndupes_group_member(c, 0, 0, &sc), NAME_Q);
    assert_float_equal(sc, 1.0, 1e-9);
    assert_string_equal(ndupes_group_member(c, 0, 1, NULL), NAME_T);
    assert_string_equal(ndupes_group_member(c, 0, 2, NULL), NAME_N);
    assert_string_equal(ndupes_group_member(c, 0, 3, NULL), NAME_B);
    assert_string_equal(ndupes_group_member(c, 1, 0, NULL), "b1.txt");
    assert_string_equal(ndupes_group_member(c, 1, 1, NULL), "b2.txt");
    assert_null(ndupes_group_member(c, 0, 4, NULL));
    assert_null(ndupes_group_member(c, 2, 0, NULL));
}

static void text_format_lists_groups_separated_by_blank_lines(void **state)
{
    size_t len;
    char *out = write_fmt(*state, NDUPES_FORMAT_TEXT, 0, &len);
    static const char want[] = "a \"quoted\".txt\na\ttab.txt\na\nnewline.txt\nback\\slash.txt\n"
                               "\nb1.txt\nb2.txt\n";
    assert_int_equal(len, sizeof want - 1);
    assert_memory_equal(out, want, len);
    free(out);
}

static void text_format_with_nul_separates_by_nul(void **state)
{
    size_t len;
    char *out = write_fmt(*state, NDUPES_FORMAT_TEXT, 1, &len);
    static const char want[] = "a \"quoted\".txt\0a\ttab.txt\0a\nnewline.txt\0back\\slash.txt\0"
                               "\0b1.txt\0b2.txt\0";
    assert_int_equal(len, sizeof want - 1);
    assert_memory_equal(out, want, len);
    free(out);
}

static void omit_first_omits_the_representatives(void **state)
{
    size_t len;
    char *out = write_fmt(*state, NDUPES_FORMAT_OMIT_FIRST, 0, &len);
    static const char want[] = "a\ttab.txt\na\nnewline.txt\nback\\slash.txt\nb2.txt\n";
    assert_int_equal(len, sizeof want - 1);
    assert_memory_equal(out, want, len);
    free(out);
    out = write_fmt(*state, NDUPES_FORMAT_OMIT_FIRST, 1, &len);
    static const char want0[] = "a\ttab.txt\0a\nnewline.txt\0back\\slash.txt\0b2.txt\0";
    assert_int_equal(len, sizeof want0 - 1);
    assert_memory_equal(out, want0, len);
    free(out);
}

static void tsv_escapes_tab_newline_and_backslash(void **state)
{
    size_t len;
    char *out = write_fmt(*state, NDUPES_FORMAT_TSV, 0, &len);
    static const char want[] = "1\t1.000\ta \"quoted\".txt\n"
                               "1\t1.000\ta\\ttab.txt\n"
                               "1\t1.000\ta\\nnewline.txt\n"
                               "1\t1.000\tback\\\\slash.txt\n"
                               "2\t1.000\tb1.txt\n"
                               "2\t1.000\tb2.txt\n";
    assert_string_equal(out, want);
    /* Every line has exactly three fields. */
    size_t lines = 0, tabs = 0;
    for (size_t i = 0; i < len; i++) {
        lines += out[i] == '\n';
        tabs += out[i] == '\t';
    }
    assert_int_equal(lines, 6);
    assert_int_equal(tabs, 12);
    free(out);
}

/* Names with every kind of byte a terminal or a TSV reader should not get raw. */
static const char *const ODD[] = {"esc\x1b[31mred.txt", "bell\x07.txt", "del\x7f.txt",
                                  "c1\xc2\x9b.txt", "bad\xff.txt", "ok-\xc3\xa9.txt"};
static const char *const ODD_ESCAPED[] = {"esc\\x1b[31mred.txt", "bell\\x07.txt",
                                          "del\\x7f.txt", "c1\\xc2\\x9b.txt", "bad\\xff.txt",
                                          "ok-\xc3\xa9.txt"};
#define NODD (sizeof ODD / sizeof ODD[0])

static ndupes_corpus *odd_corpus(void)
{
    ndupes_corpus *c = ndupes_corpus_create(NULL, NULL);
    assert_non_null(c);
    char *a = article(1);
    for (size_t i = 0; i < NODD; i++)
        assert_int_equal(ndupes_corpus_add_text(c, ODD[i], a, strlen(a), 100 + (int64_t)i),
                         NDUPES_OK);
    free(a);
    assert_int_equal(ndupes_corpus_group(c), NDUPES_OK);
    assert_int_equal(ndupes_corpus_ngroups(c), 1);
    return c;
}

/* True when out holds no control byte but tab and newline, no DEL, no C1 control and no
 * byte that is not UTF-8. */
static bool clean_bytes(const char *out, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)out[i];
        if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F || c == 0xFF ||
            (c == 0xC2 && i + 1 < len && (unsigned char)out[i + 1] < 0xA0))
            return false;
    }
    return true;
}

static void tsv_escapes_every_control_character(void **state)
{
    (void)state;
    ndupes_corpus *c = odd_corpus();
    size_t len;
    char *out = write_fmt(c, NDUPES_FORMAT_TSV, 0, &len);
    if (!clean_bytes(out, len))
        fail_msg("raw control bytes in TSV: %s", out);
    for (size_t i = 0; i < NODD; i++) {
        char want[64];
        snprintf(want, sizeof want, "\t%s\n", ODD_ESCAPED[i]);
        if (!strstr(out, want))
            fail_msg("TSV lacks [%s]: %s", ODD_ESCAPED[i], out);
    }
    free(out);
    ndupes_corpus_free(c);
}

static void text_escaped_for_a_terminal_raw_otherwise(void **state)
{
    (void)state;
    ndupes_corpus *c = odd_corpus();
    /* Raw (piped: xargs gets the real names). */
    size_t len;
    char *out = write_fmt(c, NDUPES_FORMAT_TEXT, 0, &len);
    for (size_t i = 0; i < NODD; i++) {
        char want[64];
        snprintf(want, sizeof want, "%s\n", ODD[i]);
        if (!strstr(out, want))
            fail_msg("raw text lacks [%s]", ODD_ESCAPED[i]);
    }
    free(out);
    /* Escaped (a terminal), the same for --omit-first. */
    for (int f = 0; f < 2; f++) {
        capture k;
        cap_open(&k);
        assert_int_equal(ndupes_write_groups_flags(c, k.f, f ? NDUPES_FORMAT_OMIT_FIRST
                                                             : NDUPES_FORMAT_TEXT,
                                                   NDUPES_WRITE_ESCAPE),
                         NDUPES_OK);
        cap_close(&k);
        if (!clean_bytes(k.buf, k.len))
            fail_msg("raw control bytes in text for a terminal: %s", k.buf);
        size_t found = 0;
        for (size_t i = 0; i < NODD; i++) {
            char want[64];
            snprintf(want, sizeof want, "%s\n", ODD_ESCAPED[i]);
            found += strstr(k.buf, want) != NULL;
        }
        assert_int_equal(found, f ? NODD - 1 : NODD);
        free(k.buf);
    }
    ndupes_corpus_free(c);
}

static void json_lines_parse_with_escaped_names(void **state)
{
    size_t len;
    char *out = write_fmt(*state, NDUPES_FORMAT_JSON, 0, &len);
    assert_int_equal(strlen(out), len);
    /* One object a line. */
    static const char *const g1[] = {"a \"quoted\".txt", "a\ttab.txt", "a\nnewline.txt",
                                     "back\\slash.txt"};
    static const char *const g2[] = {"b1.txt", "b2.txt"};
    const char *const *want[2] = {g1, g2};
    size_t wn[2] = {4, 2};
    char *line = out;
    for (int g = 0; g < 2; g++) {
        char *nl = strchr(line, '\n');
        assert_non_null(nl);
        jv v;
        if (!jparse(line, (size_t)(nl - line), &v)) {
            print_message("not valid JSON: %.*s\n", (int)(nl - line), line);
            fail();
        }
        assert_int_equal(v.t, J_OBJ);
        const jv *grp = jget(&v, "group");
        assert_int_equal(grp->t, J_NUM);
        assert_float_equal(grp->num, g + 1, 0);
        const jv *rep = jget(&v, "representative");
        assert_int_equal(rep->t, J_STR);
        assert_string_equal(rep->str, want[g][0]);
        const jv *mem = jget(&v, "members");
        assert_int_equal(mem->t, J_ARR);
        assert_int_equal(mem->n, wn[g]);
        for (size_t i = 0; i < mem->n; i++) {
            const jv *path = jget(&mem->items[i], "path");
            assert_int_equal(path->t, J_STR);
            assert_string_equal(path->str, want[g][i]);
            const jv *score = jget(&mem->items[i], "score");
            assert_int_equal(score->t, J_NUM);
            assert_float_equal(score->num, 1.0, 1e-9);
        }
        jfree(&v);
        line = nl + 1;
    }
    assert_int_equal(*line, '\0');
    free(out);
}

static void no_groups_write_nothing(void **state)
{
    (void)state;
    ndupes_corpus *c = ndupes_corpus_create(NULL, NULL);
    assert_non_null(c);
    char *a = article(7);
    assert_int_equal(ndupes_corpus_add_text(c, "one.txt", a, strlen(a), 0), NDUPES_OK);
    free(a);
    assert_int_equal(ndupes_corpus_group(c), NDUPES_OK);
    for (int f = NDUPES_FORMAT_TEXT; f <= NDUPES_FORMAT_OMIT_FIRST; f++) {
        size_t len;
        char *out = write_fmt(c, (ndupes_format)f, 0, &len);
        assert_int_equal(len, 0);
        free(out);
    }
    ndupes_corpus_free(c);
}

static void write_groups_reports_errors(void **state)
{
    const ndupes_corpus *c = *state;
    assert_int_equal(ndupes_write_groups(NULL, stdout, NDUPES_FORMAT_TEXT, 0), NDUPES_ERR_ARG);
    assert_int_equal(ndupes_write_groups(c, NULL, NDUPES_FORMAT_TEXT, 0), NDUPES_ERR_ARG);
    for (int f = NDUPES_FORMAT_TEXT; f <= NDUPES_FORMAT_OMIT_FIRST; f++) {
        FILE *ro = fopen("/dev/null", "r");
        assert_non_null(ro);
        assert_int_equal(ndupes_write_groups(c, ro, (ndupes_format)f, 0), NDUPES_ERR_IO);
        fclose(ro);
    }
}

int main(void)
{
    const struct CMUnitTest json[] = {
        cmocka_unit_test(json_plain_text),
        cmocka_unit_test(json_quotes_and_backslashes_escaped),
        cmocka_unit_test(json_control_characters_escaped),
        cmocka_unit_test(json_valid_utf8_copied),
        cmocka_unit_test(json_invalid_bytes_become_surrogate_escapes),
        cmocka_unit_test(json_write_failure_reported),
        cmocka_unit_test(no_groups_write_nothing),
    };
    const struct CMUnitTest groups[] = {
        cmocka_unit_test_setup_teardown(corpus_has_the_expected_groups, setup_corpus,
                                        teardown_corpus),
        cmocka_unit_test_setup_teardown(text_format_lists_groups_separated_by_blank_lines,
                                        setup_corpus, teardown_corpus),
        cmocka_unit_test_setup_teardown(text_format_with_nul_separates_by_nul, setup_corpus,
                                        teardown_corpus),
        cmocka_unit_test_setup_teardown(omit_first_omits_the_representatives, setup_corpus,
                                        teardown_corpus),
        cmocka_unit_test_setup_teardown(tsv_escapes_tab_newline_and_backslash, setup_corpus,
                                        teardown_corpus),
        cmocka_unit_test_setup_teardown(json_lines_parse_with_escaped_names, setup_corpus,
                                        teardown_corpus),
        cmocka_unit_test(tsv_escapes_every_control_character),
        cmocka_unit_test(text_escaped_for_a_terminal_raw_otherwise),
        cmocka_unit_test_setup_teardown(write_groups_reports_errors, setup_corpus,
                                        teardown_corpus),
    };
    int fails = cmocka_run_group_tests_name("json strings", json, NULL, NULL);
    fails += cmocka_run_group_tests_name("groups", groups, NULL, NULL);
    return fails;
}
