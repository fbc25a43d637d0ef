/*
 * fuzz_reader.c - libFuzzer target for the reader: any bytes -> ndupes_doc_parse, then
 * every paragraph through ndupes_doc_para, then a fingerprint and a score through
 * ndupes_doc_compare of the document with itself.
 *
 * Besides the sanitizers, it checks what the public header promises about the result:
 * the parse fails only with NDUPES_ERR_BINARY (or TOOBIG/NOMEM, which cannot happen at
 * fuzzing sizes), each paragraph's text and norm are NUL-terminated valid UTF-8 with no
 * line ends left in them, line numbers are 1-based and increase, every score lies in
 * [0, 1], and a document compared with itself has a Jaccard of 1 when it has shingles.
 * A broken promise aborts, so libFuzzer saves the input.
 */
#include "nd_internal.h"
#include "fuzz_common.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* True when s[0..len) is valid UTF-8 (no overlongs, surrogates or values past U+10FFFF). */
static int valid_utf8(const unsigned char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        unsigned char c = s[i];
        size_t n;
        uint32_t v;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
            v = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            v = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            v = c & 0x07;
        } else {
            return 0;
        }
        if (len - i < n)
            return 0;
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
            v = (v << 6) | (s[i + k] & 0x3F);
        }
        if ((n == 3 && v < 0x800) || (n == 4 && v < 0x10000) || v > 0x10FFFF ||
            (v >= 0xD800 && v <= 0xDFFF))
            return 0;
        i += n;
    }
    return 1;
}

static int unit(double x)
{
    return !isnan(x) && x >= 0.0 && x <= 1.0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ndupes_doc *doc = NULL;
    ndupes_status st = ndupes_doc_parse(data, size, NULL, &doc);
    if (st != NDUPES_OK) {
        CHECK(doc == NULL);
        CHECK(st == NDUPES_ERR_BINARY || st == NDUPES_ERR_NOMEM);
        return 0;
    }
    CHECK(doc != NULL);
    size_t n = ndupes_doc_count(doc);
    unsigned last = 0;
    for (size_t i = 0; i < n; i++) {
        const ndupes_para *p = ndupes_doc_para(doc, i);
        CHECK(p != NULL);
        size_t tl = strlen(p->text), nl = strlen(p->norm);
        CHECK(tl > 0);
        CHECK(valid_utf8((const unsigned char *)p->text, tl));
        CHECK(valid_utf8((const unsigned char *)p->norm, nl));
        CHECK(!memchr(p->text, '\n', tl) && !memchr(p->text, '\r', tl));
        CHECK(p->line >= 1 && p->line > last);
        last = p->line;
        CHECK((unsigned)p->reason < NDUPES_REASON_COUNT);
        CHECK(p->detail != NULL);
        CHECK(ndupes_reason_name(p->reason) != NULL);
    }
    CHECK(ndupes_doc_para(doc, n) == NULL);

    ndupes_score sc;
    st = ndupes_doc_compare(doc, doc, NULL, &sc);
    CHECK(st == NDUPES_OK || st == NDUPES_ERR_NOMEM);
    if (st == NDUPES_OK) {
        CHECK(unit(sc.score) && unit(sc.jaccard) && unit(sc.contain_a) && unit(sc.contain_b));
        CHECK(unit(sc.quote_a) && unit(sc.quote_b));
        CHECK(sc.shingles_a == sc.shingles_b);
        if (sc.shingles_a > 0)
            CHECK(sc.jaccard == 1.0);
    }
    /* Exact paragraph similarity of neighbours, and of a paragraph with itself. */
    for (size_t i = 0; i < n && i < 8; i++) {
        double s = ndupes_para_similarity(doc, i, doc, i + 1 < n ? i + 1 : i, NULL);
        CHECK(s == -1 || unit(s));
        s = ndupes_para_similarity(doc, i, doc, i, NULL);
        CHECK(s == -1 || s == 0 || s == 1);
    }
    CHECK(ndupes_para_similarity(doc, n, doc, 0, NULL) == -1);
    ndupes_doc_free(doc);
    return 0;
}
