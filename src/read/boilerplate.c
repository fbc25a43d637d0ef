/*
 * boilerplate.c - which paragraphs of a page are the article, and which are site chrome.
 *
 * The page's language is known (lang.c), and each paragraph carries the reader's counts:
 * tokens, word-equivalents (a Chinese character is half a word), function words of the
 * page's language, capitals.  The rules, each an entry of rules[] below with the reason and
 * detail it gives, are tried in order and the first that fires decides:
 *   code      program code or markup rendered as text (a script that a text browser
 *             printed: braces, brackets, = and ; in every line);
 *   contact   a short paragraph with an e-mail address, a URL or an @handle;
 *   cue       a phrase of site chrome in the page's language or in any language (cookies,
 *             newsletters, share buttons, photo credits, copyright, bylines, bios: the
 *             tables of langdata.c), or a menu of items separated by "|";
 *   teaser    a truncated teaser ("..." at the end of a short paragraph) or an item of a
 *             link list;
 *   short     few words; mostly capitals; few function words for its length (the jusText
 *             measure of running text); a headline in Title Case; no sentence at all;
 *   language  running text in another language than the page's (lang.c tells each long
 *             paragraph's language as it tells the page's).
 * Two rules look at a paragraph's neighbours: a headline-like line between dropped ones is part
 * of the list around it (teaser), and everything after an end-of-article heading ("You may also
 * like", "Das könnte Sie auch interessieren") or after the page's copyright line is dropped
 * (tail) when less text follows it than precedes it.  Paragraphs repeated on the page are
 * dropped first.
 *
 * Rules keyed to a language's words apply to that language only.  The others calibrate on the
 * page itself: its long paragraphs are nearly always the article, so "few function words" means
 * fewer than two thirds of the share the page's own running text has (and never more than 22%,
 * the English figure), and "no sentence" applies only to pages whose running text has sentence
 * punctuation (Thai, for one, has none).  A page whose language has no word list, or is not
 * told, gets the rules that need none.
 * Cross-file templates (paragraphs that recur across many files) are found later, by the
 * corpus, because one page cannot show them.
 */
#include "nd_read.h"
#include "langdata.h"

#include <string.h>

/* ---- thresholds (words are word-equivalents unless said otherwise) ---- */
#define CONTACT_MAX_WORDS 45  /* contacts count in paragraphs up to this long */
#define CUE_MAX_WORDS 80      /* no cue counts in a longer paragraph (in tokens) */
#define MENU_MAX_WORDS 25     /* "A | B | C" */
#define TRUNCATED_MAX_WORDS 30 /* "... and the rest of the teaser..." */
#define LIST_MAX_WORDS 20     /* "> Headline", "* Item" */
#define FEW_WORDS 8           /* fewer words than this: a title, label or button */
#define CAPS_MIN_LETTERS 12   /* all-capital lines: at least this many letters ... */
#define CAPS_SHARE 80         /* ... and this share (%) of them capitals */
#define STOP_MAX_WORDS 25     /* the function-word rule judges paragraphs shorter than this */
#define STOP_SHARE 22         /* % of function words below which such a paragraph is not
                                 running text (at most; less for pages with fewer) */
#define STOP_MIN_PAGE 8       /* % of function words the page's running text must have for
                                 the rule to apply (the word list fits the page) */
#define RUNNING_WORDS 25      /* paragraphs this long are the page's running text */
#define HEADLINE_MAX_WORDS 20 /* Title Case lines without a full stop ... */
#define HEADLINE_CAPS 60      /* ... with this share (%) of capitalised words */
#define SENTENCE_MAX_WORDS 20 /* "no sentence": paragraphs this short without one */
#define TAIL_MAX_WORDS 8      /* an end-of-article heading stands (almost) alone */
#define FOOTER_MAX_WORDS 20   /* a copyright line is short */

/* True when phrase occurs in s starting at a word boundary. */
static bool has_phrase(const char *s, size_t len, const char *phrase)
{
    size_t pl = strlen(phrase);
    const char *p = s, *end = s + len;
    while (p + pl <= end) {
        const char *hit = memchr(p, phrase[0], (size_t)(end - p));
        if (!hit || hit + pl > end)
            return false;
        if (memcmp(hit, phrase, pl) == 0) {
            unsigned char b = hit > s ? (unsigned char)hit[-1] : ' ';
            bool alnum_phrase = (phrase[0] >= 'a' && phrase[0] <= 'z');
            if (!alnum_phrase || !((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')))
                return true;
        }
        p = hit + 1;
    }
    return false;
}

/* E-mail address, URL or @handle, in one pass over the paragraph. */
static const char *contact(const char *s, size_t len)
{
    static const char *const tld[] = {".com", ".org", ".net", ".co.uk", ".example", ".io"};
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '@') {
            unsigned char b = i > 0 ? (unsigned char)s[i - 1] : ' ';
            bool before = (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '.' || b == '_';
            bool after = i + 1 < len && s[i + 1] != ' ';
            if (before && after)
                return "e-mail address";
            if (after)
                return "@handle";
        } else if (c == '/' && i + 2 < len && s[i + 1] == '/' && i >= 5 &&
                   (memcmp(s + i - 5, "http:", 5) == 0 ||
                    (i >= 6 && memcmp(s + i - 6, "https:", 6) == 0))) {
            return "url";
        } else if (c == 'w' && i + 4 <= len && memcmp(s + i, "www.", 4) == 0 &&
                   (i == 0 || s[i - 1] == ' ' || s[i - 1] == '/')) {
            return "url";
        } else if (c == '.' && i > 0 && s[i - 1] != ' ') {
            for (size_t t = 0; t < sizeof tld / sizeof tld[0]; t++) {
                size_t tl = strlen(tld[t]);
                if (tl <= len - i && memcmp(s + i, tld[t], tl) == 0 &&
                    (i + tl == len || !(s[i + tl] >= 'a' && s[i + tl] <= 'z')))
                    return "domain name";
            }
        }
    }
    return NULL;
}

/* A line made of items separated by | or :: (menus, bylines with read times). */
static bool menu_line(const char *s, size_t len)
{
    unsigned bars = 0;
    for (size_t i = 0; i < len; i++)
        bars += s[i] == '|' || (s[i] == ':' && i + 1 < len && s[i + 1] == ':');
    return bars >= 2;
}

/* Sentence-ending punctuation of many scripts: . ! ? : ; and 。！？：；؟۔।॥።፧ */
static size_t sentence_mark(const unsigned char *s, size_t len)
{
    unsigned char c = s[len - 1];
    if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';')
        return 1;
    if (len >= 3 && s[len - 3] == 0xE3 && s[len - 2] == 0x80 && c == 0x82) /* 。 */
        return 3;
    if (len >= 3 && s[len - 3] == 0xEF && s[len - 2] == 0xBC &&
        (c == 0x81 || c == 0x9F || c == 0x9A || c == 0x9B)) /* ！？：； fullwidth */
        return 3;
    if (len >= 2 && s[len - 2] == 0xD8 && c == 0x9F) /* ؟ */
        return 2;
    if (len >= 2 && s[len - 2] == 0xDB && c == 0x94) /* ۔ */
        return 2;
    if (len >= 3 && s[len - 3] == 0xE0 && s[len - 2] == 0xA5 && (c == 0xA4 || c == 0xA5)) /* । ॥ */
        return 3;
    if (len >= 3 && s[len - 3] == 0xE1 && s[len - 2] == 0x8D && (c == 0xA2 || c == 0xA7)) /* ። ፧ */
        return 3;
    return 0;
}

/* Closing quotes and brackets that may follow the end of a sentence. */
static size_t closer(const unsigned char *s, size_t len)
{
    unsigned char c = s[len - 1];
    if (c == '"' || c == '\'' || c == ')')
        return 1;
    if (len >= 3 && s[len - 3] == 0xE3 && s[len - 2] == 0x80 &&
        (c == 0x8D || c == 0x8F || c == 0x89 || c == 0x8B)) /* 」』〉》 */
        return 3;
    if (len >= 3 && s[len - 3] == 0xEF && s[len - 2] == 0xBC && c == 0x89) /* ） */
        return 3;
    return 0;
}

static bool ends_sentence(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t k;
    while (len && (k = closer(s, len)) != 0)
        len -= k;
    return len && sentence_mark(s, len);
}

/* Does the paragraph contain a sentence end (a mark followed by a space, or at its end)? */
static bool has_sentence(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    for (size_t i = 1; i < len; i++)
        if (s[i] == ' ' && sentence_mark(s, i) && s[i - 1] != ':')
            return true;
    return ends_sentence(str, len);
}

static bool ends_ellipsis(const char *s, size_t len)
{
    return len >= 3 && memcmp(s + len - 3, "...", 3) == 0;
}

static bool list_item(const char *s, size_t len)
{
    return len >= 2 && (s[0] == '>' || s[0] == '*' || (s[0] == '-' && s[1] == ' ') ||
                        (len >= 3 && memcmp(s, "\xC2\xBB", 2) == 0) ||
                        (len >= 3 && memcmp(s, "\xE2\x80\xA2", 3) == 0));
}

/* ---- the rules ---- */

/* What the rules know of the page as a whole. */
typedef struct page {
    const ndupes_doc *doc;
    int lang;          /* index of nd_langs, or -1 */
    bool cjk;          /* written mostly without spaces (cues are matched per character) */
    unsigned stop_share; /* % of function words below which a short paragraph is not running
                            text; 0 when the rule is off for this page */
    bool sentences;    /* its running text has sentence punctuation */
} page;

typedef struct para_view {
    const char *s; /* normalised text */
    size_t len;
    const nd_para_rec *r;
} para_view;

typedef const char *(*rule_fn)(const page *pg, const para_view *p);

static const char *rule_code(const page *pg, const para_view *p)
{
    (void)pg;
    return nd_is_code(p->r) ? "program syntax" : NULL;
}

static const char *rule_contact(const page *pg, const para_view *p)
{
    (void)pg;
    return p->r->wl <= CONTACT_MAX_WORDS ? contact(p->s, p->len) : NULL;
}

static const char *rule_cue(const page *pg, const para_view *p)
{
    return p->r->words <= CUE_MAX_WORDS ? nd_cue_find(p->s, p->len, p->r->words, pg->lang, pg->cjk)
                                        : NULL;
}

static const char *rule_menu(const page *pg, const para_view *p)
{
    (void)pg;
    return p->r->wl <= MENU_MAX_WORDS && menu_line(p->s, p->len) ? "menu" : NULL;
}

static const char *rule_truncated(const page *pg, const para_view *p)
{
    (void)pg;
    return p->r->wl <= TRUNCATED_MAX_WORDS && ends_ellipsis(p->s, p->len) ? "truncated" : NULL;
}

static const char *rule_link_list(const page *pg, const para_view *p)
{
    (void)pg;
    return p->r->wl <= LIST_MAX_WORDS && list_item(p->s, p->len) && !ends_sentence(p->s, p->len)
               ? "link list"
               : NULL;
}

static const char *rule_few_words(const page *pg, const para_view *p)
{
    (void)pg;
    return p->r->wl < FEW_WORDS ? "few words" : NULL;
}

static const char *rule_capitals(const page *pg, const para_view *p)
{
    (void)pg;
    const nd_para_rec *r = p->r;
    return r->letters >= CAPS_MIN_LETTERS && r->upper * 100 >= r->letters * CAPS_SHARE
               ? "capitals"
               : NULL;
}

static const char *rule_few_stopwords(const page *pg, const para_view *p)
{
    const nd_para_rec *r = p->r;
    return pg->stop_share && r->wl < STOP_MAX_WORDS && r->stop * 100 < r->words * pg->stop_share
               ? "few stopwords"
               : NULL;
}

/* A paragraph in another language than the page's: its function words are another
 * language's, hardly any are the page's (an archive's English banner on a German blog, an
 * English cookie notice on a French site).  The page's language is the one most of its
 * running text is in, so this never drops the bulk of a page. */
static const char *rule_other_language(const page *pg, const para_view *p)
{
    const nd_para_rec *r = p->r;
    return pg->stop_share && r->lang >= 0 && r->lang != pg->lang &&
                   r->stop * 100 < r->words * pg->stop_share
               ? nd_lang_name(r->lang)
               : NULL;
}

static const char *rule_no_sentence(const page *pg, const para_view *p)
{
    return !pg->stop_share && pg->sentences && p->r->wl < SENTENCE_MAX_WORDS &&
                   !has_sentence(p->s, p->len)
               ? "no sentence"
               : NULL;
}

static const char *rule_headline(const page *pg, const para_view *p)
{
    (void)pg;
    const nd_para_rec *r = p->r;
    return r->wl <= HEADLINE_MAX_WORDS && !ends_sentence(p->s, p->len) &&
                   r->caps_words * 100 >= r->words * HEADLINE_CAPS
               ? "headline"
               : NULL;
}

/* The per-paragraph rules, in the order they are tried.  Each is cheap (it looks at the
 * paragraph's counts or its ends) or scans the paragraph's text.  A rule must stay pure
 * (it reads the page and the paragraph, changes nothing): a run tries them in another
 * order (classify_one), which keeps the same paragraphs only because of that. */
static const struct {
    ndupes_reason reason;
    rule_fn fn;
    bool scans;
} rules[] = {
    {NDUPES_DROP_CODE, rule_code, false},          {NDUPES_DROP_CONTACT, rule_contact, true},
    {NDUPES_DROP_CUE, rule_cue, true},             {NDUPES_DROP_CUE, rule_menu, true},
    {NDUPES_DROP_TEASER, rule_truncated, false},   {NDUPES_DROP_TEASER, rule_link_list, true},
    {NDUPES_DROP_SHORT, rule_few_words, false},    {NDUPES_DROP_SHORT, rule_capitals, false},
    {NDUPES_DROP_LANGUAGE, rule_other_language, false},
    {NDUPES_DROP_SHORT, rule_few_stopwords, false}, {NDUPES_DROP_SHORT, rule_no_sentence, true},
    {NDUPES_DROP_SHORT, rule_headline, false},
};

/* The first rule that fires decides, and names the reason.  When only whether the
 * paragraph is kept matters (labels false: a run, which shows no reasons), the cheap rules
 * are tried first, so that most chrome is told without a scan of its text; the paragraphs
 * kept are the same, as a paragraph is kept when no rule fires. */
static ndupes_reason classify_one(const page *pg, const nd_para_rec *r, bool labels,
                                  const char **detail)
{
    para_view p = {pg->doc->norm.p + r->norm_off, r->norm_len, r};
    for (int pass = labels ? 1 : 0; pass < 2; pass++)
        for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
            if (pass == 0 && rules[i].scans)
                continue;
            if (pass == 1 && !labels && !rules[i].scans)
                continue;
            const char *d = rules[i].fn(pg, &p);
            if (d) {
                *detail = d;
                return rules[i].reason;
            }
        }
    return NDUPES_KEEP;
}

/* Calibrates the page-level rules on the page's running text (its long paragraphs, or
 * the whole page when it has few). */
static void study_page(page *pg)
{
    const ndupes_doc *doc = pg->doc;
    uint64_t words = 0, stop = 0, all_words = 0, all_stop = 0, sent = 0, longs = 0;
    for (size_t i = 0; i < doc->n; i++) {
        const nd_para_rec *r = &doc->recs[i];
        all_words += r->words;
        all_stop += r->stop;
        if (r->wl >= RUNNING_WORDS) {
            words += r->words;
            stop += r->stop;
            longs++;
            sent += has_sentence(doc->norm.p + r->norm_off, r->norm_len);
        }
    }
    if (words < 50) {
        words = all_words;
        stop = all_stop;
    }
    unsigned share = words ? (unsigned)(stop * 100 / words) : 0;
    pg->stop_share = 0;
    if (pg->lang >= 0 && share >= STOP_MIN_PAGE)
        pg->stop_share = share * 2 / 3 < STOP_SHARE ? share * 2 / 3 : STOP_SHARE;
    pg->sentences = longs == 0 || sent * 2 >= longs;
}

/* True when the bytes of lit occur in s[0..len). */
static bool contains(const char *s, size_t len, const char *lit)
{
    size_t n = strlen(lit);
    for (const char *p = s, *e = s + len; (size_t)(e - p) >= n;) {
        const char *hit = memchr(p, lit[0], (size_t)(e - p) - n + 1);
        if (!hit)
            return false;
        if (memcmp(hit, lit, n) == 0)
            return true;
        p = hit + 1;
    }
    return false;
}

/* A copyright line with a year ("© 2023 Site", "Copyright 2019 ..."): the page's footer,
 * in any language.  A photo credit ("Foto: © dpa") has no year. */
static bool is_footer(const char *s, size_t len, unsigned wl)
{
    if (wl > FOOTER_MAX_WORDS)
        return false;
    bool mark = contains(s, len, "\xC2\xA9") || contains(s, len, "copyright") ||
                contains(s, len, "(c) ");
    if (!mark)
        return false;
    for (size_t i = 0; i + 4 <= len; i++)
        if ((s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0'))
            if (s[i + 2] >= '0' && s[i + 2] <= '9' && s[i + 3] >= '0' && s[i + 3] <= '9' &&
                (i == 0 || s[i - 1] < '0' || s[i - 1] > '9') &&
                (i + 4 == len || s[i + 4] < '0' || s[i + 4] > '9'))
                return true;
    return false;
}

/* A section heading that ends the article: an end-of-article phrase of the page's
 * language standing (almost) alone, or the page's copyright line.  "READ MORE: Some
 * Headline" is an inline link, not the end of the article. */
static bool is_tail_marker(const ndupes_doc *doc, const nd_para_rec *p, int lang)
{
    const char *s = doc->norm.p + p->norm_off;
    if (is_footer(s, p->norm_len, p->wl))
        return true;
    if (p->wl > TAIL_MAX_WORDS || lang < 0 || !nd_langs[lang].tail)
        return false;
    const char *colon = memchr(s, ':', p->norm_len);
    if (colon) {
        const char *e = s + p->norm_len;
        for (const char *q = colon + 1; q < e; q++)
            if ((*q >= 'a' && *q <= 'z') || (*q >= '0' && *q <= '9') || (unsigned char)*q >= 0x80)
                return false;
    }
    for (const char *const *m = nd_langs[lang].tail; *m; m++)
        if (has_phrase(s, p->norm_len, *m))
            return true;
    return false;
}

/* Drops the paragraphs that repeat an earlier one of the page. */
static bool mark_repeats(ndupes_doc *doc)
{
    size_t n = doc->n;
    nd_para_rec *r = doc->recs;
    /* Paragraph hashes seen so far, in a small open-addressing set (a page has tens to
     * hundreds of paragraphs; the set has room for twice as many). */
    uint64_t stackset[256];
    size_t slots = 256;
    while (slots < 2 * n)
        slots *= 2;
    uint64_t *seen = slots == 256 ? stackset : nd_calloc(slots, sizeof *seen);
    if (!seen)
        return false;
    if (seen == stackset)
        memset(stackset, 0, sizeof stackset);
    for (size_t i = 0; i < n; i++) {
        r[i].reason = NDUPES_KEEP;
        r[i].detail = "";
        uint64_t h = r[i].hash | 1; /* 0 marks an empty slot */
        size_t k = (size_t)(h >> 7) & (slots - 1);
        while (seen[k] && seen[k] != h)
            k = (k + 1) & (slots - 1);
        if (seen[k]) {
            r[i].reason = NDUPES_DROP_REPEAT;
            r[i].detail = "repeat";
        }
        seen[k] = h;
    }
    if (seen != stackset)
        nd_free(seen);
    return true;
}

bool nd_boilerplate_classify(ndupes_doc *doc, const ndupes_config *cfg, bool labels)
{
    if (!nd_cues_init() || !mark_repeats(doc))
        return false;
    size_t n = doc->n;
    nd_para_rec *r = doc->recs;
    page pg = {.doc = doc, .lang = doc->lang,
               .cjk = doc->why.script == ND_SC_HAN || doc->why.script == ND_SC_KANA ||
                      doc->why.script == ND_SC_THAI};
    study_page(&pg);
    for (size_t i = 0; i < n; i++)
        if (r[i].reason == NDUPES_KEEP)
            r[i].reason = classify_one(&pg, &r[i], labels, &r[i].detail);
    /* A headline-like line between dropped paragraphs belongs to the list around it. */
    for (size_t i = 1; i + 1 < n; i++) {
        const char *s = doc->norm.p + r[i].norm_off;
        if (r[i].reason == NDUPES_KEEP && r[i].wl <= HEADLINE_MAX_WORDS &&
            !ends_sentence(s, r[i].norm_len) && r[i - 1].reason != NDUPES_KEEP &&
            r[i + 1].reason != NDUPES_KEEP) {
            r[i].reason = NDUPES_DROP_TEASER;
            r[i].detail = "between dropped lines";
        }
    }
    /* The tail: after an end-of-article marker, when less content follows than precedes. */
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += r[i].reason == NDUPES_KEEP ? r[i].wl : 0;
    size_t before = 0;
    for (size_t i = 0; i < n; i++) {
        if (before > 0 && before * 2 > total && is_tail_marker(doc, &r[i], pg.lang)) {
            for (size_t j = i + 1; j < n; j++) {
                if (r[j].reason == NDUPES_KEEP) {
                    r[j].reason = NDUPES_DROP_TAIL;
                    r[j].detail = "after end-of-article marker";
                }
            }
            break;
        }
        before += r[i].reason == NDUPES_KEEP ? r[i].wl : 0;
    }
    if (cfg->keep_boilerplate || cfg->baseline)
        for (size_t i = 0; i < n; i++)
            if (r[i].reason != NDUPES_DROP_REPEAT || cfg->baseline)
                r[i].reason = NDUPES_KEEP;
    return true;
}

const char *ndupes_reason_name(ndupes_reason r)
{
    static const char *const names[NDUPES_REASON_COUNT] = {
        [NDUPES_KEEP] = "keep",       [NDUPES_DROP_CUE] = "cue",
        [NDUPES_DROP_CONTACT] = "contact", [NDUPES_DROP_TEASER] = "teaser",
        [NDUPES_DROP_SHORT] = "short",     [NDUPES_DROP_REPEAT] = "repeat",
        [NDUPES_DROP_TAIL] = "tail",       [NDUPES_DROP_TEMPLATE] = "template",
        [NDUPES_DROP_LANGUAGE] = "language", [NDUPES_DROP_CODE] = "code",
    };
    return (unsigned)r < NDUPES_REASON_COUNT ? names[r] : "unknown";
}
