/*
 * output.c - the writer: groups as text (the fdupes convention), JSON Lines, TSV, or the
 * list of non-representatives for `xargs rm`.
 *
 * Paths are bytes, not necessarily UTF-8, and may hold any character but NUL.  JSON
 * escapes them so that the output is always valid JSON and valid UTF-8: an invalid byte
 * becomes \u00XX, its Latin-1 reading (the path cannot then be recovered byte-exactly from
 * JSON; scripts that need exact bytes use the -0 text or --omit-first outputs).  TSV
 * escapes tab, newline, carriage return and backslash as \t \n \r \\.
 */
#include "nd_internal.h"

#include <string.h>

/* Length of the valid UTF-8 sequence at s, or 0. */
static size_t valid_seq(const unsigned char *s, size_t avail)
{
    unsigned char c = s[0];
    size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (n == 0 || avail < n)
        return 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    if (c == 0xE0 && s[1] < 0xA0)
        return 0; /* overlong */
    if (c == 0xED && s[1] >= 0xA0)
        return 0; /* surrogate */
    if (c == 0xF0 && s[1] < 0x90)
        return 0; /* overlong */
    if (c == 0xF4 && s[1] >= 0x90)
        return 0; /* past U+10FFFF */
    return n;
}

int ndupes_json_write_string(FILE *out, const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    if (putc('"', out) == EOF)
        return -1;
    for (size_t i = 0; i < len;) {
        unsigned char c = s[i];
        int r = 0;
        if (c == '"' || c == '\\') {
            r = fprintf(out, "\\%c", c);
            i++;
        } else if (c < 0x20 || c == 0x7F) {
            static const char esc[] = "btn\0fr";
            if (c >= 8 && c <= 13 && c != 11 && esc[c - 8])
                r = fprintf(out, "\\%c", esc[c - 8]);
            else
                r = fprintf(out, "\\u%04x", c);
            i++;
        } else if (c < 0x80) {
            r = putc(c, out) == EOF ? -1 : 1;
            i++;
        } else {
            size_t n = valid_seq(s + i, len - i);
            if (n) {
                r = fwrite(s + i, 1, n, out) == n ? 1 : -1;
                i += n;
            } else {
                r = fprintf(out, "\\u%04x", c);
                i++;
            }
        }
        if (r < 0)
            return -1;
    }
    return putc('"', out) == EOF ? -1 : 0;
}

static int tsv_path(FILE *out, const char *s)
{
    for (; *s; s++) {
        int r;
        switch (*s) {
        case '\t': r = fputs("\\t", out); break;
        case '\n': r = fputs("\\n", out); break;
        case '\r': r = fputs("\\r", out); break;
        case '\\': r = fputs("\\\\", out); break;
        default: r = putc(*s, out); break;
        }
        if (r == EOF)
            return -1;
    }
    return 0;
}

ndupes_status ndupes_write_groups(const ndupes_corpus *c, FILE *out, ndupes_format fmt, int nul)
{
    if (!c || !out)
        return NDUPES_ERR_ARG;
    char end = nul ? '\0' : '\n';
    int db = ndupes_corpus_has_db(c);
    size_t ng = ndupes_corpus_ngroups(c);
    for (size_t g = 0; g < ng; g++) {
        size_t k = ndupes_group_size(c, g);
        int bad = 0;
        if (fmt == NDUPES_FORMAT_TEXT && g > 0)
            bad |= putc(end, out) == EOF;
        if (fmt == NDUPES_FORMAT_JSON) {
            double sc;
            const char *rep = ndupes_group_member(c, g, 0, &sc);
            bad |= fprintf(out, "{\"group\": %lld, \"representative\": ",
                           (long long)ndupes_group_id(c, g)) < 0;
            bad |= ndupes_json_write_string(out, rep, strlen(rep)) != 0;
            bad |= fputs(", \"members\": [", out) == EOF;
        }
        for (size_t i = 0; i < k && !bad; i++) {
            double sc;
            const char *p = ndupes_group_member(c, g, i, &sc);
            switch (fmt) {
            case NDUPES_FORMAT_TEXT:
                bad |= fputs(p, out) == EOF || putc(end, out) == EOF;
                break;
            case NDUPES_FORMAT_OMIT_FIRST:
                if (i > 0)
                    bad |= fputs(p, out) == EOF || putc(end, out) == EOF;
                break;
            case NDUPES_FORMAT_TSV:
                bad |= fprintf(out, "%lld\t%.3f\t", (long long)ndupes_group_id(c, g), sc) < 0 ||
                       tsv_path(out, p) != 0 ||
                       putc('\n', out) == EOF;
                break;
            case NDUPES_FORMAT_JSON:
                bad |= fputs(i ? ", {\"path\": " : "{\"path\": ", out) == EOF;
                bad |= ndupes_json_write_string(out, p, strlen(p)) != 0;
                bad |= fprintf(out, ", \"score\": %.3f", sc) < 0;
                if (db)
                    bad |= fprintf(out, ", \"new\": %s",
                                   ndupes_group_member_is_new(c, g, i) ? "true" : "false") < 0;
                bad |= putc('}', out) == EOF;
                break;
            }
        }
        if (fmt == NDUPES_FORMAT_JSON)
            bad |= fputs("]}\n", out) == EOF;
        if (bad || ferror(out))
            return NDUPES_ERR_IO;
    }
    return NDUPES_OK;
}
