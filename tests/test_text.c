/*
 * test_text.c - the reader's decoding and normalisation (src/read/text.c, src/read/reader.c).
 *
 * Every test feeds bytes to ndupes_doc_parse and checks the paragraphs it returns: the
 * display text (decoded, typographic marks mapped, white space collapsed), the normalised
 * text (NFKC, case folded) and the line each paragraph starts on.  The expected strings
 * are written out by hand here, never taken from the program's output.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nd_internal.h"

/* Parses len bytes of s, asserting success. */
static ndupes_doc *parse_n(const char *s, size_t len)
{
    ndupes_doc *doc = NULL;
    assert_int_equal(ndupes_doc_parse(s, len, NULL, &doc), NDUPES_OK);
    assert_non_null(doc);
    return doc;
}

static ndupes_doc *parse(const char *s)
{
    return parse_n(s, strlen(s));
}

static const ndupes_para *para(const ndupes_doc *doc, size_t i)
{
    const ndupes_para *p = ndupes_doc_para(doc, i);
    assert_non_null(p);
    return p;
}

/* ---- decoding ---- */

static void utf8_is_kept_as_is(void **state)
{
    (void)state;
    /* café, naïve, Zürich, Москва, 東京, an emoji: all valid UTF-8. */
    const char *s = "Caf\xC3\xA9 na\xC3\xAFve Z\xC3\xBCrich \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2"
                    "\xD0\xB0 \xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9F\x98\x80";
    ndupes_doc *doc = parse(s);
    assert_int_equal(ndupes_doc_count(doc), 1);
    assert_string_equal(para(doc, 0)->text, s);
    assert_int_equal(ndupes_doc_was_cp1252(doc), 0);
    ndupes_doc_free(doc);
}

static void cp1252_curly_quotes_and_e_acute(void **state)
{
    (void)state;
    /* 0x93 0x94: Windows-1252 curly double quotes, mapped to ASCII "; 0xE9: e acute. */
    ndupes_doc *doc = parse("\x93" "Bonjour" "\x94" ", dit le caf\xE9.");
    assert_int_equal(ndupes_doc_was_cp1252(doc), 1);
    assert_int_equal(ndupes_doc_count(doc), 1);
    assert_string_equal(para(doc, 0)->text, "\"Bonjour\", dit le caf\xC3\xA9.");
    assert_string_equal(para(doc, 0)->norm, "\"bonjour\", dit le caf\xC3\xA9.");
    ndupes_doc_free(doc);
}

static void cp1252_single_quotes_dashes_euro(void **state)
{
    (void)state;
    /* 0x91 0x92 single quotes, 0x96 en dash, 0x97 em dash, 0x85 ellipsis, 0x80 euro. */
    ndupes_doc *doc = parse("\x91" "it" "\x92" "s 10" "\x96" "20 " "\x97" " 5" "\x80" "\x85");
    assert_int_equal(ndupes_doc_was_cp1252(doc), 1);
    assert_string_equal(para(doc, 0)->text, "'it's 10-20 - 5\xE2\x82\xAC...");
    ndupes_doc_free(doc);
}

static void mixed_utf8_with_stray_byte_keeps_valid_sequences(void **state)
{
    (void)state;
    /* Valid "é" and "€" in UTF-8, then a stray 0xE9 (not followed by continuation
     * bytes): only the stray byte is read as Windows-1252. */
    ndupes_doc *doc = parse("caf\xC3\xA9 5\xE2\x82\xAC and \xE9t\xE9 too");
    assert_int_equal(ndupes_doc_was_cp1252(doc), 1);
    assert_string_equal(para(doc, 0)->text, "caf\xC3\xA9 5\xE2\x82\xAC and \xC3\xA9t\xC3\xA9 too");
    ndupes_doc_free(doc);
}

static void truncated_and_invalid_sequences_read_as_cp1252(void **state)
{
    (void)state;
    /* A lone lead byte at the end (0xC3 = Ã), an overlong encoding of '/' (0xC0 0xAF =
     * À ¯), and a UTF-8-encoded surrogate (0xED 0xA0 0x80 = í, U+00A0 NBSP -> space, 0x80
     * = €): each byte decoded on its own. */
    ndupes_doc *doc = parse("x \xC0\xAF y \xED\xA0\x80 z \xC3");
    assert_int_equal(ndupes_doc_was_cp1252(doc), 1);
    assert_string_equal(para(doc, 0)->text,
                        "x \xC3\x80\xC2\xAF y \xC3\xAD \xE2\x82\xAC z \xC3\x83");
    ndupes_doc_free(doc);
}

static void nd_decode_maps_undefined_cp1252_bytes_to_space(void **state)
{
    (void)state;
    nd_buf out = {0};
    int cp = -1;
    /* 0x81 is undefined in Windows-1252. */
    assert_true(nd_decode("a\x81" "b", 3, &out, &cp));
    assert_int_equal(cp, 1);
    assert_string_equal(out.p, "a b");
    nd_buf_free(&out);
    assert_true(nd_decode("plain", 5, &out, &cp));
    assert_int_equal(cp, 0);
    assert_string_equal(out.p, "plain");
    nd_buf_free(&out);
}

static void bom_is_dropped(void **state)
{
    (void)state;
    ndupes_doc *doc = parse("\xEF\xBB\xBF" "Hello world, this is a page.");
    assert_int_equal(ndupes_doc_count(doc), 1);
    assert_string_equal(para(doc, 0)->text, "Hello world, this is a page.");
    assert_int_equal(ndupes_doc_was_cp1252(doc), 0);
    ndupes_doc_free(doc);
}

/* A text of about 400 bytes with two NUL bytes in it: still text, NULs become spaces. */
static void two_nuls_are_still_text_and_become_spaces(void **state)
{
    (void)state;
    char buf[512];
    const char *a = "The council met on Monday evening to discuss the new budget for the coming "
                    "year, and members of the public were invited to speak about the plans.";
    const char *b = "Several residents said that the proposed cuts to the library would hurt "
                    "families who rely on it for internet access and for help with homework.";
    size_t la = strlen(a), lb = strlen(b);
    memcpy(buf, a, la);
    buf[la] = '\0';
    memcpy(buf + la + 1, b, lb);
    buf[la + 1 + lb] = '\0';
    memcpy(buf + la + 2 + lb, "End.", 4);
    size_t len = la + lb + 6;
    ndupes_doc *doc = parse_n(buf, len);
    assert_int_equal(ndupes_doc_count(doc), 1);
    char expect[512];
    snprintf(expect, sizeof expect, "%s %s End.", a, b);
    assert_string_equal(para(doc, 0)->text, expect);
    ndupes_doc_free(doc);
}

/* ---- binary detection ---- */

static void png_magic_is_binary(void **state)
{
    (void)state;
    static const char png[] = "\x89PNG\r\n\x1A\n rest of the file looks like text, but it is not";
    ndupes_doc *doc = (ndupes_doc *)1;
    assert_int_equal(ndupes_doc_parse(png, sizeof png - 1, NULL, &doc), NDUPES_ERR_BINARY);
    assert_null(doc);
}

static void elf_magic_is_binary(void **state)
{
    (void)state;
    static const char elf[] = "\x7F" "ELF\x02\x01\x01 and then some text to make it longer";
    ndupes_doc *doc = NULL;
    assert_int_equal(ndupes_doc_parse(elf, sizeof elf - 1, NULL, &doc), NDUPES_ERR_BINARY);
    assert_null(doc);
}

static void many_nuls_are_binary(void **state)
{
    (void)state;
    /* UTF-16LE "Hello world" repeated: every other byte a NUL. */
    char buf[400];
    for (size_t i = 0; i < sizeof buf; i += 2) {
        buf[i] = "Hello world "[(i / 2) % 12];
        buf[i + 1] = '\0';
    }
    ndupes_doc *doc = NULL;
    assert_int_equal(ndupes_doc_parse(buf, sizeof buf, NULL, &doc), NDUPES_ERR_BINARY);
    assert_null(doc);
    assert_true(nd_looks_binary((const unsigned char *)buf, sizeof buf));
}

static void plain_text_is_not_binary(void **state)
{
    (void)state;
    const char *s = "Just a line of text.\r\nWith\ttabs and a form feed\f.\n";
    assert_false(nd_looks_binary((const unsigned char *)s, strlen(s)));
}

static void empty_page_has_no_paragraphs(void **state)
{
    (void)state;
    ndupes_doc *doc = NULL;
    assert_int_equal(ndupes_doc_parse(NULL, 0, NULL, &doc), NDUPES_OK);
    assert_non_null(doc);
    assert_int_equal(ndupes_doc_count(doc), 0);
    assert_null(ndupes_doc_para(doc, 0));
    ndupes_doc_free(doc);
    doc = parse(" \n\n\t\r\n  \n");
    assert_int_equal(ndupes_doc_count(doc), 0);
    ndupes_doc_free(doc);
}

static void bad_arguments_are_refused(void **state)
{
    (void)state;
    ndupes_doc *doc = NULL;
    assert_int_equal(ndupes_doc_parse("x", 1, NULL, NULL), NDUPES_ERR_ARG);
    assert_int_equal(ndupes_doc_parse(NULL, 5, NULL, &doc), NDUPES_ERR_ARG);
    ndupes_doc_free(NULL);
    assert_int_equal(ndupes_doc_count(NULL), 0);
    assert_null(ndupes_doc_para(NULL, 0));
}

/* ---- normalisation ---- */

static void fullwidth_is_folded_to_ascii(void **state)
{
    (void)state;
    /* ＡＢＣ１２３ (U+FF21.., U+FF11..) */
    ndupes_doc *doc = parse("\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93");
    assert_string_equal(para(doc, 0)->norm, "abc123");
    /* The display text keeps the original characters. */
    assert_string_equal(para(doc, 0)->text,
                        "\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93");
    ndupes_doc_free(doc);
}

static void sharp_s_is_case_folded_to_ss(void **state)
{
    (void)state;
    ndupes_doc *doc = parse("Die Stra\xC3\x9F" "e ist LANG");
    assert_string_equal(para(doc, 0)->norm, "die strasse ist lang");
    ndupes_doc_free(doc);
}

static void ligature_fi_is_decomposed(void **state)
{
    (void)state;
    ndupes_doc *doc = parse("\xEF\xAC\x81nal of\xEF\xAC\x81" "ce");
    assert_string_equal(para(doc, 0)->norm, "final office");
    ndupes_doc_free(doc);
}

static void non_ascii_letters_are_lowercased(void **state)
{
    (void)state;
    /* ÉCOLE ÀÖ МОСКВА -> école àö москва */
    ndupes_doc *doc = parse("\xC3\x89" "COLE \xC3\x80\xC3\x96 \xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90");
    assert_string_equal(para(doc, 0)->norm,
                        "\xC3\xA9" "cole \xC3\xA0\xC3\xB6 \xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");
    ndupes_doc_free(doc);
}

static void decomposed_accents_are_composed(void **state)
{
    (void)state;
    /* "e" + U+0301 combining acute -> U+00E9 after NFKC. */
    ndupes_doc *doc = parse("Cafe\xCC\x81 au lait");
    assert_string_equal(para(doc, 0)->norm, "caf\xC3\xA9 au lait");
    ndupes_doc_free(doc);
}

static void typographic_marks_are_mapped(void **state)
{
    (void)state;
    /* “Yes” ‘no’ 1–2 a—b wait… x<NBSP>y */
    ndupes_doc *doc = parse("\xE2\x80\x9CYes\xE2\x80\x9D \xE2\x80\x98no\xE2\x80\x99 1\xE2\x80\x93"
                            "2 a\xE2\x80\x94" "b wait\xE2\x80\xA6 x\xC2\xA0y");
    assert_string_equal(para(doc, 0)->text, "\"Yes\" 'no' 1-2 a-b wait... x y");
    assert_string_equal(para(doc, 0)->norm, "\"yes\" 'no' 1-2 a-b wait... x y");
    ndupes_doc_free(doc);
}

static void guillemets_and_low_quotes_become_double_quotes(void **state)
{
    (void)state;
    /* «oui» „ja“ */
    ndupes_doc *doc = parse("\xC2\xABoui\xC2\xBB \xE2\x80\x9Eja\xE2\x80\x9C");
    assert_string_equal(para(doc, 0)->text, "\"oui\" \"ja\"");
    ndupes_doc_free(doc);
}

static void zero_width_characters_are_dropped(void **state)
{
    (void)state;
    /* ZERO WIDTH SPACE and SOFT HYPHEN inside words. */
    ndupes_doc *doc = parse("news\xE2\x80\x8Bpaper in\xC2\xAD" "side");
    assert_string_equal(para(doc, 0)->text, "newspaper inside");
    ndupes_doc_free(doc);
}

static void html_entities_are_decoded(void **state)
{
    (void)state;
    ndupes_doc *doc = parse("Tom &amp; Jerry&#8217;s &#x201C;show&#x201D; &quot;now&quot; &lt;b&gt; "
                            "caf&eacute; &#233;t&#xE9; a&nbsp;b");
    assert_string_equal(para(doc, 0)->text,
                        "Tom & Jerry's \"show\" \"now\" <b> caf\xC3\xA9 \xC3\xA9t\xC3\xA9 a b");
    ndupes_doc_free(doc);
}

static void unknown_or_malformed_entities_are_left_as_is(void **state)
{
    (void)state;
    ndupes_doc *doc = parse("&foo; AT&T &#; &#xZZ; & done &amp");
    assert_string_equal(para(doc, 0)->text, "&foo; AT&T &#; &#xZZ; & done &amp");
    ndupes_doc_free(doc);
}

static void white_space_is_collapsed(void **state)
{
    (void)state;
    ndupes_doc *doc = parse("  lots \t of\x0B   space  \t ");
    assert_string_equal(para(doc, 0)->text, "lots of space");
    ndupes_doc_free(doc);
}

/* Runs of spaces in s[0..n) to one, in place; returns the new length. */
static size_t collapse(char *s, size_t n)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' || (m > 0 && s[m - 1] != ' '))
            s[m++] = s[i];
    return m;
}

/* The decoder and the cleaner scan plain ASCII eight bytes at a time: every byte that ends
 * such a run (a second space, '&', a control byte, DEL, NUL, a multi-byte character) is
 * found at every offset of the word it falls in, and at the run's end.  (The page is long
 * enough for one control byte not to make it binary.) */
static void special_bytes_at_every_offset(void **state)
{
    (void)state;
    static const char base[] = "abcdefghij klmnopqrst uvwxyzabcd efghijklmn opqrstuvwx yzabcdefgh "
                               "ijklmnopqr stuvwxyzab cdefghijkl mnopqrstuv wxyzabcdef ghijkl";
    static const struct {
        const char *in, *out;
        size_t inlen;
    } special[] = {
        {"  ", " ", 2}, {"&amp;", "&", 5}, {"\t", " ", 1}, {"\x7f", " ", 1},
        {"\0", " ", 1}, {"\xc3\xa9", "\xc3\xa9", 2}, {"&", "&", 1}, {"\x1b", " ", 1},
    };
    size_t bl = sizeof base - 1;
    for (size_t s = 0; s < sizeof special / sizeof special[0]; s++)
        for (size_t k = 1; k <= bl; k++) {
            char in[192], want[192];
            size_t ol = strlen(special[s].out);
            memcpy(in, base, k);
            memcpy(in + k, special[s].in, special[s].inlen);
            memcpy(in + k + special[s].inlen, base + k, bl - k);
            memcpy(want, base, k);
            memcpy(want + k, special[s].out, ol);
            memcpy(want + k + ol, base + k, bl - k);
            size_t wl = collapse(want, k + ol + bl - k);
            while (wl && want[wl - 1] == ' ')
                wl--;
            want[wl] = '\0';
            ndupes_doc *doc = parse_n(in, k + special[s].inlen + bl - k);
            assert_int_equal(ndupes_doc_count(doc), 1);
            if (strcmp(para(doc, 0)->text, want) != 0)
                fail_msg("special %zu at %zu: \"%s\", want \"%s\"", s, k, para(doc, 0)->text,
                         want);
            ndupes_doc_free(doc);
        }
}

/* ---- lines and paragraphs ---- */

static void crlf_line_ends(void **state)
{
    (void)state;
    ndupes_doc *doc = parse("First paragraph here.\r\n\r\nSecond paragraph here.\r\n");
    assert_int_equal(ndupes_doc_count(doc), 2);
    assert_string_equal(para(doc, 0)->text, "First paragraph here.");
    assert_string_equal(para(doc, 1)->text, "Second paragraph here.");
    assert_int_equal(para(doc, 0)->line, 1);
    assert_int_equal(para(doc, 1)->line, 3);
    ndupes_doc_free(doc);
}

static void cr_only_line_ends(void **state)
{
    (void)state;
    ndupes_doc *doc = parse("One.\r\rTwo.\rThree.");
    assert_int_equal(ndupes_doc_count(doc), 3);
    assert_string_equal(para(doc, 0)->text, "One.");
    assert_string_equal(para(doc, 1)->text, "Two.");
    assert_string_equal(para(doc, 2)->text, "Three.");
    assert_int_equal(para(doc, 0)->line, 1);
    assert_int_equal(para(doc, 1)->line, 3);
    assert_int_equal(para(doc, 2)->line, 4);
    ndupes_doc_free(doc);
}

static void line_numbers_count_blank_lines(void **state)
{
    (void)state;
    ndupes_doc *doc = parse("\n\nA first line.\n\n\n\nA second line.\nA third line.");
    assert_int_equal(ndupes_doc_count(doc), 3);
    assert_int_equal(para(doc, 0)->line, 3);
    assert_int_equal(para(doc, 1)->line, 7);
    assert_int_equal(para(doc, 2)->line, 8);
    ndupes_doc_free(doc);
}

static const char *const PARAS[] = {
    "The city council met on Monday evening to discuss the new budget for the coming year, "
    "and members of the public were invited to speak about the plans for schools, roads and "
    "the library. Several residents said that the proposed cuts to the library would hurt "
    "families who rely on it for internet access and for help with homework after school "
    "during the week and at weekends.",
    "The mayor said that no final decision had been made and that the council would listen "
    "to every comment before the vote next month. She added that the budget gap was smaller "
    "than in previous years, thanks to higher tax receipts from new businesses in the town "
    "centre, but that some savings would still be needed.",
    "A spokesman for the library workers said they would hold a meeting of their own on "
    "Thursday to decide how to respond, and that a petition against the cuts had already "
    "been signed by more than two thousand people in the first week after it was launched "
    "outside the main branch on the high street.",
};

/* Appends s wrapped greedily at width columns to out; returns the length of the last line. */
static size_t wrap(const char *s, size_t width, char *out, size_t *olen)
{
    size_t col = 0, last = 0;
    const char *p = s;
    while (*p) {
        const char *e = strchr(p, ' ');
        size_t wl = e ? (size_t)(e - p) : strlen(p);
        if (col && col + 1 + wl > width) {
            out[(*olen)++] = '\n';
            col = 0;
        }
        if (col)
            out[(*olen)++] = ' ', col++;
        memcpy(out + *olen, p, wl);
        *olen += wl;
        col += wl;
        last = col;
        p += wl;
        while (*p == ' ')
            p++;
    }
    out[(*olen)++] = '\n';
    out[*olen] = '\0';
    return last;
}

static size_t count_lines(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

static void hard_wrapped_paragraphs_are_joined(void **state)
{
    (void)state;
    char page[4096];
    size_t len = 0;
    unsigned first_line[3];
    for (int i = 0; i < 3; i++) {
        if (i)
            page[len++] = '\n';
        page[len] = '\0';
        first_line[i] = (unsigned)count_lines(page) + 1;
        wrap(PARAS[i], 72, page, &len);
    }
    /* Precondition: the page really is wrapped into several lines per paragraph. */
    assert_true(count_lines(page) >= 14);
    ndupes_doc *doc = parse_n(page, len);
    assert_int_equal(ndupes_doc_count(doc), 3);
    for (int i = 0; i < 3; i++) {
        assert_string_equal(para(doc, (size_t)i)->text, PARAS[i]);
        assert_int_equal(para(doc, (size_t)i)->line, first_line[i]);
    }
    ndupes_doc_free(doc);
}

static void hard_wrapped_paragraphs_without_blank_lines_split_at_short_line(void **state)
{
    (void)state;
    char page[4096];
    size_t len = 0;
    for (int i = 0; i < 3; i++) {
        size_t last = wrap(PARAS[i], 72, page, &len);
        /* Precondition: each paragraph ends in a line well short of the width. */
        assert_true(last < 45);
    }
    ndupes_doc *doc = parse_n(page, len);
    assert_int_equal(ndupes_doc_count(doc), 3);
    for (int i = 0; i < 3; i++)
        assert_string_equal(para(doc, (size_t)i)->text, PARAS[i]);
    ndupes_doc_free(doc);
}

/* Display columns of UTF-8 text: one a code point, two for the wide CJK ones (U+3000 up
 * to U+9FFF, enough for these tests). */
static size_t columns(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        size_t k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        w += (k == 3 && c >= 0xE3 && c <= 0xE9) ? 2 : 1;
        i += k;
    }
    return w;
}

/* As wrap(), but counting display columns, and with `indent` spaces before each line (as
 * lynx renders paragraphs). */
static void wrap_cols(const char *s, size_t width, size_t indent, char *out, size_t *olen)
{
    size_t col = 0;
    const char *p = s;
    while (*p) {
        const char *e = strchr(p, ' ');
        size_t wl = e ? (size_t)(e - p) : strlen(p), ww = columns(p, wl);
        if (col && col + 1 + ww > width) {
            out[(*olen)++] = '\n';
            col = 0;
        }
        if (!col) {
            memset(out + *olen, ' ', indent);
            *olen += indent;
            col = indent;
        } else {
            out[(*olen)++] = ' ', col++;
        }
        memcpy(out + *olen, p, wl);
        *olen += wl;
        col += ww;
        p += wl;
        while (*p == ' ')
            p++;
    }
    out[(*olen)++] = '\n';
    out[*olen] = '\0';
}

static const char *const DE_PARAS[] = {
    "Es ist sechs Uhr früh und noch stockdunkel. Vom nahen Kloster dringen die monotonen "
    "Gebetsgesänge der Mönche herüber, während die Straßenhändler ihre Stände öffnen und die "
    "ersten Busse über die Brücke fahren. Für die Bewohner des Viertels beginnt ein Tag wie "
    "jeder andere, doch die Nachricht über die geplante Schließung der Fähre hat sich schnell "
    "herumgesprochen.",
    "Der Bürgermeister erklärte am Vormittag, dass über die Zukunft der Fährverbindung noch "
    "nicht endgültig entschieden sei. Man prüfe mehrere Möglichkeiten, darunter eine "
    "Übergangslösung mit kleineren Schiffen, die auch bei Niedrigwasser fahren könnten.",
};

/* German text wrapped at 100 columns: with its umlauts most lines are longer than 100
 * bytes, so the width must be counted in characters, not bytes. */
static void wrapped_lines_are_measured_in_columns_not_bytes(void **state)
{
    (void)state;
    char page[4096];
    size_t len = 0;
    for (int i = 0; i < 2; i++) {
        if (i)
            page[len++] = '\n';
        wrap_cols(DE_PARAS[i], 100, 0, page, &len);
    }
    assert_true(count_lines(page) >= 7);
    ndupes_doc *doc = parse_n(page, len);
    assert_int_equal(ndupes_doc_count(doc), 2);
    for (size_t i = 0; i < 2; i++)
        assert_string_equal(para(doc, i)->text, DE_PARAS[i]);
    ndupes_doc_free(doc);
}

/* A page as lynx renders it: paragraphs indented by three spaces and wrapped at 72
 * columns, a list whose items are never joined to the line before. */
static void indented_wrapping_and_list_items(void **state)
{
    (void)state;
    char page[8192];
    size_t len = 0;
    for (int i = 0; i < 3; i++) {
        wrap_cols(PARAS[i], 72, 3, page, &len);
        page[len++] = '\n';
    }
    len += (size_t)snprintf(page + len, sizeof page - len,
                            "     * Startseite\n     * Politik und Wirtschaft aus aller Welt\n"
                            "     * Impressum\n");
    ndupes_doc *doc = parse_n(page, len);
    assert_int_equal(ndupes_doc_count(doc), 6);
    for (size_t i = 0; i < 3; i++)
        assert_string_equal(para(doc, i)->text, PARAS[i]);
    assert_string_equal(para(doc, 3)->text, "* Startseite");
    assert_string_equal(para(doc, 5)->text, "* Impressum");
    ndupes_doc_free(doc);
}

/* Chinese text hard-wrapped at 40 columns (20 characters, each two columns wide), with
 * no spaces at all: the lines of a paragraph are joined, and a short line ends it. */
static void wrapped_cjk_paragraphs_are_joined(void **state)
{
    (void)state;
    static const char *const zh[] = {
        "市政府星期一晚上召开会议讨论明年的预算案，并邀请市民就学校、道路和图书馆的计划发表意见。"
        "几位居民表示，削减图书馆经费将影响依靠图书馆上网和辅导功课的家庭。",
        "市长说目前还没有做出最后决定，议会将在下个月投票之前听取所有意见。她补充说，"
        "由于新企业带来的税收增加，今年的预算缺口比往年小。",
    };
    char page[4096];
    size_t len = 0;
    for (int i = 0; i < 2; i++) {
        const char *p = zh[i];
        size_t col = 0;
        while (*p) { /* 3-byte characters, 20 to a line */
            memcpy(page + len, p, 3);
            len += 3;
            p += 3;
            if (++col == 20 && *p) {
                page[len++] = '\n';
                col = 0;
            }
        }
        page[len++] = '\n';
    }
    page[len] = '\0';
    assert_true(count_lines(page) >= 6);
    ndupes_doc *doc = parse_n(page, len);
    assert_int_equal(ndupes_doc_count(doc), 2);
    for (size_t i = 0; i < 2; i++)
        assert_string_equal(para(doc, i)->text, zh[i]);
    ndupes_doc_free(doc);
}

static void one_line_per_paragraph_keeps_lines_apart(void **state)
{
    (void)state;
    /* Text scraped from HTML: one line per <p>, no blank lines, lines of any length. */
    char page[4096];
    snprintf(page, sizeof page, "Budget talks continue\n%s\n%s\nNo date has been set.\n%s\n",
             PARAS[0], PARAS[1], PARAS[2]);
    ndupes_doc *doc = parse(page);
    assert_int_equal(ndupes_doc_count(doc), 5);
    assert_string_equal(para(doc, 0)->text, "Budget talks continue");
    assert_string_equal(para(doc, 1)->text, PARAS[0]);
    assert_string_equal(para(doc, 2)->text, PARAS[1]);
    assert_string_equal(para(doc, 3)->text, "No date has been set.");
    assert_string_equal(para(doc, 4)->text, PARAS[2]);
    for (unsigned i = 0; i < 5; i++)
        assert_int_equal(para(doc, i)->line, i + 1);
    ndupes_doc_free(doc);
}

static void short_sentence_lines_are_not_mistaken_for_wrapping(void **state)
{
    (void)state;
    /* One short sentence per line, of similar lengths, each ending in a full stop: a
     * page of short paragraphs, not a hard-wrapped one. */
    static const char *const lines[] = {
        "Neither side released details of what was discussed.",
        "The talks are expected to resume in Geneva next week.",
        "Officials said the mood in the room had been positive.",
        "A joint statement is due to be published on Friday.",
        "Both delegations declined to answer further questions.",
        "The next round will include the foreign ministers.",
    };
    char page[2048];
    size_t len = 0;
    for (size_t i = 0; i < 6; i++)
        len += (size_t)snprintf(page + len, sizeof page - len, "%s\n", lines[i]);
    ndupes_doc *doc = parse_n(page, len);
    size_t n = ndupes_doc_count(doc), same = 0;
    for (size_t i = 0; i < n && i < 6; i++)
        same += strcmp(para(doc, i)->text, lines[i]) == 0;
    if (n != 6)
        print_message("%zu paragraphs; the first: %.100s...\n", n, para(doc, 0)->text);
    ndupes_doc_free(doc);
    assert_int_equal(n, 6);
    assert_int_equal(same, 6);
}

static void seed_page_without_blank_lines_has_one_paragraph_per_line(void **state)
{
    (void)state;
    /* cgtn-florida.txt: 38 lines, no blank lines (see samples/README.md). */
    const char *src = getenv("SRCDIR");
    char path[1024];
    snprintf(path, sizeof path, "%s/samples/cgtn-florida.txt", src ? src : ".");
    ndupes_doc *doc = NULL;
    assert_int_equal(ndupes_doc_read(path, NULL, &doc), NDUPES_OK);
    assert_int_equal(ndupes_doc_count(doc), 38);
    for (unsigned i = 0; i < 38; i++)
        assert_int_equal(para(doc, i)->line, i + 1);
    ndupes_doc_free(doc);
}

static void words_are_counted_on_the_normalised_text(void **state)
{
    (void)state;
    ndupes_doc *doc = parse("Hello, world! It's 2025 \xE2\x80\x94 caf\xC3\xA9-bar.");
    /* hello world it s 2025 café bar */
    assert_int_equal(para(doc, 0)->words, 7);
    ndupes_doc_free(doc);
}

/* The counts of capitals that the boilerplate rules read (letters, capitals, capitals that
 * start a word), against a byte-by-byte count here: random ASCII of every length up to 40
 * (the letters at both ends of each case, and the bytes just outside them), and the
 * lower-cased text. */
static void capitals_are_counted_at_every_length(void **state)
{
    (void)state;
    static const char alphabet[] = "aZbY Cx.D-eQ'7@[`{zA";
    uint32_t seed = 12345;
    for (size_t n = 1; n <= 40; n++)
        for (int round = 0; round < 20; round++) {
            char in[64], want[64];
            uint32_t letters = 0, upper = 0, caps = 0;
            for (size_t i = 0; i < n; i++) {
                seed = seed * 1103515245u + 12345u;
                in[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
            }
            in[n] = '\0';
            for (size_t i = 0; i < n; i++) {
                char c = in[i], before = i ? in[i - 1] : ' ';
                int up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
                int after_letter = (before >= 'A' && before <= 'Z') || (before >= 'a' && before <= 'z');
                letters += up || low;
                upper += up;
                caps += up && !after_letter;
                want[i] = up ? (char)(c + 32) : c;
            }
            want[n] = '\0';
            nd_buf out = {0};
            nd_caps k = {0};
            assert_true(nd_normalize_counts(in, n, &out, &k));
            assert_int_equal(out.len, n);
            assert_memory_equal(out.p, want, n);
            if (k.letters != letters || k.upper != upper || k.caps_words != caps)
                fail_msg("\"%s\": %u %u %u, want %u %u %u", in, k.letters, k.upper,
                         k.caps_words, letters, upper, caps);
            nd_buf_free(&out);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(utf8_is_kept_as_is),
        cmocka_unit_test(special_bytes_at_every_offset),
        cmocka_unit_test(cp1252_curly_quotes_and_e_acute),
        cmocka_unit_test(cp1252_single_quotes_dashes_euro),
        cmocka_unit_test(mixed_utf8_with_stray_byte_keeps_valid_sequences),
        cmocka_unit_test(truncated_and_invalid_sequences_read_as_cp1252),
        cmocka_unit_test(nd_decode_maps_undefined_cp1252_bytes_to_space),
        cmocka_unit_test(bom_is_dropped),
        cmocka_unit_test(two_nuls_are_still_text_and_become_spaces),
        cmocka_unit_test(png_magic_is_binary),
        cmocka_unit_test(elf_magic_is_binary),
        cmocka_unit_test(many_nuls_are_binary),
        cmocka_unit_test(plain_text_is_not_binary),
        cmocka_unit_test(empty_page_has_no_paragraphs),
        cmocka_unit_test(bad_arguments_are_refused),
        cmocka_unit_test(fullwidth_is_folded_to_ascii),
        cmocka_unit_test(sharp_s_is_case_folded_to_ss),
        cmocka_unit_test(ligature_fi_is_decomposed),
        cmocka_unit_test(non_ascii_letters_are_lowercased),
        cmocka_unit_test(decomposed_accents_are_composed),
        cmocka_unit_test(typographic_marks_are_mapped),
        cmocka_unit_test(guillemets_and_low_quotes_become_double_quotes),
        cmocka_unit_test(zero_width_characters_are_dropped),
        cmocka_unit_test(html_entities_are_decoded),
        cmocka_unit_test(unknown_or_malformed_entities_are_left_as_is),
        cmocka_unit_test(white_space_is_collapsed),
        cmocka_unit_test(crlf_line_ends),
        cmocka_unit_test(cr_only_line_ends),
        cmocka_unit_test(line_numbers_count_blank_lines),
        cmocka_unit_test(hard_wrapped_paragraphs_are_joined),
        cmocka_unit_test(hard_wrapped_paragraphs_without_blank_lines_split_at_short_line),
        cmocka_unit_test(wrapped_lines_are_measured_in_columns_not_bytes),
        cmocka_unit_test(indented_wrapping_and_list_items),
        cmocka_unit_test(wrapped_cjk_paragraphs_are_joined),
        cmocka_unit_test(one_line_per_paragraph_keeps_lines_apart),
        cmocka_unit_test(short_sentence_lines_are_not_mistaken_for_wrapping),
        cmocka_unit_test(seed_page_without_blank_lines_has_one_paragraph_per_line),
        cmocka_unit_test(words_are_counted_on_the_normalised_text),
        cmocka_unit_test(capitals_are_counted_at_every_length),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
