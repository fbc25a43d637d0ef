/*
 * test_sketchfile.c - the sketch file (src/dist/sketchfile.c) and the record streams of the
 * distributed steps (src/dist/records.c).
 *
 * A sketch written from a corpus reads back into another corpus as the same articles: the
 * same names, times, sizes, content hashes and fingerprints (byte for byte through the
 * fingerprint codec), pending short paragraphs and paragraph hashes included, and the two
 * corpora group alike.  Every byte of a small sketch changed, and every length it can be cut
 * to, is refused, and the corpus it was read into is left as it was (nothing half-read);
 * so is every allocation failure while reading.  Record streams round-trip through blocks
 * of every type, and a changed or cut stream is refused.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nd_dist.h"
#include "nd_test.h" /* nd_test_fail_alloc */
#include "store.h"
#include "testgen.h"

/* An article of invented words: its own paragraphs, a quote, and a short line that some
 * articles share (a site's template) when site is not 0. */
static char *article(unsigned seed, unsigned site)
{
    text t = {0};
    rng_state = seed * 7919u + 1;
    if (site) {
        char line[128];
        snprintf(line, sizeof line, "The %s %s site of %s does not stand for what links say.\n\n",
                 syll[site % 24], syll[(site * 5) % 24], syll[(site * 7) % 24]);
        put(&t, line);
    }
    for (int p = 0; p < 4; p++) {
        for (int w = 0; w < 45; w++) {
            put(&t, w % 4 == 1 ? stop[rnd() % 16] : syll[rnd() % 24]);
            put(&t, syll[rnd() % 24]);
            put(&t, w == 44 ? ".\n\n" : " ");
        }
    }
    put(&t, "He said \"the quoted words of this page stay the same in every copy of it\".\n");
    return t.p;
}

/* A corpus of n articles (three of each site), from memory. */
static ndupes_corpus *make_corpus(unsigned n)
{
    ndupes_config cfg;
    ndupes_config_init(&cfg);
    cfg.jobs = 1;
    ndupes_corpus *c = ndupes_corpus_create(&cfg, NULL);
    assert_non_null(c);
    for (unsigned i = 0; i < n; i++) {
        char *a = article(i % 5 == 4 ? i - 1 : i, 1 + i / 3); /* every fifth a copy */
        char name[64];
        snprintf(name, sizeof name, "dir/article-%u.txt", i);
        assert_int_equal(ndupes_corpus_add_text(c, name, a, strlen(a), 1000 + i), NDUPES_OK);
        free(a);
    }
    return c;
}

/* The sketch of c, in memory. */
static char *sketch_of(const ndupes_corpus *c, size_t *len)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    assert_non_null(f);
    assert_int_equal(ndupes_corpus_write_sketch(c, f, 2), NDUPES_OK);
    assert_int_equal(fclose(f), 0);
    return buf;
}

/* Reads len bytes of buf as a sketch into c. */
static ndupes_status read_into(ndupes_corpus *c, const char *buf, size_t len,
                               ndupes_sketch_info *info)
{
    FILE *f = len ? fmemopen((void *)buf, len, "rb") : tmpfile();
    assert_non_null(f);
    ndupes_status st = ndupes_corpus_read_sketch(c, f, info);
    fclose(f);
    return st;
}

static void same_fp(const nd_fp *a, const nd_fp *b)
{
    uint8_t *pa, *pb;
    size_t la, lb;
    assert_true(nd_fp_encode(a, &pa, &la));
    assert_true(nd_fp_encode(b, &pb, &lb));
    assert_int_equal(la, lb);
    assert_memory_equal(pa, pb, la);
    nd_free(pa);
    nd_free(pb);
}

static void round_trip_keeps_every_article(void **state)
{
    (void)state;
    ndupes_corpus *a = make_corpus(12);
    size_t len;
    char *buf = sketch_of(a, &len);
    size_t pending = 0;
    for (size_t i = 0; i < a->n; i++)
        pending += a->fps[i].npend;
    assert_true(pending > 0); /* the templates are not known yet: short lines wait */
    ndupes_corpus *b = ndupes_corpus_create(NULL, NULL);
    ndupes_sketch_info info;
    assert_int_equal(read_into(b, buf, len, &info), NDUPES_OK);
    assert_int_equal(info.version, 1);
    assert_int_equal(info.articles, 12);
    assert_int_equal(info.failed, 2);
    assert_int_equal(info.shingle, 5);
    assert_int_equal(info.final, 0);
    assert_non_null(strstr(info.settings, ND_FP_FORMAT));
    assert_int_equal(ndupes_corpus_size(b), 12);
    for (size_t i = 0; i < 12; i++) {
        assert_string_equal(a->items[i].name, b->items[i].name);
        assert_int_equal(a->items[i].mtime, b->items[i].mtime);
        assert_int_equal(a->items[i].size, b->items[i].size);
        assert_int_equal(a->items[i].chash, b->items[i].chash);
        same_fp(&a->fps[i], &b->fps[i]);
    }
    /* The same bytes when written again, and the same groups. */
    size_t len2;
    char *buf2 = sketch_of(b, &len2);
    assert_int_equal(len, len2);
    assert_memory_equal(buf, buf2, len);
    assert_int_equal(ndupes_corpus_group(a), NDUPES_OK);
    assert_int_equal(ndupes_corpus_group(b), NDUPES_OK);
    assert_true(ndupes_corpus_ngroups(a) > 0);
    assert_int_equal(ndupes_corpus_ngroups(a), ndupes_corpus_ngroups(b));
    for (size_t g = 0; g < ndupes_corpus_ngroups(a); g++)
        assert_string_equal(ndupes_group_member(a, g, 0, NULL), ndupes_group_member(b, g, 0, NULL));
    /* A grouped corpus's fingerprints are no longer as read: no sketch of it. */
    FILE *f = tmpfile();
    assert_int_equal(ndupes_corpus_write_sketch(a, f, 0), NDUPES_ERR_ARG);
    assert_int_equal(read_into(a, buf, len, NULL), NDUPES_ERR_ARG);
    fclose(f);
    free(buf);
    free(buf2);
    ndupes_corpus_free(a);
    ndupes_corpus_free(b);
}

static void every_changed_byte_is_refused(void **state)
{
    (void)state;
    ndupes_corpus *a = make_corpus(2);
    size_t len;
    char *buf = sketch_of(a, &len);
    ndupes_corpus_free(a);
    for (size_t at = 0; at < len; at++) {
        for (unsigned bit = 0; bit < 8; bit += 3) {
            buf[at] ^= (char)(1u << bit);
            ndupes_corpus *c = ndupes_corpus_create(NULL, NULL);
            ndupes_status st = read_into(c, buf, len, NULL);
            if (st != NDUPES_ERR_PARSE)
                fail_msg("a sketch with byte %zu changed was not refused (%s)", at,
                         ndupes_strerror(st));
            assert_int_equal(ndupes_corpus_size(c), 0);
            ndupes_corpus_free(c);
            buf[at] ^= (char)(1u << bit);
        }
    }
    free(buf);
}

static void every_cut_is_refused(void **state)
{
    (void)state;
    ndupes_corpus *a = make_corpus(3);
    size_t len;
    char *buf = sketch_of(a, &len);
    ndupes_corpus *c = ndupes_corpus_create(NULL, NULL);
    assert_int_equal(read_into(c, buf, len, NULL), NDUPES_OK); /* the first: 3 articles */
    for (size_t cut = 0; cut < len; cut++) {
        ndupes_status st = read_into(c, buf, cut, NULL);
        if (st != NDUPES_ERR_PARSE)
            fail_msg("a sketch cut to %zu of %zu bytes was not refused", cut, len);
        assert_int_equal(ndupes_corpus_size(c), 3); /* nothing of it added */
    }
    /* Read again whole: the same names, read once (named in an earlier sketch). */
    assert_int_equal(read_into(c, buf, len, NULL), NDUPES_OK);
    assert_int_equal(ndupes_corpus_size(c), 3);
    ndupes_corpus_free(c);
    ndupes_corpus_free(a);
    free(buf);
}

static void other_settings_are_refused(void **state)
{
    (void)state;
    ndupes_corpus *a = make_corpus(2);
    size_t len;
    char *buf = sketch_of(a, &len);
    ndupes_config cfg;
    ndupes_config_init(&cfg);
    cfg.shingle = 4;
    ndupes_corpus *four = ndupes_corpus_create(&cfg, NULL);
    char *t = article(99, 0);
    assert_int_equal(ndupes_corpus_add_text(four, "other.txt", t, strlen(t), 5), NDUPES_OK);
    free(t);
    size_t len4;
    char *buf4 = sketch_of(four, &len4);
    ndupes_corpus *c = ndupes_corpus_create(NULL, NULL);
    ndupes_sketch_info info;
    assert_int_equal(read_into(c, buf, len, NULL), NDUPES_OK);
    assert_int_equal(read_into(c, buf4, len4, &info), NDUPES_ERR_ARG);
    assert_int_equal(info.shingle, 4);
    assert_non_null(strstr(ndupes_corpus_errmsg(c), "other settings"));
    assert_int_equal(ndupes_corpus_size(c), 2);
    /* The header alone says so. */
    FILE *f = fmemopen(buf4, len4, "rb");
    assert_int_equal(ndupes_sketch_info_read(f, &info, NULL, 0), NDUPES_OK);
    fclose(f);
    assert_non_null(strstr(info.settings, "-s4"));
    ndupes_corpus_free(c);
    ndupes_corpus_free(four);
    ndupes_corpus_free(a);
    free(buf);
    free(buf4);
}

static void allocation_failures_leave_the_corpus_as_it_was(void **state)
{
    (void)state;
    ndupes_corpus *a = make_corpus(4);
    size_t len;
    char *buf = sketch_of(a, &len);
    ndupes_corpus_free(a);
    for (unsigned long n = 1;; n++) {
        ndupes_corpus *c = ndupes_corpus_create(NULL, NULL);
        nd_test_fail_alloc(n, 0);
        ndupes_status st = read_into(c, buf, len, NULL);
        nd_test_fail_alloc(0, 0);
        if (st == NDUPES_OK) {
            assert_int_equal(ndupes_corpus_size(c), 4);
            ndupes_corpus_free(c);
            assert_true(n > 5);
            break;
        }
        assert_int_equal(st, NDUPES_ERR_NOMEM);
        assert_int_equal(ndupes_corpus_size(c), 0);
        ndupes_corpus_free(c);
    }
    free(buf);
}

/* ---- record streams ---- */

static nd_rec sample(unsigned t, unsigned i)
{
    /* Every field a record of type t holds, and nothing it does not (zero). */
    nd_rec r = {.a = 0x0123456789abcdefULL * (i + 1), .b = 0xfedcba9876543210ULL ^ i,
                .c = 7u * i + t, .d = 0x80000000u | i, .e = 0x3f000000u + i};
    FILE *f = tmpfile();
    nd_rec_writer w;
    assert_true(nd_rec_writer_init(&w, &f, 1, NULL));
    assert_true(nd_rec_put(&w, 0, (nd_rec_type)t, &r));
    assert_true(nd_rec_writer_end(&w));
    rewind(f);
    nd_recv out[ND_REC_TYPES] = {{0}};
    char err[200];
    assert_int_equal(nd_rec_read(f, out, err, sizeof err), NDUPES_OK);
    fclose(f);
    assert_int_equal(out[t].n, 1);
    nd_rec back = out[t].v[0];
    nd_recv_free(&out[t]);
    return back;
}

static void records_round_trip(void **state)
{
    (void)state;
    /* Each type keeps its fields. */
    for (unsigned t = 1; t < ND_REC_TYPES; t++) {
        nd_rec r = sample(t, t);
        assert_true(r.a || r.c || r.d);
    }
    nd_rec k = sample(ND_REC_KEY, 3);
    assert_int_equal(k.a, 0);
    assert_int_equal(k.c, 7u * 3 + ND_REC_KEY);
    assert_int_equal(k.d, 0x80000003u);
    nd_rec p = sample(ND_REC_PARA, 2);
    assert_int_equal(p.a, 0x0123456789abcdefULL * 3);
    assert_int_equal(p.b, 0xfedcba9876543210ULL ^ 2);
    assert_int_equal(p.e, 0);
    /* Many records of two types, into three parts, in several blocks. */
    FILE *parts[3];
    for (int i = 0; i < 3; i++)
        parts[i] = tmpfile();
    uint64_t tally = 0;
    nd_rec_writer w;
    assert_true(nd_rec_writer_init(&w, parts, 3, &tally));
    for (unsigned i = 0; i < 20000; i++) {
        nd_rec r = {.a = i, .c = i, .d = i * 2};
        size_t part = nd_rec_part(r.a, 3);
        assert_true(part < 3);
        assert_true(nd_rec_put(&w, part, i % 3 ? ND_REC_EXACT : ND_REC_OWN, &r));
    }
    assert_true(nd_rec_writer_end(&w));
    assert_int_equal(tally, 20000);
    nd_recv out[ND_REC_TYPES] = {{0}};
    char err[200];
    for (int i = 0; i < 3; i++) {
        rewind(parts[i]);
        assert_int_equal(nd_rec_read(parts[i], out, err, sizeof err), NDUPES_OK);
        fclose(parts[i]);
    }
    assert_int_equal(out[ND_REC_EXACT].n + out[ND_REC_OWN].n, 20000);
    uint64_t sum = 0;
    for (size_t i = 0; i < out[ND_REC_EXACT].n; i++) {
        sum += out[ND_REC_EXACT].v[i].a;
        assert_int_equal(out[ND_REC_EXACT].v[i].d, 2 * out[ND_REC_EXACT].v[i].c);
    }
    for (size_t i = 0; i < out[ND_REC_OWN].n; i++)
        sum += out[ND_REC_OWN].v[i].a;
    assert_int_equal(sum, 19999ull * 20000 / 2);
    nd_recv_free(&out[ND_REC_EXACT]);
    nd_recv_free(&out[ND_REC_OWN]);
    /* Shards: the last bound at or below the index. */
    uint64_t bounds[] = {0, 10, 10, 25};
    assert_int_equal(nd_rec_shard(bounds, 4, 0), 0);
    assert_int_equal(nd_rec_shard(bounds, 4, 9), 0);
    assert_int_equal(nd_rec_shard(bounds, 4, 10), 2);
    assert_int_equal(nd_rec_shard(bounds, 4, 24), 2);
    assert_int_equal(nd_rec_shard(bounds, 4, 1000), 3);
}

static void damaged_records_are_refused(void **state)
{
    (void)state;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    nd_rec_writer w;
    assert_true(nd_rec_writer_init(&w, &f, 1, NULL));
    for (unsigned i = 0; i < 5; i++) {
        nd_rec r = {.c = i, .d = i + 1, .e = 0x3f800000u};
        assert_true(nd_rec_put(&w, 0, i < 3 ? ND_REC_EDGE : ND_REC_PRE, &r));
    }
    assert_true(nd_rec_writer_end(&w));
    fclose(f);
    char err[200];
    for (size_t at = 0; at <= len; at++) {
        for (int cut = 0; cut < 2; cut++) {
            if (at == len && !cut)
                continue;
            if (!cut)
                buf[at] ^= 0x10;
            FILE *in = (cut ? at : len) ? fmemopen(buf, cut ? at : len, "rb") : tmpfile();
            nd_recv out[ND_REC_TYPES] = {{0}};
            ndupes_status st = nd_rec_read(in, out, err, sizeof err);
            fclose(in);
            for (unsigned t = 1; t < ND_REC_TYPES; t++)
                nd_recv_free(&out[t]);
            if (!cut)
                buf[at] ^= 0x10;
            /* Cut at a block's end is a shorter stream, not a damaged one. */
            bool boundary = cut && (at == 0 || at == 16 + 3 * 12 + 8 || at == len);
            if (boundary)
                assert_int_equal(st, NDUPES_OK);
            else if (st != NDUPES_ERR_PARSE)
                fail_msg("a stream %s at byte %zu was not refused", cut ? "cut" : "changed", at);
        }
    }
    /* A type the reader does not take. */
    FILE *in = fmemopen(buf, len, "rb");
    nd_recv out[ND_REC_TYPES] = {{0}};
    out[ND_REC_PRE].cap = SIZE_MAX;
    assert_int_equal(nd_rec_read(in, out, err, sizeof err), NDUPES_ERR_PARSE);
    assert_non_null(strstr(err, "not input to this step"));
    fclose(in);
    nd_recv_free(&out[ND_REC_EDGE]);
    free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(round_trip_keeps_every_article),
        cmocka_unit_test(every_changed_byte_is_refused),
        cmocka_unit_test(every_cut_is_refused),
        cmocka_unit_test(other_settings_are_refused),
        cmocka_unit_test(allocation_failures_leave_the_corpus_as_it_was),
        cmocka_unit_test(records_round_trip),
        cmocka_unit_test(damaged_records_are_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
