/*
 * fuzz_sketch.c - libFuzzer target for what reads sketch files and record streams (issue
 * #14): a sketch or a stream from another machine is input too, refused whole when damaged.
 *
 * Each input is used three ways:
 *  1. as a sketch read into an empty corpus (ndupes_corpus_read_sketch): refused with the
 *     corpus still empty, or read whole; then grouped (every score in [0, 1] as JSON), and
 *     written again: the new sketch reads back with the same number of articles;
 *  2. as a record stream (every type taken): refused or read;
 *  3. as the input of every distributed step (ndupes_step_run), outputs to temporary files:
 *     the whole input as the sketch of a step that takes one and as the record stream of
 *     one that takes records; and, when the input is a 4-byte length N, N bytes of sketch
 *     and the rest, as the sketch and the records of the steps that take both.
 * Nothing may crash, leak or read out of bounds; refusals are the norm.
 */
#define _GNU_SOURCE
#include "nd_dist.h"
#include "fuzz_common.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static FILE *input(const uint8_t *data, size_t size)
{
    FILE *f = tmpfile();
    CHECK(f != NULL);
    if (size)
        CHECK(fwrite(data, 1, size, f) == size);
    rewind(f);
    return f;
}

static void as_sketch(const uint8_t *data, size_t size)
{
    ndupes_config cfg;
    ndupes_config_init(&cfg);
    cfg.jobs = 1;
    ndupes_corpus *c = ndupes_corpus_create(&cfg, NULL);
    CHECK(c != NULL);
    FILE *f = input(data, size);
    ndupes_sketch_info info;
    ndupes_status st = ndupes_corpus_read_sketch(c, f, &info);
    fclose(f);
    if (st != NDUPES_OK) {
        CHECK(ndupes_corpus_size(c) == 0);
        ndupes_corpus_free(c);
        return;
    }
    CHECK(ndupes_corpus_size(c) <= info.articles);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    CHECK(out != NULL);
    CHECK(ndupes_corpus_write_sketch(c, out, info.failed) == NDUPES_OK);
    fclose(out);
    size_t n = ndupes_corpus_size(c);
    if (ndupes_corpus_group(c) == NDUPES_OK) {
        for (size_t g = 0; g < ndupes_corpus_ngroups(c); g++)
            for (size_t i = 0; i < ndupes_group_size(c, g); i++) {
                double s = -1;
                CHECK(ndupes_group_member(c, g, i, &s) != NULL);
                CHECK(!isnan(s) && s >= 0 && s <= 1);
            }
    }
    ndupes_corpus_free(c);
    c = ndupes_corpus_create(&cfg, NULL);
    f = input((const uint8_t *)buf, len);
    CHECK(ndupes_corpus_read_sketch(c, f, NULL) == NDUPES_OK);
    CHECK(ndupes_corpus_size(c) == n);
    fclose(f);
    ndupes_corpus_free(c);
    free(buf);
}

static void as_records(const uint8_t *data, size_t size)
{
    FILE *f = input(data, size);
    nd_recv out[ND_REC_TYPES];
    memset(out, 0, sizeof out);
    char err[256];
    ndupes_status st = nd_rec_read(f, out, err, sizeof err);
    CHECK(st == NDUPES_OK || st == NDUPES_ERR_PARSE || st == NDUPES_ERR_NOMEM);
    fclose(f);
    for (unsigned t = 1; t < ND_REC_TYPES; t++)
        nd_recv_free(&out[t]);
}

/* Runs step over a sketch (may be NULL) and records (may be NULL). */
static void step(ndupes_step s, FILE *sketch, FILE *records)
{
    FILE *parts[3] = {tmpfile(), tmpfile(), tmpfile()};
    FILE *out = tmpfile();
    CHECK(parts[0] && parts[1] && parts[2] && out);
    uint64_t bounds[3] = {0, 2, 5};
    ndupes_corpus *c = ndupes_corpus_create(NULL, NULL);
    CHECK(c != NULL);
    const char *names[] = {"fuzz"};
    ndupes_step_io io = {.sketches = &sketch, .sketch_names = names, .nsketches = sketch != NULL,
                         .records = &records, .record_names = names, .nrecords = records != NULL,
                         .parts = parts, .nparts = 3, .out = out, .bounds = bounds,
                         .nbounds = 3, .base = 1, .corpus = c};
    char err[512];
    ndupes_status st = ndupes_step_run(s, &io, err, sizeof err);
    CHECK(st != NDUPES_ERR_IO);
    if (st == NDUPES_OK && s == NDUPES_STEP_CLUSTER) {
        FILE *null = fopen("/dev/null", "w");
        CHECK(null != NULL);
        CHECK(ndupes_write_groups(c, null, NDUPES_FORMAT_JSON, 0) == NDUPES_OK);
        fclose(null);
    }
    ndupes_corpus_free(c);
    for (int i = 0; i < 3; i++)
        fclose(parts[i]);
    fclose(out);
    if (sketch)
        rewind(sketch);
    if (records)
        rewind(records);
}

static bool takes_sketch(ndupes_step s)
{
    return s == NDUPES_STEP_PARAS || s == NDUPES_STEP_FINALIZE || s == NDUPES_STEP_EXACT ||
           s == NDUPES_STEP_KEYS || s == NDUPES_STEP_SELECT || s == NDUPES_STEP_SCORE ||
           s == NDUPES_STEP_CLUSTER;
}

static void as_steps(const uint8_t *data, size_t size)
{
    FILE *whole = input(data, size);
    for (int s = 0; s < NDUPES_STEP_COUNT; s++)
        step((ndupes_step)s, takes_sketch((ndupes_step)s) ? whole : NULL,
             takes_sketch((ndupes_step)s) ? NULL : whole);
    fclose(whole);
    if (size < 4)
        return;
    size_t n = (size_t)data[0] | (size_t)data[1] << 8 | (size_t)data[2] << 16 |
               (size_t)data[3] << 24;
    if (n > size - 4)
        return;
    FILE *sk = input(data + 4, n), *rec = input(data + 4 + n, size - 4 - n);
    for (int s = 0; s < NDUPES_STEP_COUNT; s++)
        if (takes_sketch((ndupes_step)s))
            step((ndupes_step)s, sk, rec);
    fclose(sk);
    fclose(rec);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    as_sketch(data, size);
    as_records(data, size);
    as_steps(data, size);
    return 0;
}
