/*
 * test_template.c - cross-file site templates (src/match/template.c, with the corpus's
 * learn_templates and fingerprint.c's deferred short paragraphs).
 *
 * A short paragraph found in template_min_files files or more is a site's template text
 * and must not make different articles of the site one group.  But the short paragraphs
 * of one story, copied by several sites (wire copies, syndication, exact duplicates), are
 * the story itself: the copies must stay one group.  Articles are generated from a fixed
 * seed, so what each pair of files shares is known by construction.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nd_internal.h"
#include "testgen.h"
#include "nd_match.h"

/* ---- a text generator (as in test_lsh.c) ---- */


/* A sentence of nw words: invented words with a function word between each two. */
static void sentence(text *t, int nw)
{
    for (int i = 0; i < nw; i++) {
        char w[16] = "";
        if (i % 2 == 1)
            snprintf(w, sizeof w, "%s", stop[rnd() % 16]);
        else
            for (int s = 0, ns = 2 + (int)(rnd() % 2); s < ns; s++)
                strncat(w, syll[rnd() % 24], sizeof w - strlen(w) - 1);
        if (i == 0)
            w[0] = (char)toupper((unsigned char)w[0]);
        else
            put(t, " ");
        put(t, w);
    }
    put(t, ".");
}

/* A story of n paragraphs of words_per_para words each (one or two sentences). */
static char *story(int n, int words_per_para)
{
    text t = {0};
    put(&t, "");
    for (int i = 0; i < n; i++) {
        if (i)
            put(&t, "\n\n");
        if (words_per_para > 24) {
            sentence(&t, words_per_para / 2);
            put(&t, " ");
            sentence(&t, words_per_para - words_per_para / 2);
        } else {
            sentence(&t, words_per_para);
        }
    }
    return t.p;
}

/* A page: site chrome around a body. */
static char *page(const char *site, const char *body, const char *footer)
{
    text t = {0};
    char head[256];
    snprintf(head, sizeof head, "%s | Home | News | Sport | Weather\n\n", site);
    put(&t, head);
    put(&t, body);
    put(&t, "\n\n");
    put(&t, footer);
    put(&t, "\n");
    return t.p;
}

static ndupes_corpus *corpus(unsigned template_min_files)
{
    ndupes_config cfg;
    ndupes_config_init(&cfg);
    cfg.jobs = 1;
    cfg.template_min_files = template_min_files;
    ndupes_corpus *c = ndupes_corpus_create(&cfg, NULL);
    assert_non_null(c);
    return c;
}

static void add(ndupes_corpus *c, const char *name, const char *body, int64_t t)
{
    assert_int_equal(ndupes_corpus_add_text(c, name, body, strlen(body), t), NDUPES_OK);
}

/* ---- the count table ---- */

static void tmap_counts_keys(void **state)
{
    (void)state;
    nd_tmap m = {0};
    assert_int_equal(nd_tmap_get(&m, 42), 0);
    /* Enough keys to grow the table several times; key 0 included. */
    for (uint64_t k = 0; k < 5000; k++)
        assert_true(nd_tmap_add(&m, k * 0x9E3779B97F4A7C15ULL, (uint32_t)(k % 3 + 1)));
    for (uint64_t k = 0; k < 5000; k++)
        assert_true(nd_tmap_add(&m, k * 0x9E3779B97F4A7C15ULL, 1));
    for (uint64_t k = 0; k < 5000; k++)
        assert_int_equal(nd_tmap_get(&m, k * 0x9E3779B97F4A7C15ULL), k % 3 + 2);
    assert_int_equal(nd_tmap_get(&m, 12345), 0);
    nd_tmap_free(&m);
    assert_int_equal(nd_tmap_get(&m, 0), 0);
}

/* ---- the corpus ---- */

/* Four short boilerplate-looking sentences that read like text: a site's template. */
static char *site_template(void)
{
    text t = {0};
    put(&t, "");
    for (int i = 0; i < 4; i++) {
        if (i)
            put(&t, "\n\n");
        sentence(&t, 23);
    }
    return t.p;
}

static void site_template_does_not_group_different_articles(void **state)
{
    (void)state;
    rng_state = 1;
    char *tpl = site_template();
    char *body[3], *pages[3];
    for (int i = 0; i < 3; i++) {
        char *s = story(3, 40);
        text t = {0};
        put(&t, s);
        put(&t, "\n\n");
        put(&t, tpl);
        body[i] = t.p;
        free(s);
        pages[i] = page("Meridian", body[i], "Meridian Media 2025");
    }
    static const char *const names[] = {"m1.txt", "m2.txt", "m3.txt"};
    /* Precondition: without template learning, the shared template groups them. */
    ndupes_corpus *c = corpus(0);
    for (int i = 0; i < 3; i++)
        add(c, names[i], pages[i], i);
    assert_int_equal(ndupes_corpus_group(c), NDUPES_OK);
    size_t without = ndupes_corpus_ngroups(c);
    ndupes_corpus_free(c);
    /* With it: the template is removed from each file, and they stay apart. */
    c = corpus(3);
    for (int i = 0; i < 3; i++)
        add(c, names[i], pages[i], i);
    assert_int_equal(ndupes_corpus_group(c), NDUPES_OK);
    size_t with = ndupes_corpus_ngroups(c);
    ndupes_stats st;
    ndupes_corpus_stats(c, &st);
    ndupes_corpus_free(c);
    for (int i = 0; i < 3; i++) {
        free(body[i]);
        free(pages[i]);
    }
    free(tpl);
    assert_int_equal(without, 1);
    assert_int_equal(with, 0);
    assert_int_equal(st.templates, 12); /* 4 paragraphs in 3 files */
}

static void wire_copies_of_a_short_paragraph_story_stay_one_group(void **state)
{
    (void)state;
    /* One story of eight one-sentence paragraphs of 22 words (wire style), published by
     * three sites in their own chrome, plus an unrelated article. */
    rng_state = 2;
    char *s = story(8, 22), *other = story(8, 22);
    char *p1 = page("North Gazette", s, "Copyright North Gazette 2025");
    char *p2 = page("South Herald", s, "Copyright South Herald 2025");
    char *p3 = page("East Courier", s, "Copyright East Courier 2025");
    char *p4 = page("West Times", other, "Copyright West Times 2025");
    ndupes_corpus *c = corpus(3);
    add(c, "north.txt", p1, 1);
    add(c, "south.txt", p2, 2);
    add(c, "east.txt", p3, 3);
    add(c, "west.txt", p4, 4);
    assert_int_equal(ndupes_corpus_group(c), NDUPES_OK);
    size_t ng = ndupes_corpus_ngroups(c), gs = ndupes_group_size(c, 0);
    ndupes_stats st;
    ndupes_corpus_stats(c, &st);
    print_message("%zu group(s), %zu templates removed\n", ng, st.templates);
    ndupes_corpus_free(c);
    free(s), free(other), free(p1), free(p2), free(p3), free(p4);
    assert_int_equal(ng, 1);
    assert_int_equal(gs, 3);
}

static void exact_copies_of_a_short_paragraph_story_stay_one_group(void **state)
{
    (void)state;
    /* The same file four times (a crawl that fetched one page under four URLs). */
    rng_state = 3;
    char *s = story(6, 20);
    ndupes_corpus *c = corpus(3);
    add(c, "copy1.txt", s, 1);
    add(c, "copy2.txt", s, 2);
    add(c, "copy3.txt", s, 3);
    add(c, "copy4.txt", s, 4);
    assert_int_equal(ndupes_corpus_group(c), NDUPES_OK);
    size_t ng = ndupes_corpus_ngroups(c), gs = ndupes_group_size(c, 0);
    ndupes_corpus_free(c);
    free(s);
    assert_int_equal(ng, 1);
    assert_int_equal(gs, 4);
}

static void two_copies_group_with_or_without_templates(void **state)
{
    (void)state;
    /* Below template_min_files nothing is a template: the control case. */
    rng_state = 4;
    char *s = story(6, 20);
    ndupes_corpus *c = corpus(3);
    add(c, "a.txt", s, 1);
    add(c, "b.txt", s, 2);
    assert_int_equal(ndupes_corpus_group(c), NDUPES_OK);
    size_t ng = ndupes_corpus_ngroups(c);
    ndupes_stats st;
    ndupes_corpus_stats(c, &st);
    ndupes_corpus_free(c);
    free(s);
    assert_int_equal(ng, 1);
    assert_int_equal(st.templates, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tmap_counts_keys),
        cmocka_unit_test(site_template_does_not_group_different_articles),
        cmocka_unit_test(wire_copies_of_a_short_paragraph_story_stay_one_group),
        cmocka_unit_test(exact_copies_of_a_short_paragraph_story_stay_one_group),
        cmocka_unit_test(two_copies_group_with_or_without_templates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
