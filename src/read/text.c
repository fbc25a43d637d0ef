/*
 * text.c - from raw bytes to the text the rest of the pipeline reads.
 *
 * Three steps, each a pass over the bytes:
 *   nd_decode     bytes -> valid UTF-8.  Valid sequences are kept; every byte that is not
 *                 part of a valid sequence is read as Windows-1252 (the usual encoding of
 *                 pages that are not UTF-8), so no input is ever rejected for its encoding.
 *   nd_clean      one paragraph -> display text: HTML entities left in the text decoded,
 *                 typographic quotes, dashes, ellipses and odd spaces mapped to one ASCII
 *                 form, white space collapsed.  Quotes must have one form because the
 *                 fingerprinter finds direct quotes by their quote marks.
 *   nd_normalize  display text -> NFKC, case-folded text for fingerprints (utf8proc).  Most
 *                 news text is ASCII; that path lower-cases bytes without calling utf8proc.
 */
#include "nd_read.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Windows-1252 bytes 0x80..0x9F; 0 marks the five undefined bytes (read as a space). */
static const uint16_t cp1252_hi[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

bool nd_looks_binary(const unsigned char *buf, size_t len)
{
    static const struct {
        const char *m;
        size_t n;
    } magic[] = {
        /* clang-format off */
        {"\x89PNG", 4}, {"GIF8", 4},     {"\xFF\xD8\xFF", 3}, {"%PDF-", 5},  {"\x7F" "ELF", 4},
        {"PK\x03\x04", 4}, {"\x1F\x8B", 2}, {"BZh", 3},        {"\xFD" "7zXZ", 5}, {"RIFF", 4},
        {"\x28\xB5\x2F\xFD", 4}, {"SQLite format 3", 15}, {"\xCA\xFE\xBA\xBE", 4},
        /* clang-format on */
    };
    for (size_t i = 0; i < sizeof magic / sizeof magic[0]; i++)
        if (len >= magic[i].n && memcmp(buf, magic[i].m, magic[i].n) == 0)
            return true;
    size_t n = len < 8192 ? len : 8192;
    size_t nul = 0, ctl = 0;
    for (size_t i = 0; i < n;) {
        /* Byte-sized counts over blocks of 255 bytes: comparisons only, so the inner loop
         * vectorises. */
        size_t e = n - i > 255 ? i + 255 : n;
        uint8_t bn = 0, bc = 0;
        for (; i < e; i++) {
            uint8_t c = buf[i];
            bn += c == 0;
            bc += ((c < 0x20) & (c != 0) & (c != '\t') & (c != '\n') & (c != '\r') &
                   (c != '\f') & (c != '\v') & (c != 0x1B)) | (c == 0x7F);
        }
        nul += bn;
        ctl += bc;
    }
    /* A few stray NULs or control bytes in a page are noise; many are a binary file.
     * Random bytes are about 10% control bytes and 0.4% NULs, so the bar is at 5%. */
    return n > 0 && (nul * 100 > n * 1 || (nul + ctl) * 100 > n * 5);
}

/* The end of the run of ASCII bytes from s[i] (of NUL-free ASCII when nonul), eight bytes
 * at a time. */
static size_t ascii_end(const unsigned char *s, size_t i, size_t len, bool nonul)
{
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    for (; i + 8 <= len; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        uint64_t zero = nonul ? (x - ones) & ~x & highs : 0; /* some byte is 0 */
        if ((x & highs) | zero)
            break;
    }
    while (i < len && s[i] < 0x80 && (s[i] != 0 || !nonul))
        i++;
    return i;
}

bool nd_decode(const char *buf, size_t len, nd_buf *out, int *cp1252)
{
    const unsigned char *s = (const unsigned char *)buf;
    size_t i = 0;
    *cp1252 = 0;
    if (!nd_buf_reserve(out, len + len / 8 + 16))
        return false;
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        i = 3;
    while (i < len) {
        /* ASCII fast path: copy a run of plain bytes at once. */
        size_t j = ascii_end(s, i, len, true);
        if (j > i) {
            if (!nd_buf_add(out, s + i, j - i))
                return false;
            i = j;
            continue;
        }
        uint32_t cp;
        size_t n = s[i] ? nd_utf8_seq(s + i, len - i, &cp) : 0;
        if (s[i] == 0) {
            if (!nd_buf_addc(out, ' '))
                return false;
            i++;
        } else if (n) {
            if (!nd_buf_add(out, s + i, n))
                return false;
            i += n;
        } else {
            unsigned char c = s[i++];
            *cp1252 = 1;
            cp = c >= 0xA0 ? c : cp1252_hi[c - 0x80];
            if (!nd_utf8_put(out, cp ? cp : ' '))
                return false;
        }
    }
    if (!out->p && !nd_buf_reserve(out, 1))
        return false;
    out->p[out->len] = '\0';
    return true;
}

/* Named HTML entities that survive in scraped text; numeric ones are decoded generally. */
static const struct {
    const char *name;
    uint32_t cp;
} entities[] = {
    /* clang-format off */
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},     {"apos", '\''},
    {"nbsp", 0xA0},    {"mdash", 0x2014}, {"ndash", 0x2013}, {"hellip", 0x2026},
    {"rsquo", 0x2019}, {"lsquo", 0x2018}, {"rdquo", 0x201D}, {"ldquo", 0x201C},
    {"laquo", 0xAB},   {"raquo", 0xBB},   {"copy", 0xA9},    {"reg", 0xAE},     {"trade", 0x2122},
    {"pound", 0xA3},   {"euro", 0x20AC},  {"eacute", 0xE9},  {"egrave", 0xE8},  {"aacute", 0xE1},
    {"agrave", 0xE0},  {"ouml", 0xF6},    {"uuml", 0xFC},    {"auml", 0xE4},    {"ccedil", 0xE7},
    {"iacute", 0xED},  {"oacute", 0xF3},  {"uacute", 0xFA},  {"ntilde", 0xF1},  {"szlig", 0xDF},
    {"middot", 0xB7},  {"bull", 0x2022},  {"deg", 0xB0},     {"shy", 0xAD},     {"thinsp", 0x2009},
    /* clang-format on */
};

/* Decodes an entity at s ('&' ... ';'); returns its length, or 0 when it is not one. */
static size_t entity(const char *s, size_t avail, uint32_t *cp)
{
    size_t max = avail < 12 ? avail : 12;
    size_t semi = 1;
    while (semi < max && s[semi] != ';')
        semi++;
    if (semi >= max || semi < 2)
        return 0;
    if (s[1] == '#') {
        uint32_t v = 0;
        size_t i = 2;
        int hex = i < semi && (s[i] == 'x' || s[i] == 'X');
        if (hex)
            i++;
        if (i == semi)
            return 0;
        for (; i < semi; i++) {
            char c = s[i];
            int d = c >= '0' && c <= '9'                ? c - '0'
                    : hex && c >= 'a' && c <= 'f'       ? c - 'a' + 10
                    : hex && c >= 'A' && c <= 'F'       ? c - 'A' + 10
                                                        : -1;
            if (d < 0 || v > 0x10FFFF)
                return 0;
            v = v * (hex ? 16 : 10) + (uint32_t)d;
        }
        if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
            return 0;
        *cp = v;
        return semi + 1;
    }
    for (size_t e = 0; e < sizeof entities / sizeof entities[0]; e++) {
        size_t n = strlen(entities[e].name);
        if (n == semi - 1 && memcmp(s + 1, entities[e].name, n) == 0) {
            *cp = entities[e].cp;
            return semi + 1;
        }
    }
    return 0;
}

/* The ASCII form of typographic code points: ' " - ... or a space; NULL to keep c.
 * Zero-width characters map to "" (dropped). */
static const char *typo_map(uint32_t c)
{
    /* clang-format off */
    switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
        return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
    case 0x2033: case 0x301D: case 0x301E:
        return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
        return "-";
    case 0x2026:
        return "...";
    case 0x00A0: case 0x2000: case 0x2001: case 0x2002: case 0x2003: case 0x2004: case 0x2005:
    case 0x2006: case 0x2007: case 0x2008: case 0x2009: case 0x200A: case 0x202F: case 0x205F:
    case 0x3000: case 0x2028: case 0x2029: case 0x0085:
        return " ";
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0x00AD:
        return "";
    default:
        return NULL;
    }
    /* clang-format on */
}

/* 1: printable ASCII that nd_clean copies as it is (not '&', which may start an entity);
 * 2: the space; 0: anything else. */
static const uint8_t plain[256] = {
    [' '] = 2,
#define ND_P8(x) [x] = 1, [x + 1] = 1, [x + 2] = 1, [x + 3] = 1, [x + 4] = 1, [x + 5] = 1, \
                 [x + 6] = 1, [x + 7] = 1
    [0x21] = 1, [0x22] = 1, [0x23] = 1, [0x24] = 1, [0x25] = 1, [0x27] = 1, ND_P8(0x28),
    ND_P8(0x30), ND_P8(0x38), ND_P8(0x40), ND_P8(0x48), ND_P8(0x50), ND_P8(0x58), ND_P8(0x60),
    ND_P8(0x68), ND_P8(0x70), [0x78] = 1, [0x79] = 1, [0x7A] = 1, [0x7B] = 1, [0x7C] = 1,
    [0x7D] = 1, [0x7E] = 1,
#undef ND_P8
};

/* True when the eight bytes at u are all plain (printable ASCII, not '&') with no space
 * after a space, u[-1] included: the test of the copy loop below, a word at a time. */
static bool plain8(const unsigned char *u)
{
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull,
                   lows = 0x7F7F7F7F7F7F7F7Full;
    uint64_t x;
    memcpy(&x, u, 8);
    if ((x | (x + ones)) & highs) /* a byte of 0x7F or more */
        return false;
    if ((x - ones * 0x20) & ~x & highs) /* a control byte (below the space) */
        return false;
    uint64_t amp = x ^ (ones * '&');
    if ((amp - ones) & ~amp & highs)
        return false;
    uint64_t t = x ^ (ones * ' '), sp = ~(((t & lows) + lows) | t | lows); /* 0x80: a space */
    return !(sp & (sp << 8)) && !(u[0] == ' ' && u[-1] == ' ');
}

bool nd_clean(const char *s, size_t len, nd_buf *out)
{
    const unsigned char *u = (const unsigned char *)s;
    bool space = true; /* suppress leading white space */
    size_t start = out->len;
    if (!nd_buf_reserve(out, len + 1))
        return false;
    for (size_t i = 0; i < len;) {
        unsigned char c = u[i];
        uint32_t cp;
        size_t n = 1;
        if (plain[c] == 1 || (plain[c] == 2 && !space)) {
            /* A run of printable ASCII with single spaces: copied at once. */
            size_t j = i + 1;
            while (j + 8 <= len && plain8(u + j))
                j += 8;
            while (j < len && (plain[u[j]] == 1 || (plain[u[j]] == 2 && u[j - 1] != ' ')))
                j++;
            memcpy(out->p + out->len, s + i, j - i);
            out->len += j - i;
            space = u[j - 1] == ' ';
            i = j;
            continue;
        }
        if (c < 0x80 && c != '&') {
            if (c <= ' ' || c == 0x7F) {
                if (!space && !nd_buf_addc(out, ' '))
                    return false;
                space = true;
            } else {
                if (!nd_buf_addc(out, (char)c))
                    return false;
                space = false;
            }
            i++;
            continue;
        }
        if (c == '&') {
            n = entity(s + i, len - i, &cp);
            if (n == 0) {
                n = 1;
                cp = '&';
            }
        } else {
            n = nd_utf8_seq(u + i, len - i, &cp);
            if (n == 0) { /* nd_decode made the text valid; be safe anyway */
                n = 1;
                cp = ' ';
            }
        }
        i += n;
        const char *m = cp < 0x80 ? NULL : typo_map(cp);
        if (cp == '\'' || cp == '"' || (m && *m && *m != ' ')) {
            const char *t = m ? m : (cp == '"' ? "\"" : "'");
            if (!nd_buf_add(out, t, strlen(t)))
                return false;
            space = false;
        } else if (m && *m == ' ') {
            if (!space && !nd_buf_addc(out, ' '))
                return false;
            space = true;
        } else if (m) {
            /* zero-width: dropped */
        } else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
            if (!space && !nd_buf_addc(out, ' '))
                return false;
            space = true;
        } else {
            if (!nd_utf8_put(out, cp))
                return false;
            space = false;
        }
    }
    while (out->len > start && out->p[out->len - 1] == ' ')
        out->len--;
    out->p[out->len] = '\0';
    return true;
}

/* NFKC and case folding of one run of text through utf8proc, appended to out. */
static bool map_run(const char *s, size_t len, nd_buf *out)
{
    utf8proc_uint8_t *dst = NULL;
    utf8proc_ssize_t n =
        utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &dst,
                     UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                         UTF8PROC_IGNORE);
    if (n < 0) {
        free(dst);
        /* Invalid input cannot happen after nd_decode; keep the text rather than fail. */
        return nd_buf_add(out, s, len);
    }
    /* NFKC may produce typographic forms again (e.g. fullwidth quotes): clean the run. */
    bool ok = nd_clean((const char *)dst, (size_t)n, out);
    free(dst);
    return ok;
}

/* How many bytes of m (each 0x80 or 0) are set. */
static inline uint32_t bytes_set(uint64_t m)
{
    return (uint32_t)(((m >> 7) * 0x0101010101010101ull) >> 56);
}

/* Lower-cases the ASCII bytes s[0..n) into d, counting capitals for the boilerplate rules:
 * letters, upper-case letters, and capitals that start a word (follow a non-letter).
 * prev is the byte before s[0] (' ' at the start).  Eight bytes at a time where the byte
 * order lets a shift find each byte's predecessor (little-endian), then byte by byte. */
static void lower_count(const char *s, size_t n, char *d, nd_caps *k, unsigned char prev)
{
    const unsigned char *u = (const unsigned char *)s;
    uint32_t letters = 0, upper = 0, caps = 0;
    size_t i = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    uint64_t prev_letter = ((prev | 32u) - 'a' < 26u) ? 0x80 : 0; /* as byte 0's flag */
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, u + i, 8); /* ASCII: no byte reaches 0x80, so no sum below carries */
        uint64_t up = (x + ones * (0x80 - 'A')) & ~(x + ones * (0x80 - 'Z' - 1)) & highs;
        uint64_t lo = (x + ones * (0x80 - 'a')) & ~(x + ones * (0x80 - 'z' - 1)) & highs;
        uint64_t let = up | lo, y = x | (up >> 2); /* 'A' + 0x20 = 'a' */
        memcpy(d + i, &y, 8);
        letters += bytes_set(let);
        upper += bytes_set(up);
        caps += bytes_set(up & ~((let << 8) | prev_letter)); /* a capital after no letter */
        prev_letter = let >> 56;
    }
#endif
    for (; i < n; i++) {
        unsigned c = u[i], up = c - 'A' < 26u, before = i ? u[i - 1] : prev;
        d[i] = (char)(c + (up << 5));
        letters += up | (c - 'a' < 26u);
        upper += up;
        caps += up & ((before | 32u) - 'a' >= 26u);
    }
    if (k) {
        k->letters += letters;
        k->upper += upper;
        k->caps_words += caps;
    }
}

bool nd_normalize(const char *s, size_t len, nd_buf *out)
{
    return nd_normalize_counts(s, len, out, NULL);
}

bool nd_normalize_counts(const char *s, size_t len, nd_buf *out, nd_caps *caps)
{
    if (!nd_buf_reserve(out, len))
        return false;
    /* ASCII is lower-cased byte by byte; only runs of other characters go to utf8proc,
     * each with the ASCII character before it, which combining marks may attach to
     * ("e" + U+0301 composes to "é").  A page is mostly ASCII, so utf8proc sees a few
     * characters per paragraph instead of all of them. */
    size_t i = 0;
    while (i < len) {
        size_t j = ascii_end((const unsigned char *)s, i, len, false);
        size_t base = j < len && j > i ? j - 1 : j; /* keep a base letter for the run */
        if (!nd_buf_reserve(out, j - i))
            return false;
        lower_count(s + i, base - i, out->p + out->len, caps, i ? (unsigned char)s[i - 1] : ' ');
        out->len += base - i;
        out->p[out->len] = '\0';
        if (j >= len) {
            if (base < j) {
                lower_count(s + base, 1, out->p + out->len, caps,
                            base ? (unsigned char)s[base - 1] : ' ');
                out->len++;
            }
            out->p[out->len] = '\0';
            break;
        }
        if (base < j) { /* counted here; mapped with the run below */
            char dummy;
            lower_count(s + base, 1, &dummy, caps, base ? (unsigned char)s[base - 1] : ' ');
        }
        size_t e = j;
        while (e < len && (unsigned char)s[e] >= 0x80)
            e++;
        /* A space may have been collapsed at the run's edge: map_run cleans, which trims
         * white space, so put back the separators the run had around it. */
        bool lead = base < j && s[base] == ' ';
        size_t from = lead ? j : base;
        if (lead && !nd_buf_addc(out, ' '))
            return false;
        if (!map_run(s + from, e - from, out))
            return false;
        if (e < len && s[e] == ' ' && !nd_buf_addc(out, ' '))
            return false;
        i = e < len && s[e] == ' ' ? e + 1 : e;
    }
    if (!nd_buf_reserve(out, 0))
        return false;
    out->p[out->len] = '\0';
    return true;
}
