/*
 * output.c - the writer: groups as text (the fdupes convention), JSON Lines, TSV, or the
 * list of non-representatives for `xargs rm`.
 *
 * Paths are bytes, not necessarily UTF-8, and may hold any byte but NUL: a newline, an
 * escape sequence that recolours a terminal, bytes of another encoding.  So:
 *  - JSON escapes every control character (C0, DEL, the C1 controls U+0080..U+009F) and
 *    U+2028/U+2029, and writes each byte that is not part of valid UTF-8 as \udcXX, the
 *    lone surrogate that Python's surrogateescape gives it: the output is valid UTF-8 and
 *    valid JSON, and json.loads(line) then os.fsencode(path) gives the bytes back (a
 *    Latin-1 reading, as before, could not be told from a real U+00XX);
 *  - TSV escapes tab, newline, carriage return and backslash as \t \n \r \\, and every
 *    other control byte, C1 control and byte that is not UTF-8 as \xHH;
 *  - text and --omit-first are raw (so that `xargs -0 rm` gets the real names), unless
 *    the caller asks for NDUPES_WRITE_ESCAPE (the tool does when stdout is a terminal):
 *    then paths are escaped as in TSV.
 * Scores are in [0, 1] whatever the index held.  A writer of a corpus that is interrupted
 * stops between two groups.
 */
#include "corpus.h"

#include <string.h>

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
            uint32_t cp = 0;
            size_t n = nd_utf8_seq(s + i, len - i, &cp);
            if (!n) /* not UTF-8: the byte as a lone surrogate (surrogateescape) */
                r = fprintf(out, "\\udc%02x", c);
            else if (cp <= 0x9F || cp == 0x2028 || cp == 0x2029) /* C1, line separators */
                r = fprintf(out, "\\u%04x", cp);
            else
                r = fwrite(s + i, 1, n, out) == n ? 1 : -1;
            i += n ? n : 1;
        }
        if (r < 0)
            return -1;
    }
    return putc('"', out) == EOF ? -1 : 0;
}

/* Writes a path with control characters, C1 controls, bytes that are not UTF-8 and
 * backslashes escaped (TSV, and text on a terminal). */
static int escaped_path(FILE *out, const char *str)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t len = strlen(str);
    for (size_t i = 0; i < len;) {
        unsigned char c = s[i];
        int r;
        uint32_t cp = c;
        size_t n = c < 0x80 ? 1 : nd_utf8_seq(s + i, len - i, &cp);
        if (c == '\t' || c == '\n' || c == '\r' || c == '\\') {
            r = fprintf(out, "\\%c", c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : '\\');
            i++;
        } else if (c < 0x20 || c == 0x7F || n == 0 || (n == 2 && cp <= 0x9F)) {
            size_t k = n ? n : 1; /* a C1 control: each of its bytes */
            r = 0;
            for (size_t b = 0; b < k && r >= 0; b++)
                r = fprintf(out, "\\x%02x", s[i + b]);
            i += k;
        } else {
            r = fwrite(s + i, 1, n, out) == n ? 1 : -1;
            i += n;
        }
        if (r < 0)
            return -1;
    }
    return 0;
}

/* A score as printed: within [0, 1] (an index may hold anything). */
static double unit(double x)
{
    return x >= 0 && x <= 1 ? x : x > 1 ? 1 : 0;
}

ndupes_status ndupes_write_groups_flags(const ndupes_corpus *c, FILE *out, ndupes_format fmt,
                                        unsigned flags)
{
    if (!c || !out || (unsigned)fmt > NDUPES_FORMAT_OMIT_FIRST)
        return NDUPES_ERR_ARG;
    char end = flags & NDUPES_WRITE_NUL ? '\0' : '\n';
    bool esc = flags & NDUPES_WRITE_ESCAPE;
    int db = ndupes_corpus_has_db(c);
    size_t ng = ndupes_corpus_ngroups(c);
    for (size_t g = 0; g < ng; g++) {
        if (ndupes_corpus_interrupted(c))
            return NDUPES_ERR_INTERRUPTED;
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
            sc = unit(sc);
            switch (fmt) {
            case NDUPES_FORMAT_TEXT:
            case NDUPES_FORMAT_OMIT_FIRST:
                if (fmt == NDUPES_FORMAT_OMIT_FIRST && i == 0)
                    break;
                bad |= (esc ? escaped_path(out, p) != 0 : fputs(p, out) == EOF) ||
                       putc(end, out) == EOF;
                break;
            case NDUPES_FORMAT_TSV:
                bad |= fprintf(out, "%lld\t%.3f\t", (long long)ndupes_group_id(c, g), sc) < 0 ||
                       escaped_path(out, p) != 0 || putc('\n', out) == EOF;
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

ndupes_status ndupes_write_groups(const ndupes_corpus *c, FILE *out, ndupes_format fmt, int nul)
{
    return ndupes_write_groups_flags(c, out, fmt, nul ? NDUPES_WRITE_NUL : 0);
}
