/*
 * test_tokenize.c - word tokens of normalised text, quoted spans and stopwords
 * (src/read/tokenize.c).
 *
 * Each test tokenises a literal string and compares the tokens with a list written out
 * here: the words a reader would see, split at punctuation, in any script.
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

/* Tokenises s and checks the tokens against want[0..n) and, when quoted is not NULL, the
 * quoted flags against quoted[0..n). */
static void check_tokens(const char *s, const char *const *want, size_t n, const int *quoted)
{
    nd_tok *toks = NULL;
    size_t cap = 0;
    size_t nt = nd_tokenize(s, strlen(s), &toks, &cap, 0, NULL);
    if (nt != n) {
        for (size_t i = 0; i < nt && i < 64; i++)
            print_message("  token %zu: '%.*s'\n", i, (int)toks[i].len, toks[i].s);
    }
    assert_int_equal(nt, n);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(toks[i].len, strlen(want[i]));
        assert_memory_equal(toks[i].s, want[i], toks[i].len);
        /* Tokens point into the input. */
        assert_true(toks[i].s >= s && toks[i].s + toks[i].len <= s + strlen(s));
        if (quoted)
            assert_int_equal(toks[i].quoted != 0, quoted[i]);
    }
    nd_free(toks);
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void ascii_words_split_at_punctuation(void **state)
{
    (void)state;
    static const char *const w[] = {"hello", "world", "it", "s", "u", "s", "backed",
                                    "e",     "mail",  "a",  "b", "c"};
    check_tokens("hello, world! it's u.s.-backed e-mail (a/b;c)", w, N(w), NULL);
}

static void digits_are_word_characters(void **state)
{
    (void)state;
    static const char *const w[] = {"2025", "12", "21", "8", "00", "am", "1st", "g7", "3", "5"};
    check_tokens("2025-12-21 8:00 am, 1st g7 3.5", w, N(w), NULL);
}

static void empty_and_punctuation_only_give_no_tokens(void **state)
{
    (void)state;
    check_tokens("", NULL, 0, NULL);
    check_tokens(" .,;:!?\"'()[]{}-- ... ", NULL, 0, NULL);
}

static void accented_letters_stay_inside_words(void **state)
{
    (void)state;
    /* café naïve über-größe façade */
    static const char *const w[] = {"caf\xC3\xA9", "na\xC3\xAFve", "\xC3\xBC" "ber",
                                    "gr\xC3\xB6\xC3\x9F" "e", "fa\xC3\xA7" "ade"};
    check_tokens("caf\xC3\xA9 na\xC3\xAFve \xC3\xBC" "ber-gr\xC3\xB6\xC3\x9F" "e fa\xC3\xA7" "ade",
                 w, N(w), NULL);
}

static void combining_marks_stay_inside_words(void **state)
{
    (void)state;
    /* "cafe" + U+0301 COMBINING ACUTE ACCENT is one word. */
    static const char *const w[] = {"cafe\xCC\x81", "noir"};
    check_tokens("cafe\xCC\x81 noir", w, N(w), NULL);
}

static void cyrillic_and_greek_are_words(void **state)
{
    (void)state;
    /* москва, 2025 года; αθήνα */
    static const char *const w[] = {"\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", "2025",
                                    "\xD0\xB3\xD0\xBE\xD0\xB4\xD0\xB0",
                                    "\xCE\xB1\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1"};
    check_tokens("\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0, 2025 \xD0\xB3\xD0\xBE\xD0\xB4"
                 "\xD0\xB0; \xCE\xB1\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1",
                 w, N(w), NULL);
}

/* Chinese and Japanese have no spaces between words: each character is a token (so that
 * shingles are character n-grams), and a Latin word inside such text stays whole. */
static void han_and_kana_are_one_token_a_character(void **state)
{
    (void)state;
    static const char *const w[] = {"東", "京", "で", "iphone", "を", "発", "表", "2025"};
    check_tokens("東京でiphoneを発表。2025", w, N(w), NULL);
}

/* Thai: a consonant and the vowel and tone marks written on it are one token. */
static void thai_marks_stay_with_their_letter(void **state)
{
    (void)state;
    /* ที่ (tho thahan + sara i + mai ek) then นี่ */
    static const char *const w[] = {"\xE0\xB8\x97\xE0\xB8\xB5\xE0\xB9\x88",
                                    "\xE0\xB8\x99\xE0\xB8\xB5\xE0\xB9\x88"};
    check_tokens("\xE0\xB8\x97\xE0\xB8\xB5\xE0\xB9\x88\xE0\xB8\x99\xE0\xB8\xB5\xE0\xB9\x88", w,
                 N(w), NULL);
}

/* 「...」 and 『...』 open and close quotes. */
static void cjk_corner_brackets_quote(void **state)
{
    (void)state;
    static const char *const w[] = {"彼", "は", "遅", "い", "と", "言"};
    static const int q[] = {0, 0, 1, 1, 0, 0};
    check_tokens("彼は「遅い」と言", w, N(w), q);
}

/* Word-equivalents and letters per script, for the reader's rules and the language. */
static void units_and_scripts_are_counted(void **state)
{
    (void)state;
    nd_tok *toks = NULL;
    size_t cap = 0;
    uint32_t sc[ND_SC_COUNT] = {0};
    const char *s = "abc \xD0\xB4\xD0\xB0 東京 ภา";
    size_t n = nd_tokenize(s, strlen(s), &toks, &cap, 0, sc);
    assert_int_equal(n, 6);
    assert_int_equal(toks[0].unit, ND_UNIT);
    assert_int_equal(toks[1].unit, ND_UNIT);
    assert_int_equal(toks[2].unit, ND_UNIT / 2);
    assert_int_equal(toks[4].unit, ND_UNIT / 3);
    assert_int_equal(sc[ND_SC_LATIN], 3);
    assert_int_equal(sc[ND_SC_CYRILLIC], 2);
    assert_int_equal(sc[ND_SC_HAN], 2);
    assert_int_equal(sc[ND_SC_THAI], 2);
    nd_free(toks);
}

static void non_ascii_punctuation_and_symbols_split(void **state)
{
    (void)state;
    /* a«b»c, x€y, p•q, m…n, emoji between words */
    static const char *const w[] = {"a", "b", "c", "x", "y", "p", "q", "m", "n", "go", "on"};
    check_tokens("a\xC2\xAB" "b\xC2\xBB" "c x\xE2\x82\xAC" "y p\xE2\x80\xA2q m\xE2\x80\xA6n "
                 "go\xF0\x9F\x98\x80on",
                 w, N(w), NULL);
}

static void words_inside_double_quotes_are_flagged(void **state)
{
    (void)state;
    static const char *const w[] = {"he", "said", "we", "will", "win", "and", "left"};
    static const int q[] = {0, 0, 1, 1, 1, 0, 0};
    check_tokens("he said \"we will win\" and left", w, N(w), q);
}

static void several_quoted_spans(void **state)
{
    (void)state;
    static const char *const w[] = {"a", "b", "c", "d", "e", "f"};
    static const int q[] = {1, 0, 1, 1, 0, 1};
    check_tokens("\"a\" b \"c d\" e \"f\"", w, N(w), q);
}

static void single_quotes_do_not_open_a_quote(void **state)
{
    (void)state;
    static const char *const w[] = {"it", "s", "a", "proceeding", "constructively", "deal"};
    static const int q[] = {0, 0, 0, 0, 0, 0};
    check_tokens("it's a 'proceeding constructively' deal", w, N(w), q);
}

static void unclosed_quote_runs_to_the_end(void **state)
{
    (void)state;
    static const char *const w[] = {"x", "y", "z"};
    static const int q[] = {0, 1, 1};
    check_tokens("x \"y z", w, N(w), q);
}

static void quote_state_is_reset_per_call(void **state)
{
    (void)state;
    static const char *const w1[] = {"open"};
    static const int q1[] = {1};
    check_tokens("\"open", w1, 1, q1);
    static const char *const w2[] = {"next"};
    static const int q2[] = {0};
    check_tokens("next", w2, 1, q2);
}

/* Words of every length at every offset (the tokenizer reads ASCII eight bytes at a
 * time): random text over letters, digits, punctuation, bytes just outside the letter
 * ranges and an accented letter, each token checked against the runs found here byte by
 * byte (an ASCII letter or digit, or a byte of the 2-byte letter, continues a word). */
static void word_ends_at_every_offset(void **state)
{
    (void)state;
    static const char *const alphabet[] = {"a", "z", "A", "Z", "0", "9", "m", "Q", " ", ".",
                                           "@", "[", "`", "{", "/", ":", "-", "\xc3\xa9"};
    const size_t na = sizeof alphabet / sizeof alphabet[0];
    uint32_t seed = 99;
    nd_tok *toks = NULL;
    size_t cap = 0;
    for (int round = 0; round < 3000; round++) {
        char s[256];
        size_t len = 0, parts = 1 + round % 60;
        for (size_t k = 0; k < parts; k++) {
            seed = seed * 1103515245u + 12345u;
            /* Mostly letters, so that long words occur. */
            size_t pick = (seed >> 16) % 4 ? (seed >> 20) % 8 : (seed >> 20) % na;
            size_t l = strlen(alphabet[pick]);
            memcpy(s + len, alphabet[pick], l);
            len += l;
        }
        s[len] = '\0';
        size_t nt = nd_tokenize(s, len, &toks, &cap, 0, NULL);
        size_t t = 0;
        for (size_t i = 0; i < len;) {
            unsigned char c = (unsigned char)s[i];
            bool word = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                        (c >= 'A' && c <= 'Z') || c >= 0x80;
            if (!word) {
                i++;
                continue;
            }
            size_t e = i;
            while (e < len && (((unsigned char)s[e] >= '0' && s[e] <= '9') ||
                               (s[e] >= 'a' && s[e] <= 'z') || (s[e] >= 'A' && s[e] <= 'Z') ||
                               (unsigned char)s[e] >= 0x80))
                e++;
            if (t >= nt || toks[t].off != i || toks[t].len != e - i)
                fail_msg("\"%s\": token %zu should be [%zu, %zu)", s, t, i, e);
            t++;
            i = e;
        }
        assert_int_equal(nt, t);
    }
    free(toks);
}

static void long_text_grows_the_token_array(void **state)
{
    (void)state;
    /* 1000 words "w0 w1 ... w999": more than the initial capacity. */
    char *s = malloc(8000);
    assert_non_null(s);
    size_t len = 0;
    for (int i = 0; i < 1000; i++)
        len += (size_t)snprintf(s + len, 8000 - len, "w%d ", i);
    nd_tok *toks = NULL;
    size_t cap = 0;
    size_t n = nd_tokenize(s, len, &toks, &cap, 0, NULL);
    assert_int_equal(n, 1000);
    assert_true(cap >= 1000);
    char buf[16];
    for (int i = 0; i < 1000; i += 37) {
        int bl = snprintf(buf, sizeof buf, "w%d", i);
        assert_int_equal(toks[i].len, bl);
        assert_memory_equal(toks[i].s, buf, (size_t)bl);
    }
    /* A second call reuses the array. */
    nd_tok *before = toks;
    assert_int_equal(nd_tokenize("one two", 7, &toks, &cap, 0, NULL), 2);
    assert_ptr_equal(toks, before);
    nd_free(toks);
    free(s);
}

static void length_bounds_the_input(void **state)
{
    (void)state;
    nd_tok *toks = NULL;
    size_t cap = 0;
    /* Only the first 9 bytes: "alpha bet". */
    assert_int_equal(nd_tokenize("alpha beta gamma", 9, &toks, &cap, 0, NULL), 2);
    assert_int_equal(toks[1].len, 3);
    nd_free(toks);
}

static void stopwords_are_found(void **state)
{
    (void)state;
    static const char *const yes[] = {"the", "a", "of", "and", "said", "however", "although",
                                      "would", "which", "between"};
    for (size_t i = 0; i < N(yes); i++)
        assert_true(nd_is_stopword(yes[i], strlen(yes[i])));
}

static void content_words_are_not_stopwords(void **state)
{
    (void)state;
    static const char *const no[] = {"ukraine", "kremlin", "peace", "thee", "th", "an_",
                                     "theirs", "constructively", "", "x"};
    for (size_t i = 0; i < N(no); i++)
        assert_false(nd_is_stopword(no[i], strlen(no[i])));
}

static void stopword_lookup_uses_the_length_not_a_terminator(void **state)
{
    (void)state;
    const char *s = "there is";
    assert_true(nd_is_stopword(s, 5));  /* "there" */
    assert_true(nd_is_stopword(s, 3));  /* "the" */
    assert_false(nd_is_stopword(s, 2)); /* "th" */
    assert_false(nd_is_stopword(s, 8)); /* "there is" */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ascii_words_split_at_punctuation),
        cmocka_unit_test(digits_are_word_characters),
        cmocka_unit_test(empty_and_punctuation_only_give_no_tokens),
        cmocka_unit_test(accented_letters_stay_inside_words),
        cmocka_unit_test(combining_marks_stay_inside_words),
        cmocka_unit_test(cyrillic_and_greek_are_words),
        cmocka_unit_test(han_and_kana_are_one_token_a_character),
        cmocka_unit_test(thai_marks_stay_with_their_letter),
        cmocka_unit_test(cjk_corner_brackets_quote),
        cmocka_unit_test(units_and_scripts_are_counted),
        cmocka_unit_test(non_ascii_punctuation_and_symbols_split),
        cmocka_unit_test(words_inside_double_quotes_are_flagged),
        cmocka_unit_test(several_quoted_spans),
        cmocka_unit_test(single_quotes_do_not_open_a_quote),
        cmocka_unit_test(unclosed_quote_runs_to_the_end),
        cmocka_unit_test(quote_state_is_reset_per_call),
        cmocka_unit_test(word_ends_at_every_offset),
        cmocka_unit_test(long_text_grows_the_token_array),
        cmocka_unit_test(length_bounds_the_input),
        cmocka_unit_test(stopwords_are_found),
        cmocka_unit_test(content_words_are_not_stopwords),
        cmocka_unit_test(stopword_lookup_uses_the_length_not_a_terminator),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
