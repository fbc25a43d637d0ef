/*
 * test_langdata.c - the language data of src/read/langdata.c: the words are in the form the
 * reader will compare them with, and the tables are well made.
 *
 * Each check is a function over a table of languages that counts (and prints) what is
 * wrong with it.  The tests run every check on the real tables, where it must find
 * nothing, and on a small table broken on purpose, where it must find each fault: a check
 * that cannot fail would pass whatever the data.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "langdata.h"
#include "nd_internal.h"

/* The languages whose pages the reader must know best: chrome and tail lists required. */
static const char *const main_langs[] = {
    "en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru",
    "uk", "tr", "id", "ar", "he", "zh", "ja", "ko", "th",
};
#define NMAIN (sizeof main_langs / sizeof main_langs[0])

#define MAX_CUE_WORDS 80 /* boilerplate.c counts no cue in a longer paragraph */
#define MAX_TAIL_WORDS 8 /* a tail marker stands on a line of at most 8 words */

/* Is s in the reader's normalised form (nd_normalize gives the same bytes)? */
static bool is_normalised(const char *s)
{
    nd_buf b = {0};
    size_t len = strlen(s);
    assert_true(nd_normalize(s, len, &b));
    bool same = b.len == len && memcmp(b.p, s, len) == 0;
    nd_buf_free(&b);
    return same;
}

/* The number of tokens nd_tokenize finds in s; *whole is set when there is exactly one
 * and it spans all of s. */
static size_t tokens(const char *s, bool *whole)
{
    nd_tok *t = NULL;
    size_t cap = 0;
    size_t n = nd_tokenize(s, strlen(s), &t, &cap, 0, NULL);
    assert_int_not_equal(n, SIZE_MAX);
    *whole = n == 1 && t[0].off == 0 && t[0].len == strlen(s);
    nd_free(t);
    return n;
}

/* The length of s in word-equivalents, as the reader's rules count it (a Chinese
 * character is half a word, a Thai one a third). */
static size_t word_equivalents(const char *s)
{
    nd_tok *t = NULL;
    size_t cap = 0, units = 0;
    size_t n = nd_tokenize(s, strlen(s), &t, &cap, 0, NULL);
    assert_int_not_equal(n, SIZE_MAX);
    for (size_t i = 0; i < n; i++)
        units += t[i].unit;
    nd_free(t);
    return (units + ND_UNIT / 2) / ND_UNIT;
}

/* Thai is tokenised by character but its function words are words: its list is not made
 * of tokens (it is not used for token counts). */
static bool substring_list(const nd_langdef *l)
{
    return strcmp(l->code, "th") == 0;
}

/* The number of code points of UTF-8 text s. */
static size_t code_points(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static bool char_tokenised(const nd_langdef *l)
{
    return strcmp(l->code, "zh") == 0 || strcmp(l->code, "ja") == 0;
}

static size_t count_list(const char *const *list)
{
    size_t n = 0;
    while (list && list[n])
        n++;
    return n;
}

static size_t count_cues(const nd_cue *c)
{
    size_t n = 0;
    while (c && c[n].phrase)
        n++;
    return n;
}

/* (a) Every stopword, cue and tail phrase is already normalised. */
static size_t bad_form(const nd_langdef *langs, size_t nlangs, const nd_cue *any)
{
    size_t bad = 0;
    for (size_t i = 0; i < nlangs; i++) {
        const nd_langdef *l = &langs[i];
        for (size_t k = 0; l->stop && l->stop[k]; k++)
            if (!is_normalised(l->stop[k]) && ++bad)
                print_message("%s: stopword '%s' is not normalised\n", l->code, l->stop[k]);
        for (size_t k = 0; l->cues && l->cues[k].phrase; k++)
            if (!is_normalised(l->cues[k].phrase) && ++bad)
                print_message("%s: cue '%s' is not normalised\n", l->code, l->cues[k].phrase);
        for (size_t k = 0; l->tail && l->tail[k]; k++)
            if (!is_normalised(l->tail[k]) && ++bad)
                print_message("%s: tail '%s' is not normalised\n", l->code, l->tail[k]);
    }
    for (size_t k = 0; any && any[k].phrase; k++)
        if (!is_normalised(any[k].phrase) && ++bad)
            print_message("any: cue '%s' is not normalised\n", any[k].phrase);
    return bad;
}

/* (b) Every stopword is one token (for Chinese and Japanese, one character), and every
 * tail marker fits the short line it must stand on. */
static size_t bad_tokens(const nd_langdef *langs, size_t nlangs)
{
    size_t bad = 0;
    for (size_t i = 0; i < nlangs; i++) {
        const nd_langdef *l = &langs[i];
        for (size_t k = 0; l->stop && l->stop[k]; k++) {
            const char *w = l->stop[k];
            bool whole;
            tokens(w, &whole);
            if (substring_list(l))
                continue;
            if (!whole || (char_tokenised(l) && code_points(w) != 1)) {
                print_message("%s: stopword '%s' is not one %s\n", l->code, w,
                              char_tokenised(l) ? "character" : "token");
                bad++;
            }
        }
        for (size_t k = 0; l->tail && l->tail[k]; k++) {
            size_t n = word_equivalents(l->tail[k]);
            if (n == 0 || n > MAX_TAIL_WORDS) {
                print_message("%s: tail '%s' has %zu words\n", l->code, l->tail[k], n);
                bad++;
            }
        }
    }
    return bad;
}

/* (c) No stopword, cue or tail phrase twice within a language. */
static size_t bad_duplicates(const nd_langdef *langs, size_t nlangs)
{
    size_t bad = 0;
    for (size_t i = 0; i < nlangs; i++) {
        const nd_langdef *l = &langs[i];
        for (size_t a = 0; l->stop && l->stop[a]; a++)
            for (size_t b = a + 1; l->stop[b]; b++)
                if (strcmp(l->stop[a], l->stop[b]) == 0 && ++bad)
                    print_message("%s: stopword '%s' twice\n", l->code, l->stop[a]);
        for (size_t a = 0; l->cues && l->cues[a].phrase; a++)
            for (size_t b = a + 1; l->cues[b].phrase; b++)
                if (strcmp(l->cues[a].phrase, l->cues[b].phrase) == 0 && ++bad)
                    print_message("%s: cue '%s' twice\n", l->code, l->cues[a].phrase);
        for (size_t a = 0; l->tail && l->tail[a]; a++)
            for (size_t b = a + 1; l->tail[b]; b++)
                if (strcmp(l->tail[a], l->tail[b]) == 0 && ++bad)
                    print_message("%s: tail '%s' twice\n", l->code, l->tail[a]);
    }
    return bad;
}

/* (d) Every list is there (never NULL) and the required ones are not empty: stopwords
 * for every language, cues and tail markers for the main languages. */
static size_t bad_empty(const nd_langdef *langs, size_t nlangs)
{
    size_t bad = 0;
    for (size_t i = 0; i < nlangs; i++) {
        const nd_langdef *l = &langs[i];
        if (!l->stop || !l->cues || !l->tail) {
            print_message("%s: a list is NULL\n", l->code);
            bad++;
            continue;
        }
        bool main_lang = false;
        for (size_t m = 0; m < NMAIN; m++)
            main_lang |= strcmp(l->code, main_langs[m]) == 0;
        if (count_list(l->stop) == 0 && ++bad)
            print_message("%s: no stopwords\n", l->code);
        if (main_lang && count_cues(l->cues) == 0 && ++bad)
            print_message("%s: no cues\n", l->code);
        if (main_lang && count_list(l->tail) == 0 && ++bad)
            print_message("%s: no tail markers\n", l->code);
        for (size_t k = 0; l->stop[k]; k++)
            if (!*l->stop[k] && ++bad)
                print_message("%s: empty stopword\n", l->code);
        for (size_t k = 0; l->cues[k].phrase; k++)
            if (!*l->cues[k].phrase && ++bad)
                print_message("%s: empty cue\n", l->code);
        for (size_t k = 0; l->tail[k]; k++)
            if (!*l->tail[k] && ++bad)
                print_message("%s: empty tail marker\n", l->code);
    }
    return bad;
}

/* (e) Codes are unique, and each has a name. */
static size_t bad_codes(const nd_langdef *langs, size_t nlangs)
{
    size_t bad = 0;
    for (size_t i = 0; i < nlangs; i++) {
        if (!langs[i].code || !*langs[i].code || !langs[i].name || !*langs[i].name) {
            print_message("language %zu: no code or name\n", i);
            bad++;
            continue;
        }
        for (size_t j = i + 1; j < nlangs; j++)
            if (langs[j].code && strcmp(langs[i].code, langs[j].code) == 0 && ++bad)
                print_message("code '%s' twice\n", langs[i].code);
    }
    return bad;
}

/* (f) Every cue's max_words is between 1 and MAX_CUE_WORDS. */
static size_t bad_limits_of(const char *code, const nd_cue *c)
{
    size_t bad = 0;
    for (size_t k = 0; c && c[k].phrase; k++)
        if ((c[k].max_words < 1 || c[k].max_words > MAX_CUE_WORDS) && ++bad)
            print_message("%s: cue '%s' counts up to %u words\n", code, c[k].phrase,
                          c[k].max_words);
    return bad;
}

static size_t bad_limits(const nd_langdef *langs, size_t nlangs, const nd_cue *any)
{
    size_t bad = bad_limits_of("any", any);
    for (size_t i = 0; i < nlangs; i++)
        bad += bad_limits_of(langs[i].code, langs[i].cues);
    return bad;
}

/* ---- the real tables ---- */

static void words_are_normalised(void **state)
{
    (void)state;
    assert_int_equal(bad_form(nd_langs, nd_nlangs, nd_cues_any), 0);
}

static void stopwords_are_single_tokens(void **state)
{
    (void)state;
    assert_int_equal(bad_tokens(nd_langs, nd_nlangs), 0);
}

static void no_word_twice(void **state)
{
    (void)state;
    assert_int_equal(bad_duplicates(nd_langs, nd_nlangs), 0);
}

static void required_lists_are_filled(void **state)
{
    (void)state;
    assert_int_equal(bad_empty(nd_langs, nd_nlangs), 0);
    assert_true(count_cues(nd_cues_any) > 0);
    /* Every main language is in the table. */
    for (size_t m = 0; m < NMAIN; m++) {
        bool found = false;
        for (size_t i = 0; i < nd_nlangs; i++)
            found |= strcmp(nd_langs[i].code, main_langs[m]) == 0;
        if (!found)
            print_message("main language '%s' is missing\n", main_langs[m]);
        assert_true(found);
    }
}

static void codes_are_unique(void **state)
{
    (void)state;
    assert_int_equal(bad_codes(nd_langs, nd_nlangs), 0);
    assert_string_equal(nd_langs[0].code, "en"); /* English first */
}

static void cue_limits_are_in_range(void **state)
{
    (void)state;
    assert_int_equal(bad_limits(nd_langs, nd_nlangs, nd_cues_any), 0);
}

/* English keeps the reader's old lists: spot checks of their ends and of the cues that
 * need their exact bytes. */
/* Every cue of every language is found after a word of each length from 1 to 20 (the
 * scan skips through words eight bytes at a time), and a cue glued to the end of a word
 * is not (a cue starts a word). */
static void cues_are_found_after_words_of_every_length(void **state)
{
    (void)state;
    assert_true(nd_cues_init());
    for (size_t l = 0; l < nd_nlangs; l++)
        for (const nd_cue *q = nd_langs[l].cues; q && q->phrase; q++)
            for (size_t k = 1; k <= 20; k++) {
                char text[400];
                int n = snprintf(text, sizeof text, "%.*s %s", (int)k,
                                 "xqxqxqxqxqxqxqxqxqxq", q->phrase);
                assert_true(n > 0 && (size_t)n < sizeof text);
                if (!nd_cue_find(text, (size_t)n, 1, (int)l, false))
                    fail_msg("%s: \"%s\" not found after a word of %zu bytes",
                             nd_langs[l].code, q->phrase, k);
            }
    int en = nd_lang_lookup("en");
    assert_true(en >= 0);
    static const char glued[] = "xqxqxqxqxqxqxqcookie";
    assert_null(nd_cue_find(glued, sizeof glued - 1, 1, en, false));
    static const char spaced[] = "xqxqxqxqxqxqxq cookie";
    assert_non_null(nd_cue_find(spaced, sizeof spaced - 1, 1, en, false));
}

static void english_keeps_the_old_lists(void **state)
{
    (void)state;
    const nd_langdef *en = &nd_langs[0];
    assert_int_equal(count_list(en->stop), 131);
    assert_int_equal(count_cues(en->cues), 113);
    assert_int_equal(count_list(en->tail), 17);
    assert_string_equal(en->stop[0], "a");
    assert_string_equal(en->cues[0].phrase, "cookie");
    assert_int_equal(en->cues[0].max_words, 60);
    assert_string_equal(en->cues[count_cues(en->cues) - 1].phrase, "getty");
    assert_string_equal(en->tail[count_list(en->tail) - 1], "top stories");
    bool pa = false;
    for (size_t k = 0; en->cues[k].phrase; k++)
        pa |= strcmp(en->cues[k].phrase, "/pa ") == 0 && en->cues[k].max_words == 50;
    assert_true(pa);
}

/* ---- the checks themselves: each finds a fault planted in a small table ---- */

static const char *const ok_stop[] = {"der", "die", NULL};
static const char *const ok_tail[] = {"lesen sie auch", NULL};
static const nd_cue ok_cues[] = {{"impressum", 15}, {NULL, 0}};
static const char *const zh_stop[] = {"的", "了", NULL};

static void checks_find_planted_faults(void **state)
{
    (void)state;
    const nd_langdef good[] = {{"xx", "Good", ok_stop, ok_cues, ok_tail},
                               {"zh", "Chinese", zh_stop, ok_cues, ok_tail}};
    const nd_cue ok_any[] = {{"facebook", 12}, {NULL, 0}};
    assert_int_equal(bad_form(good, 2, ok_any), 0);
    assert_int_equal(bad_tokens(good, 2), 0);
    assert_int_equal(bad_duplicates(good, 2), 0);
    assert_int_equal(bad_empty(good, 2), 0);
    assert_int_equal(bad_codes(good, 2), 0);
    assert_int_equal(bad_limits(good, 2, ok_any), 0);

    /* (a) capitals, "ß" and a typographic apostrophe are not the normalised form */
    static const char *const unnorm_stop[] = {"Der", "stra\xC3\x9F" "e", NULL};
    static const nd_cue unnorm_cues[] = {{"conditions d\xE2\x80\x99utilisation", 50},
                                         {NULL, 0}};
    const nd_langdef unnorm[] = {{"xx", "X", unnorm_stop, unnorm_cues, ok_tail}};
    const nd_cue unnorm_any[] = {{"Facebook", 12}, {NULL, 0}};
    assert_int_equal(bad_form(unnorm, 1, unnorm_any), 4);

    /* (b) two tokens, an apostrophe, a word of two Chinese characters, a long tail */
    static const char *const multi_stop[] = {"sagte er", "l'homme", NULL};
    static const char *const zh_multi[] = {"我们", NULL};
    static const char *const long_tail[] = {"one two three four five six seven eight nine",
                                            NULL};
    const nd_langdef multi[] = {{"xx", "X", multi_stop, ok_cues, long_tail},
                                {"zh", "Chinese", zh_multi, ok_cues, ok_tail}};
    assert_int_equal(bad_tokens(multi, 2), 4);

    /* (c) the same word twice in one list (in two languages is fine) */
    static const char *const dup_stop[] = {"der", "die", "der", NULL};
    static const nd_cue dup_cues[] = {{"impressum", 15}, {"impressum", 20}, {NULL, 0}};
    const nd_langdef dup[] = {{"xx", "X", dup_stop, dup_cues, ok_tail},
                              {"yy", "Y", ok_stop, ok_cues, ok_tail}};
    assert_int_equal(bad_duplicates(dup, 2), 2);

    /* (d) no stopwords; a main language without cues or tail; a NULL list */
    static const char *const none[] = {NULL};
    static const nd_cue no_cues[] = {{NULL, 0}};
    const nd_langdef empty[] = {{"xx", "X", none, no_cues, none},
                                {"de", "German", ok_stop, no_cues, none},
                                {"fr", "French", NULL, ok_cues, ok_tail}};
    assert_int_equal(bad_empty(empty, 3), 4);

    /* (e) a code twice */
    const nd_langdef twice[] = {{"de", "German", ok_stop, ok_cues, ok_tail},
                                {"de", "Deutsch", ok_stop, ok_cues, ok_tail}};
    assert_int_equal(bad_codes(twice, 2), 1);

    /* (f) max_words 0 and past the reader's limit */
    static const nd_cue out_cues[] = {{"impressum", 0}, {"datenschutz", 81}, {NULL, 0}};
    const nd_langdef out[] = {{"xx", "X", ok_stop, out_cues, ok_tail}};
    const nd_cue out_any[] = {{"facebook", 100}, {NULL, 0}};
    assert_int_equal(bad_limits(out, 1, out_any), 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(words_are_normalised),
        cmocka_unit_test(stopwords_are_single_tokens),
        cmocka_unit_test(no_word_twice),
        cmocka_unit_test(required_lists_are_filled),
        cmocka_unit_test(codes_are_unique),
        cmocka_unit_test(cue_limits_are_in_range),
        cmocka_unit_test(english_keeps_the_old_lists),
        cmocka_unit_test(cues_are_found_after_words_of_every_length),
        cmocka_unit_test(checks_find_planted_faults),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
