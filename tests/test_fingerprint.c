/*
 * test_fingerprint.c - an article's kept paragraphs -> its fingerprint (src/sketch/fingerprint.c:
 * nd_fp_build, nd_fp_finalize).
 *
 * What the later stages rely on:
 *  - run keys (keys with ND_RUN_KEY set) stand for verbatim runs of text whatever the
 *    paragraph breaks around them: a hard-wrapped paragraph and the same text on one line
 *    have the same run keys; a paragraph split in two, or paragraphs run together on one
 *    line, keep most of them; a verbatim run of 75 words shared by two otherwise unrelated
 *    articles gives them ND_RUN_PAIR run keys in common (two disjoint windows of
 *    ND_RUN_WINDOW shingles and the k shingles past each), one of 41 words one key;
 *    unrelated texts share no key of any kind;
 *  - a page whose every paragraph the reader drops is fingerprinted whole (fp.whole);
 *  - text_hash is the page's whole normalised text, content_hash the kept text only;
 *  - each direct quote ("...", 「...」) gives one anchor;
 *  - nd_fp_finalize drops the short paragraphs a predicate calls templates and merges the
 *    rest: without templates, the result is the fingerprint built without deferring.
 * Texts are generated from fixed seeds (invented words between English function words, so
 * the reader keeps them and unrelated texts share no shingle), or written here.
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

/* ---- text ---- */

/* nw words: invented ones with a function word between each two (no capital, no stop). */
static void words(text *t, int nw)
{
    for (int i = 0; i < nw; i++) {
        char w[16] = "";
        if (i % 2 == 1)
            snprintf(w, sizeof w, "%s", stop[rnd() % 16]);
        else
            for (int s = 0, ns = 2 + (int)(rnd() % 2); s < ns; s++)
                strncat(w, syll[rnd() % 24], sizeof w - strlen(w) - 1);
        if (i)
            put(t, " ");
        put(t, w);
    }
}

/* A sentence of 11 to 16 words. */
static void sentence(text *t)
{
    size_t at = t->len;
    words(t, 11 + (int)(rnd() % 6));
    t->p[at] = (char)toupper((unsigned char)t->p[at]);
    put(t, ".");
}

/* n sentences, separated by spaces. */
static char *sentences(int n)
{
    text t = {0};
    put(&t, "");
    for (int i = 0; i < n; i++) {
        if (i)
            put(&t, " ");
        sentence(&t);
    }
    return t.p;
}

/* s hard-wrapped at width columns (as a text browser renders a paragraph). */
static char *wrap(const char *s, size_t width)
{
    text t = {0};
    put(&t, "");
    size_t col = 0;
    while (*s) {
        size_t n = strcspn(s, " ");
        char w[64];
        assert_true(n < sizeof w);
        memcpy(w, s, n);
        w[n] = '\0';
        if (col && col + 1 + n > width) {
            put(&t, "\n");
            col = 0;
        } else if (col) {
            put(&t, " ");
            col++;
        }
        put(&t, w);
        col += n;
        s += n;
        s += *s == ' ';
    }
    return t.p;
}

/* The strings joined with sep between them. */
static char *join(char *const *v, size_t n, const char *sep)
{
    text t = {0};
    put(&t, "");
    for (size_t i = 0; i < n; i++) {
        if (i)
            put(&t, sep);
        put(&t, v[i]);
    }
    return t.p;
}

/* ---- fingerprints ---- */

static ndupes_doc *parse(const char *s)
{
    ndupes_doc *doc = NULL;
    assert_int_equal(ndupes_doc_parse(s, strlen(s), NULL, &doc), NDUPES_OK);
    return doc;
}

static void build(const char *s, bool defer, nd_fp *fp)
{
    ndupes_config cfg;
    ndupes_config_init(&cfg);
    ndupes_doc *doc = parse(s);
    assert_true(nd_fp_build(doc, &cfg, defer, fp));
    ndupes_doc_free(doc);
}

/* Builds s, checking that the reader kept every paragraph (nparas of them). */
static void build_kept(const char *s, size_t nparas, nd_fp *fp)
{
    ndupes_doc *doc = parse(s);
    assert_int_equal(ndupes_doc_count(doc), nparas);
    for (size_t i = 0; i < nparas; i++)
        assert_int_equal(ndupes_doc_para(doc, i)->reason, NDUPES_KEEP);
    ndupes_doc_free(doc);
    build(s, false, fp);
    assert_int_equal(fp->whole, 0);
}

typedef struct keyset {
    uint32_t v[ND_MAX_KEYS];
    size_t n;
} keyset;

/* The distinct keys of fp, run keys (run = true) or band keys. */
static void keys_of(const nd_fp *fp, bool run, keyset *k)
{
    k->n = 0;
    for (size_t i = 0; i < fp->nkeys; i++)
        if (((fp->keys[i] & ND_RUN_KEY) != 0) == run)
            k->v[k->n++] = fp->keys[i];
    k->n = nd_sort_unique_u32(k->v, k->n);
}

static size_t common(const keyset *a, const keyset *b)
{
    size_t i = 0, j = 0, n = 0;
    while (i < a->n && j < b->n) {
        if (a->v[i] == b->v[j])
            n++, i++, j++;
        else if (a->v[i] < b->v[j])
            i++;
        else
            j++;
    }
    return n;
}

static size_t shared_run_keys(const nd_fp *a, const nd_fp *b)
{
    static keyset x, y;
    keys_of(a, true, &x);
    keys_of(b, true, &y);
    return common(&x, &y);
}

static size_t shared_band_keys(const nd_fp *a, const nd_fp *b)
{
    static keyset x, y;
    keys_of(a, false, &x);
    keys_of(b, false, &y);
    return common(&x, &y);
}

/* ---- run keys and paragraph breaks ---- */

/* One paragraph hard-wrapped, the same on one line, the same split in two. */
static void paragraph_breaks_keep_the_run_keys(void **state)
{
    (void)state;
    static keyset one, split;
    for (uint64_t seed = 1; seed <= 20; seed++) {
        rng_state = seed;
        char *first = sentences(6), *second = sentences(6);
        char *halves[2] = {first, second};
        char *line = join(halves, 2, " ");         /* one paragraph on one line */
        char *wrapped = wrap(line, 72);            /* the same, hard-wrapped */
        char *two = join(halves, 2, "\n\n");       /* split in two */
        nd_fp fl, fw, f2;
        build_kept(line, 1, &fl);
        build_kept(wrapped, 1, &fw);
        build_kept(two, 2, &f2);
        /* Re-joined lines: the same paragraph, the same keys and kept text. */
        keys_of(&fl, true, &one);
        assert_true(one.n >= ND_RUN_PAIR);
        keys_of(&fw, true, &split);
        assert_int_equal(split.n, one.n);
        assert_memory_equal(split.v, one.v, one.n * sizeof *one.v);
        assert_int_equal(fw.content_hash, fl.content_hash);
        /* Split in two: halves of more than ND_RUN_WINDOW shingles choose in their windows
         * what the whole chooses, so every key of the halves is one of the whole's; the
         * whole loses only the keys of windows across the break. */
        keys_of(&f2, true, &split);
        size_t n = common(&one, &split);
        if (n != split.n || n < ND_RUN_PAIR || 2 * n < one.n)
            fail_msg("seed %llu: %zu run keys on one line, %zu split in two, %zu shared",
                     (unsigned long long)seed, one.n, split.n, n);
        /* The kept text is hashed paragraph by paragraph: the split is other text. */
        assert_int_not_equal(fw.content_hash, f2.content_hash);
        nd_fp_free(&fl);
        nd_fp_free(&fw);
        nd_fp_free(&f2);
        free(first), free(second), free(line), free(wrapped), free(two);
    }
}

/* An article of three paragraphs, and the same run together on one line. */
static void paragraphs_on_one_line_keep_the_run_keys(void **state)
{
    (void)state;
    static keyset paras, line;
    for (uint64_t seed = 21; seed <= 40; seed++) {
        rng_state = seed;
        char *p[3] = {sentences(6), sentences(5), sentences(7)};
        char *article = join(p, 3, "\n\n"), *oneline = join(p, 3, " ");
        nd_fp fa, fo;
        build_kept(article, 3, &fa);
        build_kept(oneline, 1, &fo);
        keys_of(&fa, true, &paras);
        keys_of(&fo, true, &line);
        size_t n = common(&paras, &line);
        if (n != paras.n || 2 * n <= line.n || n < ND_RUN_PAIR)
            fail_msg("seed %llu: %zu run keys in paragraphs, %zu on one line, %zu shared",
                     (unsigned long long)seed, paras.n, line.n, n);
        nd_fp_free(&fa);
        nd_fp_free(&fo);
        for (int i = 0; i < 3; i++)
            free(p[i]);
        free(article), free(oneline);
    }
}

/* Two articles of their own text that share one verbatim run of `len` words, inside a
 * paragraph of other words in one and as a paragraph of its own in the other: their
 * shared run keys. */
static size_t run_shared_by(int len)
{
    text run = {0}, a = {0}, b = {0};
    put(&run, "");
    words(&run, len);
    put(&a, "Leading ");
    words(&a, 39);
    put(&a, " ");
    put(&a, run.p);
    put(&a, " ");
    words(&a, 30);
    put(&a, ".\n\nSecond ");
    words(&a, 59);
    put(&a, ".");
    put(&b, "Opening ");
    words(&b, 49);
    put(&b, ".\n\n");
    put(&b, run.p);
    put(&b, ".\n\nClosing ");
    words(&b, 49);
    put(&b, ".");
    nd_fp fa, fb;
    build_kept(a.p, 2, &fa);
    build_kept(b.p, 3, &fb);
    size_t n = shared_run_keys(&fa, &fb);
    nd_fp_free(&fa);
    nd_fp_free(&fb);
    free(run.p), free(a.p), free(b.p);
    return n;
}

static void a_long_shared_run_gives_the_keys_a_pair_needs(void **state)
{
    (void)state;
    /* 75 words: 71 shingles, two disjoint windows of 32 with 5 shingles past each.  41
     * words: one window and 5 past it.  Whatever the text: tried on 50 seeds each. */
    for (uint64_t seed = 100; seed < 150; seed++) {
        rng_state = seed;
        size_t n = run_shared_by(75);
        if (n < ND_RUN_PAIR)
            fail_msg("seed %llu: a run of 75 words gave %zu shared run keys",
                     (unsigned long long)seed, n);
        rng_state = seed;
        n = run_shared_by(41);
        if (n < 1)
            fail_msg("seed %llu: a run of 41 words gave no shared run key",
                     (unsigned long long)seed);
    }
}

static void unrelated_texts_share_no_key(void **state)
{
    (void)state;
    for (uint64_t seed = 200; seed < 220; seed++) {
        rng_state = seed;
        char *pa[3] = {sentences(6), sentences(4), sentences(5)};
        char *pb[3] = {sentences(6), sentences(4), sentences(5)};
        char *a = join(pa, 3, "\n\n"), *b = join(pb, 3, "\n\n");
        nd_fp fa, fb, fa2;
        build_kept(a, 3, &fa);
        build_kept(b, 3, &fb);
        build_kept(a, 3, &fa2);
        assert_true(fa.nkeys > 0 && fb.nkeys > 0);
        assert_int_equal(shared_run_keys(&fa, &fb), 0);
        assert_int_equal(shared_band_keys(&fa, &fb), 0);
        /* ... and a copy shares all of them. */
        static keyset all;
        keys_of(&fa, true, &all);
        assert_int_equal(shared_run_keys(&fa, &fa2), all.n);
        keys_of(&fa, false, &all);
        assert_int_equal(shared_band_keys(&fa, &fa2), all.n);
        assert_int_equal(all.n, 3 * ND_BANDS); /* ND_BANDS a paragraph */
        nd_fp_free(&fa);
        nd_fp_free(&fb);
        nd_fp_free(&fa2);
        for (int i = 0; i < 3; i++)
            free(pa[i]), free(pb[i]);
        free(a), free(b);
    }
}

/* ---- whole pages, hashes ---- */

static const char MENU[] = "Home\n\nWorld News Politics Business Economy Markets Technology\n\n"
                           "Sport Football Tennis Golf Cricket Rugby Cycling\n\n"
                           "Weather Forecast Maps Radar\n\nContact Us Careers Advertise\n\n"
                           "World News Politics Business Economy Markets Technology\n";

static void page_the_reader_empties_is_fingerprinted_whole(void **state)
{
    (void)state;
    ndupes_doc *doc = parse(MENU);
    unsigned words = 0;
    size_t repeats = 0;
    assert_int_equal(ndupes_doc_count(doc), 6);
    for (size_t i = 0; i < ndupes_doc_count(doc); i++) {
        const ndupes_para *p = ndupes_doc_para(doc, i);
        assert_int_not_equal(p->reason, NDUPES_KEEP);
        if (p->reason == NDUPES_DROP_REPEAT)
            repeats++;
        else
            words += p->words;
    }
    assert_int_equal(repeats, 1);
    ndupes_doc_free(doc);
    for (int defer = 0; defer < 2; defer++) {
        nd_fp fp, copy;
        build(MENU, defer, &fp);
        assert_int_equal(fp.whole, 1);
        assert_true(fp.nsh > 0);
        assert_int_equal(fp.nsk, fp.nsh);
        assert_int_equal(fp.npend, 0); /* nothing is held back from a whole page */
        assert_int_equal(fp.words, words); /* every paragraph but the repeat */
        assert_int_equal(fp.nkeys, 2 * ND_BANDS); /* the two of 7 words (3 shingles) */
        assert_int_not_equal(fp.content_hash, 0);
        build(MENU, defer, &copy);
        assert_int_equal(copy.content_hash, fp.content_hash);
        assert_int_equal(copy.text_hash, fp.text_hash);
        nd_fp_free(&fp);
        nd_fp_free(&copy);
    }
    /* A page whose only kept paragraph is short and deferred is not whole: the
     * paragraph waits for the template count (and is merged if it is no template). */
    rng_state = 6;
    text one = {0};
    put(&one, "");
    sentence(&one);
    nd_fp fs;
    build(one.p, true, &fs);
    assert_int_equal(fs.whole, 0);
    assert_int_equal(fs.nsh, 0);
    assert_int_equal(fs.npend, 1);
    assert_true(nd_fp_finalize(&fs, NULL, NULL, NULL));
    assert_true(fs.nsh > 0);
    nd_fp_free(&fs);
    free(one.p);
    /* A page with text of its own is not whole; an empty page has nothing. */
    rng_state = 5;
    char *s = sentences(5);
    nd_fp fp;
    build(s, false, &fp);
    assert_int_equal(fp.whole, 0);
    nd_fp_free(&fp);
    free(s);
    build("", false, &fp);
    assert_int_equal(fp.whole, 0);
    assert_int_equal(fp.nsh, 0);
    assert_int_equal(fp.text_hash, 0);
    nd_fp_free(&fp);
}

/* An article between chrome lines: menu, byline, share and copyright lines. */
static char *page(const char *chrome_top, const char *body, const char *chrome_bottom)
{
    text t = {0};
    put(&t, chrome_top);
    put(&t, "\n\n");
    put(&t, body);
    put(&t, "\n\n");
    put(&t, chrome_bottom);
    put(&t, "\n");
    return t.p;
}

static const char BODY[] =
    "The town council of Port Evelyn voted on Thursday night to rebuild the sea wall that "
    "gave way during the storms of last winter, after a debate that ran for more than four "
    "hours and filled the public gallery to the doors.\n\n"
    "Engineers hired by the council found that the old wall, built in the nineteen fifties, "
    "had been undermined by the tide for years. Their report, published last month, said "
    "that patching it again would only move the problem a few metres along the shore.\n\n"
    "The council will hold a public meeting next month to show residents the plans, and "
    "says it will publish the full costs once the state has confirmed its share.";

static void same_page_same_text_hash(void **state)
{
    (void)state;
    char *a = page("Home | News | Sport", BODY, "Share this article");
    char *b = page("Home | News | Sport", BODY, "Share this article");
    nd_fp fa, fb;
    build(a, true, &fa);
    build(b, true, &fb);
    assert_int_not_equal(fa.text_hash, 0);
    assert_int_equal(fa.text_hash, fb.text_hash);
    assert_int_equal(fa.content_hash, fb.content_hash);
    nd_fp_free(&fb);
    /* One word of the body changed ("four" -> "five"): both hashes differ. */
    char *four = strstr(b, "four hours");
    assert_non_null(four);
    memcpy(four, "five", 4);
    build(b, true, &fb);
    assert_int_not_equal(fa.text_hash, fb.text_hash);
    assert_int_not_equal(fa.content_hash, fb.content_hash);
    nd_fp_free(&fb);
    /* One word of the chrome changed: the page differs, its kept text does not. */
    memcpy(four, "four", 4);
    char *sport = strstr(b, "Sport");
    memcpy(sport, "Radio", 5);
    build(b, true, &fb);
    assert_int_not_equal(fa.text_hash, fb.text_hash);
    assert_int_equal(fa.content_hash, fb.content_hash);
    nd_fp_free(&fb);
    /* Other case: the same normalised text. */
    memcpy(sport, "Sport", 5);
    char *council = strstr(b, "council of Port");
    memcpy(council, "COUNCIL", 7);
    build(b, true, &fb);
    assert_int_equal(fa.text_hash, fb.text_hash);
    assert_int_equal(fa.content_hash, fb.content_hash);
    nd_fp_free(&fb);
    /* The same page with other line ends and spacing: the same normalised text. */
    text crlf = {0};
    put(&crlf, "");
    for (const char *p = a; *p; p++) {
        char c[3] = {*p, 0, 0};
        if (*p == '\n')
            c[0] = '\r', c[1] = '\n';
        else if (*p == ' ' && p[1] == 'w' && p[2] == 'a')
            c[1] = ' '; /* a double space before "wall" */
        put(&crlf, c);
    }
    build(crlf.p, true, &fb);
    assert_int_equal(fa.text_hash, fb.text_hash);
    assert_int_equal(fa.content_hash, fb.content_hash);
    nd_fp_free(&fb);
    free(crlf.p);
    nd_fp_free(&fa);
    free(a), free(b);
}

static void content_hash_covers_only_the_kept_text(void **state)
{
    (void)state;
    char *a = page("Home | News | Sport | Weather\n\nBy Mara Lindqvist", BODY,
                   "Share this article\n\nSubscribe to our newsletter\n\n"
                   "(c) 2024 Port Evelyn Gazette. All rights reserved.");
    char *b = page("Front page | Local | Business | Culture | Video", BODY,
                   "We use cookies to improve your experience on our site. Accept all "
                   "cookies\n\nFollow us on Facebook");
    char *bare = page("", BODY, "");
    nd_fp fa, fb, fbare;
    build(a, false, &fa);
    build(b, false, &fb);
    build(bare, false, &fbare);
    assert_int_not_equal(fa.text_hash, fb.text_hash);
    assert_int_not_equal(fa.text_hash, fbare.text_hash);
    assert_int_equal(fa.content_hash, fb.content_hash);
    assert_int_equal(fa.content_hash, fbare.content_hash);
    /* The same text, the same fingerprint. */
    assert_int_equal(fa.nsh, fb.nsh);
    assert_int_equal(fa.words, fb.words);
    assert_memory_equal(fa.sk, fb.sk, fa.nsk * sizeof *fa.sk);
    assert_true(nd_fp_same(&fa, &fb));
    nd_fp_free(&fa);
    nd_fp_free(&fb);
    nd_fp_free(&fbare);
    free(a), free(b), free(bare);
}

/* ---- quotes ---- */

static void quotes_give_anchors(void **state)
{
    (void)state;
    static const char none[] =
        "The mayor said that the new bridge would be finished before the spring, and left "
        "the room without taking any questions from the reporters who had waited for her.";
    static const char one[] =
        "The mayor said \"we will finish the new bridge before the spring\" and left the "
        "room without taking any questions from the reporters who had waited for her.";
    static const char two[] =
        "The mayor said \"we will finish the new bridge before the spring\" and left the "
        "room. Her deputy added \"the money for the work has been found at last\" later.";
    static const char other[] =
        "Asked again on Friday, the mayor repeated: \"we will finish the new bridge before "
        "the spring\", and the council's budget chief agreed with every word of it.";
    static const char japanese[] =
        "市長は火曜日の記者会見で「私たちは新しい橋を来年の春までに必ず完成させる予定です」と"
        "述べ、工事の遅れについて市民に謝罪した。市の議会は先週、追加の予算案を賛成多数で承認"
        "しており、工事は来月から再開される見通しだ。";
    static const char japanese_none[] =
        "市長は火曜日の記者会見で新しい橋を来年の春までに必ず完成させる予定だと述べ、工事の"
        "遅れについて市民に謝罪した。市の議会は先週、追加の予算案を賛成多数で承認しており、"
        "工事は来月から再開される見通しだ。";
    nd_fp f0, f1, f2, fo, fj, fjn;
    build_kept(none, 1, &f0);
    build_kept(one, 1, &f1);
    build_kept(two, 1, &f2);
    build_kept(other, 1, &fo);
    build_kept(japanese, 1, &fj);
    build_kept(japanese_none, 1, &fjn);
    assert_int_equal(f0.nanc, 0);
    assert_int_equal(f0.nq, 0);
    assert_int_equal(f1.nanc, 1);
    assert_true(f1.nq > 0);
    /* A quote's anchor is its smallest shingle: with one quote, the smallest of the quote
     * sketch. */
    assert_int_equal(f1.anc[0], f1.qk[0]);
    assert_int_equal(fj.nanc, 1);
    assert_int_equal(fj.anc[0], fj.qk[0]);
    assert_int_equal(f2.nanc, 2);
    assert_true(f2.anc[0] < f2.anc[1]);
    /* The same quote in another sentence: the same anchor. */
    assert_int_equal(fo.nanc, 1);
    assert_int_equal(fo.anc[0], f1.anc[0]);
    assert_true(f2.anc[0] == f1.anc[0] || f2.anc[1] == f1.anc[0]);
    /* Corner brackets quote too. */
    assert_int_equal(fj.nanc, 1);
    assert_true(fj.nq > 0);
    assert_int_equal(fjn.nanc, 0);
    assert_int_equal(fjn.nq, 0);
    nd_fp_free(&f0);
    nd_fp_free(&f1);
    nd_fp_free(&f2);
    nd_fp_free(&fo);
    nd_fp_free(&fj);
    nd_fp_free(&fjn);
}

/* ---- finalising ---- */

/* Long paragraphs and three short ones (up to ND_SHORT_WORDS words); the third short one
 * starts with the first eight words of the first (shingles in common). */
static char *article_with_short_paragraphs(void)
{
    text t = {0};
    put(&t, "");
    size_t first = 0;
    for (int i = 0; i < 7; i++) {
        if (i)
            put(&t, "\n\n");
        if (i == 1 || i == 3) {
            if (i == 1)
                first = t.len;
            sentence(&t); /* 11 to 16 words */
        } else if (i == 5) {
            const char *w = t.p + first;
            for (int k = 0; k < 8; k++)
                w = strchr(w, ' ') + 1;
            char head[256];
            snprintf(head, sizeof head, "%.*s", (int)(w - (t.p + first)), t.p + first);
            put(&t, head);
            words(&t, 7);
            put(&t, ".");
        } else {
            char *s = sentences(4);
            put(&t, s);
            free(s);
        }
    }
    return t.p;
}

typedef struct pred {
    uint64_t hash; /* the template */
    unsigned calls;
} pred;

static bool is_template(void *ctx, uint64_t hash)
{
    pred *p = ctx;
    p->calls++;
    return hash == p->hash;
}

/* The distinct shingles of pending paragraph i. */
static size_t pending_shingles(const nd_fp *fp, size_t i, uint32_t *out)
{
    memcpy(out, fp->pend_sh + fp->pend[i].first, fp->pend[i].count * sizeof *out);
    return nd_sort_unique_u32(out, fp->pend[i].count);
}

static int cmp_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return (a > b) - (a < b);
}

static bool has_key(const nd_fp *fp, uint32_t key)
{
    for (size_t i = 0; i < fp->nkeys; i++)
        if (fp->keys[i] == key)
            return true;
    return false;
}

static void finalize_without_templates_is_the_plain_build(void **state)
{
    (void)state;
    rng_state = 300;
    char *s = article_with_short_paragraphs();
    nd_fp plain, fp;
    build(s, false, &plain);
    build(s, true, &fp);
    assert_int_equal(fp.npend, 3);
    assert_true(fp.nph >= 7);
    assert_true(fp.nsh < plain.nsh);
    size_t nt = 0;
    assert_true(nd_fp_finalize(&fp, NULL, NULL, &nt));
    assert_int_equal(nt, 0);
    assert_int_equal(fp.npend, 0);
    assert_null(fp.pend);
    assert_null(fp.pend_sh);
    assert_null(fp.ph);
    assert_int_equal(fp.nph, 0);
    assert_int_equal(fp.nsh, plain.nsh);
    assert_int_equal(fp.nq, plain.nq);
    assert_int_equal(fp.nsk, plain.nsk);
    assert_memory_equal(fp.sk, plain.sk, plain.nsk * sizeof *plain.sk);
    assert_int_equal(fp.content_hash, plain.content_hash);
    static keyset a, b;
    keys_of(&fp, true, &a);
    keys_of(&plain, true, &b);
    assert_int_equal(a.n, b.n);
    assert_memory_equal(a.v, b.v, a.n * sizeof *a.v);
    keys_of(&fp, false, &a);
    keys_of(&plain, false, &b);
    assert_int_equal(a.n, b.n);
    assert_memory_equal(a.v, b.v, a.n * sizeof *a.v);
    /* Finalising again changes nothing. */
    uint32_t nsh = fp.nsh, nkeys = fp.nkeys;
    assert_true(nd_fp_finalize(&fp, NULL, NULL, &nt));
    assert_int_equal(fp.nsh, nsh);
    assert_int_equal(fp.nkeys, nkeys);
    nd_fp_free(&plain);
    nd_fp_free(&fp);
    free(s);
}

static void finalize_drops_the_templates_and_merges_the_rest(void **state)
{
    (void)state;
    rng_state = 301;
    char *s = article_with_short_paragraphs();
    nd_fp fp;
    build(s, true, &fp);
    assert_int_equal(fp.npend, 3);
    /* The second short paragraph is a template. */
    uint32_t sh[ND_PENDING_MAX], all[ND_PENDING_MAX];
    size_t merged = 0;
    for (size_t i = 0; i < 3; i++) {
        if (i == 1)
            continue;
        merged += pending_shingles(&fp, i, all + merged);
    }
    size_t distinct = nd_sort_unique_u32(all, merged);
    size_t tsh = pending_shingles(&fp, 1, sh);
    assert_true(distinct > 0 && tsh > 0);
    assert_true(distinct < merged); /* the two merged paragraphs share shingles */
    uint32_t nsh = fp.nsh, nkeys = fp.nkeys;
    size_t addkeys = fp.pend[0].nkeys + fp.pend[2].nkeys;
    uint32_t tkeys[ND_PEND_KEYS], mkeys[2 * ND_PEND_KEYS];
    size_t ntk = fp.pend[1].nkeys;
    memcpy(tkeys, fp.pend[1].keys, ntk * sizeof *tkeys);
    memcpy(mkeys, fp.pend[0].keys, fp.pend[0].nkeys * sizeof *mkeys);
    memcpy(mkeys + fp.pend[0].nkeys, fp.pend[2].keys, fp.pend[2].nkeys * sizeof *mkeys);
    pred p = {fp.pend[1].hash, 0};
    size_t nt = 0;
    assert_true(nd_fp_finalize(&fp, is_template, &p, &nt));
    assert_int_equal(p.calls, 3);
    assert_int_equal(nt, 1);
    assert_int_equal(fp.npend, 0);
    /* nsh grows by the merged paragraphs' shingles, the keys by their keys. */
    assert_int_equal(fp.nsh, nsh + distinct);
    assert_int_equal(fp.nkeys, nkeys + addkeys);
    for (size_t i = 0; i < addkeys; i++)
        assert_true(has_key(&fp, mkeys[i]));
    for (size_t i = 0; i < ntk; i++)
        assert_false(has_key(&fp, tkeys[i]));
    /* The article has fewer than ND_SKETCH_K shingles: its sketch holds all of them, the
     * merged ones with it, the template's not. */
    assert_true(fp.nsh < ND_SKETCH_K);
    assert_int_equal(fp.nsk, fp.nsh);
    for (size_t i = 0; i < distinct; i++)
        assert_non_null(bsearch(&all[i], fp.sk, fp.nsk, sizeof *fp.sk, cmp_u32));
    for (size_t i = 0; i < tsh; i++)
        assert_null(bsearch(&sh[i], fp.sk, fp.nsk, sizeof *fp.sk, cmp_u32));
    nd_fp_free(&fp);
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(paragraph_breaks_keep_the_run_keys),
        cmocka_unit_test(paragraphs_on_one_line_keep_the_run_keys),
        cmocka_unit_test(a_long_shared_run_gives_the_keys_a_pair_needs),
        cmocka_unit_test(unrelated_texts_share_no_key),
        cmocka_unit_test(page_the_reader_empties_is_fingerprinted_whole),
        cmocka_unit_test(same_page_same_text_hash),
        cmocka_unit_test(content_hash_covers_only_the_kept_text),
        cmocka_unit_test(quotes_give_anchors),
        cmocka_unit_test(finalize_without_templates_is_the_plain_build),
        cmocka_unit_test(finalize_drops_the_templates_and_merges_the_rest),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
