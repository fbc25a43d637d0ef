/*
 * test_lang.c - the language of a page and the rules that depend on it (src/read/lang.c,
 * src/read/boilerplate.c), on the prose and chrome written for each language in
 * tests/data/lang/ (<code>.txt: three paragraphs of news prose; <code>-chrome.txt: the
 * menus, banners and footers of a news page in that language).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ndupes.h"

static char *slurp(const char *path, size_t *len)
{
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = malloc(1 << 20);
    *len = buf ? fread(buf, 1, 1 << 20, f) : 0;
    fclose(f);
    return buf;
}

static const char *dir(void)
{
    static char d[1024];
    const char *src = getenv("SRCDIR");
    snprintf(d, sizeof d, "%s/tests/data/lang", src ? src : ".");
    return d;
}

static ndupes_doc *parse(const char *text, size_t len)
{
    ndupes_doc *doc = NULL;
    assert_int_equal(ndupes_doc_parse(text, len, NULL, &doc), NDUPES_OK);
    return doc;
}

static size_t kept(const ndupes_doc *doc)
{
    size_t k = 0;
    for (size_t i = 0; i < ndupes_doc_count(doc); i++)
        k += ndupes_doc_para(doc, i)->reason == NDUPES_KEEP;
    return k;
}

/* Each language's prose is told as that language, and all of it is kept. */
static void prose_is_told_and_kept(void **state)
{
    (void)state;
    DIR *d = opendir(dir());
    assert_non_null(d);
    struct dirent *e;
    size_t n = 0, wrong = 0;
    while ((e = readdir(d)) != NULL) {
        size_t L = strlen(e->d_name);
        if (L < 5 || strcmp(e->d_name + L - 4, ".txt") != 0 || strstr(e->d_name, "-chrome"))
            continue;
        char path[1300], code[16];
        snprintf(path, sizeof path, "%s/%s", dir(), e->d_name);
        snprintf(code, sizeof code, "%.*s", (int)(L - 4), e->d_name);
        size_t len;
        char *text = slurp(path, &len);
        assert_non_null(text);
        ndupes_doc *doc = parse(text, len);
        ndupes_lang_info li;
        assert_int_equal(ndupes_doc_language(doc, &li), NDUPES_OK);
        if (strcmp(li.code, code) != 0 || kept(doc) != ndupes_doc_count(doc)) {
            print_message("%s: told %s (%s), %zu of %zu paragraphs kept\n", code, li.code,
                          li.script, kept(doc), ndupes_doc_count(doc));
            wrong++;
        }
        n++;
        ndupes_doc_free(doc);
        free(text);
    }
    closedir(d);
    assert_true(n >= 18);
    assert_int_equal(wrong, 0);
}

/* A news page in each language: its chrome (20 lines) above its prose.  The prose is kept
 * whole and at least three quarters of the chrome lines are dropped, by rules of that
 * language (cues, function words) and rules that need no word list. */
static void chrome_is_dropped_in_every_language(void **state)
{
    (void)state;
    DIR *d = opendir(dir());
    assert_non_null(d);
    struct dirent *e;
    size_t n = 0, wrong = 0;
    while ((e = readdir(d)) != NULL) {
        const char *dash = strstr(e->d_name, "-chrome.txt");
        if (!dash)
            continue;
        char cpath[1300], ppath[1300];
        snprintf(cpath, sizeof cpath, "%s/%s", dir(), e->d_name);
        snprintf(ppath, sizeof ppath, "%s/%.*s.txt", dir(), (int)(dash - e->d_name), e->d_name);
        size_t clen, plen;
        char *chrome = slurp(cpath, &clen), *prose = slurp(ppath, &plen);
        assert_non_null(chrome);
        assert_non_null(prose);
        char *page = malloc(clen + plen + 2);
        memcpy(page, chrome, clen);
        page[clen] = '\n';
        memcpy(page + clen + 1, prose, plen);
        ndupes_doc *pd = parse(prose, plen), *doc = parse(page, clen + plen + 1);
        size_t nprose = ndupes_doc_count(pd), nall = ndupes_doc_count(doc);
        size_t nchrome = nall - nprose, kept_chrome = 0, kept_prose = 0;
        for (size_t i = 0; i < nall; i++) {
            int keep = ndupes_doc_para(doc, i)->reason == NDUPES_KEEP;
            if (i < nchrome)
                kept_chrome += keep;
            else
                kept_prose += keep;
        }
        if (kept_prose != nprose || kept_chrome * 4 > nchrome) {
            print_message("%s: prose %zu of %zu kept, chrome %zu of %zu kept\n", e->d_name,
                          kept_prose, nprose, kept_chrome, nchrome);
            wrong++;
        }
        n++;
        ndupes_doc_free(pd);
        ndupes_doc_free(doc);
        free(page);
        free(chrome);
        free(prose);
    }
    closedir(d);
    assert_true(n >= 18);
    assert_int_equal(wrong, 0);
}

static const char DE1[] =
    "Der Gemeinderat hat am Montagabend über den neuen Haushalt beraten. Die Bürgerinnen und "
    "Bürger waren eingeladen, ihre Meinung zu den Plänen für Schulen und Straßen zu sagen, und "
    "viele von ihnen kamen in den Saal.\n\n";
static const char DE2[] =
    "Der Bürgermeister sagte, dass noch keine Entscheidung gefallen sei und dass der Rat sich "
    "jede Stellungnahme anhören werde, bevor er im nächsten Monat abstimmt. Die Lücke im "
    "Haushalt sei kleiner als in den Jahren zuvor.\n\n";
static const char EN_BANNER[] =
    "These crawls are part of an effort to archive pages as they are created and archive the "
    "pages that they refer to, so that a link to the version that was live when the page was "
    "written will be preserved.\n\n";

/* A paragraph in another language than the page's is chrome there (an archive's banner),
 * and it does not change the page's language. */
static void paragraph_in_another_language_is_dropped(void **state)
{
    (void)state;
    char page[2048];
    int len = snprintf(page, sizeof page, "%s%s%s", EN_BANNER, DE1, DE2);
    ndupes_doc *doc = parse(page, (size_t)len);
    ndupes_lang_info li;
    ndupes_doc_language(doc, &li);
    assert_string_equal(li.code, "de");
    assert_int_equal(ndupes_doc_count(doc), 3);
    assert_int_equal(ndupes_doc_para(doc, 0)->reason, NDUPES_DROP_LANGUAGE);
    assert_int_equal(ndupes_doc_para(doc, 1)->reason, NDUPES_KEEP);
    assert_int_equal(ndupes_doc_para(doc, 2)->reason, NDUPES_KEEP);
    ndupes_doc_free(doc);
}

/* A script printed as text is dropped as code, however many English-looking words ("if",
 * "for", "this", "return") it has, and it does not make the page English. */
static void program_code_is_dropped_and_tells_no_language(void **state)
{
    (void)state;
    char page[8192];
    int len = 0;
    for (int i = 0; i < 6; i++)
        len += snprintf(page + len, sizeof page - (size_t)len,
                        "function(e,t){if(this.a&&t){for(var n=0;n<e.length;n++){return "
                        "this.b[n]=e[n]||t;}}};var a=function(){return this.x};\n\n");
    len += snprintf(page + len, sizeof page - (size_t)len, "%s%s", DE1, DE2);
    ndupes_doc *doc = parse(page, (size_t)len);
    ndupes_lang_info li;
    ndupes_doc_language(doc, &li);
    assert_string_equal(li.code, "de");
    assert_int_equal(ndupes_doc_para(doc, 0)->reason, NDUPES_DROP_CODE);
    assert_int_equal(kept(doc), 2);
    ndupes_doc_free(doc);
}

/* Text of no language we know (numbers, symbols, a made-up tongue) is "und" and is kept
 * by the rules that need no word list when it looks like running text. */
static void unknown_language_gets_the_rules_without_word_lists(void **state)
{
    (void)state;
    static const char page[] =
        "Menu\n\nHome | News | Sport\n\n"
        "Zorbak velti mundra kesh varo, plin tarsi oboldo kem varush ta miren. Solbi karut "
        "enva toresh plima dorvak, sen tuvalo mirka fen dolvu. Kastar venu polik tarsi "
        "mundra velti.\n\n"
        "Ovaru tesh kimbal doro, vensi plikar tuma sorvel kem dastu. Mirel kota vanshu "
        "tarpo lisk, ventra dolmi sako perta. Velti zorbak kesh mundra.\n";
    ndupes_doc *doc = parse(page, sizeof page - 1);
    ndupes_lang_info li;
    ndupes_doc_language(doc, &li);
    assert_string_equal(li.code, "und");
    assert_int_equal(kept(doc), 2);
    assert_int_not_equal(ndupes_doc_para(doc, 0)->reason, NDUPES_KEEP);
    assert_int_not_equal(ndupes_doc_para(doc, 1)->reason, NDUPES_KEEP);
    ndupes_doc_free(doc);
}

/* A copyright line with a year ends the article in any language; a photo credit with a
 * copyright sign but no year does not. */
static void copyright_line_ends_the_article(void **state)
{
    (void)state;
    char page[4096];
    int len = snprintf(page, sizeof page,
                       "%s%s(Foto: \xC2\xA9 dpa)\n\n%s\xC2\xA9 2023 Hildesheimer Presse. Alle "
                       "Rechte vorbehalten.\n\n%s",
                       DE1, DE2, DE1, DE2);
    ndupes_doc *doc = parse(page, (size_t)len);
    /* DE1 DE2 credit DE1(repeat) footer DE2(repeat): the credit does not end the article. */
    assert_int_equal(ndupes_doc_count(doc), 6);
    assert_int_equal(ndupes_doc_para(doc, 0)->reason, NDUPES_KEEP);
    assert_int_equal(ndupes_doc_para(doc, 1)->reason, NDUPES_KEEP);
    ndupes_doc_free(doc);
    /* Without the repeats: what follows the footer is its tail. */
    len = snprintf(page, sizeof page,
                   "%s%s\xC2\xA9 2023 Hildesheimer Presse\n\nDie technische Speicherung oder der "
                   "Zugang ist unbedingt erforderlich für den rechtmäßigen Zweck, die Nutzung "
                   "eines bestimmten Dienstes zu ermöglichen.\n",
                   DE1, DE2);
    doc = parse(page, (size_t)len);
    assert_int_equal(ndupes_doc_count(doc), 4);
    assert_int_equal(ndupes_doc_para(doc, 0)->reason, NDUPES_KEEP);
    assert_int_equal(ndupes_doc_para(doc, 1)->reason, NDUPES_KEEP);
    assert_int_equal(ndupes_doc_para(doc, 3)->reason, NDUPES_DROP_TAIL);
    ndupes_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(prose_is_told_and_kept),
        cmocka_unit_test(chrome_is_dropped_in_every_language),
        cmocka_unit_test(paragraph_in_another_language_is_dropped),
        cmocka_unit_test(program_code_is_dropped_and_tells_no_language),
        cmocka_unit_test(unknown_language_gets_the_rules_without_word_lists),
        cmocka_unit_test(copyright_line_ends_the_article),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
