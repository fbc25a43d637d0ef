/*
 * langdata.h - the words of many languages that the reader uses: function words (for
 * telling running text from menus and titles, and for naming a page's language), phrases
 * of site chrome, and headings that end an article.  The data is in langdata.c.
 *
 * Every string is in the reader's normalised form: NFKC, case-folded by utf8proc
 * (so German "ß" is written "ss", Turkish dotted/dotless i as utf8proc folds them), with
 * typographic quotes, dashes and ellipses as ASCII (' " - ...).  tests/test_langdata.c
 * checks this, so a word that could never match is caught.
 */
#ifndef ND_LANGDATA_H
#define ND_LANGDATA_H

#include <stddef.h>

/* A phrase of site chrome.  It counts only in a paragraph of at most max_words words:
 * a long paragraph that mentions "cookies" is an article about cookies.  For Chinese and
 * Japanese, whose text has no spaces, max_words counts characters. */
typedef struct nd_cue {
    const char *phrase;
    unsigned max_words;
} nd_cue;

typedef struct nd_langdef {
    const char *code;        /* ISO 639-1 where there is one ("de"), else ISO 639-3 */
    const char *name;        /* English name ("German") */
    const char *const *stop; /* its most frequent function words, NULL-terminated; for
                                Chinese and Japanese single characters (their text is
                                tokenised character by character) */
    const nd_cue *cues;      /* chrome phrases of this language, {NULL, 0}-terminated */
    const char *const *tail; /* headings after which a page's article is over ("Related
                                articles", "You may also like"), NULL-terminated */
    /* stop, cues and tail are never NULL; cues and tail may be empty lists. */
} nd_langdef;

extern const nd_langdef nd_langs[];
extern const size_t nd_nlangs;

/* Chrome phrases that mean the same in every language (brand names of social networks,
 * "cookie", "newsletter", copyright forms): checked on every page. */
extern const nd_cue nd_cues_any[];

#endif
