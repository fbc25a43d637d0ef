/*
 * boilerplate.c - which paragraphs of a page are the article, and which are site chrome.
 *
 * Each rule looks at one paragraph (its normalised text and the reader's counts) or at
 * its neighbours, and the first rule that fires names the reason.  The rules, in order:
 *   repeat    the same normalised text appeared earlier on the page (pages that print
 *             their body twice, repeated captions);
 *   contact   a short paragraph with an e-mail address, a URL or an @handle (bios,
 *             "Share this @site.com");
 *   cue       words of site chrome: cookies, newsletters, share buttons, photo credits,
 *             copyright, bylines and bios, menus of items separated by "|";
 *   teaser    a truncated teaser ("..." at the end of a short paragraph), an item of a
 *             link list (">> Headline"), or a headline-like line between dropped ones;
 *   short     the jusText idea: a short paragraph with few function words is a title,
 *             label, menu or caption, not running text; all-capital lines likewise;
 *   tail      everything after an end-of-article marker ("You may also like", "A message
 *             from ...", "Related stories") when less text follows it than precedes it.
 * Cross-file templates (paragraphs that recur across many files) are found later, by the
 * corpus (fingerprint.c), because one page cannot show them.
 * Cue words are checked only on short paragraphs, with a larger limit for the unambiguous
 * ones, so that an article that mentions cookies or a newsletter keeps its paragraphs.
 */
#include "nd_internal.h"

#include <assert.h>
#include <pthread.h>
#include <string.h>

typedef struct cue {
    const char *phrase;
    unsigned max_words; /* the cue counts only in paragraphs of at most this many words */
} cue;

static const cue cues[] = {
    /* unambiguous chrome */
    {"cookie", 60}, {"privacy policy", 60}, {"terms of use", 60}, {"terms of service", 60},
    {"terms and conditions", 60}, {"all rights reserved", 60}, {"copyright", 40},
    {"newsletter", 50}, {"subscribe", 40}, {"subscribers", 40}, {"leave a reply", 40},
    {"contributed to this report", 40}, {"contributed reporting", 40}, {"full bio", 40},
    {"skip to content", 40}, {"share this", 40}, {"you may also like", 40},
    {"breaking news alert", 40}, {"support us", 60}, {"please support", 60},
    {"getty images", 80}, {"via ap", 80}, {"/ap", 50}, {"/afp", 80}, {"/reuters", 80},
    {"/vcg", 50}, {"/xinhua", 50}, {"/epa", 50}, {"/pa ", 50}, {"shutterstock", 50},
    {"(image:", 50}, {"(photo:", 50}, {"photo by", 80}, {"pictured", 40}, {"(left)", 40},
    {"(right)", 40}, {"(r)", 40}, {"(l)", 40}, {"photo illustration", 40}, {"file photo", 40},
    {"a screenshot of", 40}, {"reporting by", 30}, {"editing by", 30}, {"follow us", 30},
    {"click here", 30}, {"sign up", 30}, {"not responsible for the content", 30},
    {"is a reporter", 45}, {"is a correspondent", 45}, {"is an editor", 45},
    {"is a writer", 45}, {"is a journalist", 45}, {"is a senior", 45}, {"covers film", 45},
    {"send tips", 45}, {"follow him", 20}, {"follow her", 20}, {"written by", 20},
    {"writes about", 45}, {"writes a weekly", 45}, {"writes a fortnightly", 45},
    {"writes a column", 45}, {"about the writer", 60}, {"about the author", 60},
    {"reader-funded", 30}, {"become a member", 30}, {"send us your views", 30},
    {"comments are moderated", 30}, {"keep comments", 30}, {"all content remains", 40},
    /* weaker: only in very short paragraphs */
    {"share", 12}, {"tweet", 12}, {"facebook", 12}, {"whatsapp", 12}, {"pinterest", 12},
    {"linkedin", 12}, {"email", 10}, {"e-mail", 10}, {"print", 8}, {"advertisement", 12},
    {"sponsored", 12}, {"promoted", 12}, {"related", 12}, {"read more", 15},
    {"read next", 15}, {"recommended", 12}, {"trending", 12}, {"most read", 12},
    {"most popular", 12}, {"comments", 12}, {"comment", 8}, {"posted by", 15},
    {"published", 12}, {"updated", 12}, {"min read", 15}, {"back to top", 12},
    {"contact us", 15}, {"about us", 15}, {"write for us", 15}, {"photo:", 40},
    {"image:", 40}, {"credit:", 40}, {"video", 8}, {"watch:", 12}, {"listen", 8},
    {"donate", 20}, {"advertise", 12}, {"accessibility", 15}, {"log in", 12}, {"sign in", 12},
    {"more from", 10}, {"follow", 6}, {"getty", 30},
};

#define CUE_MAX_WORDS 80 /* no cue counts in a longer paragraph */
#define NCUES (sizeof cues / sizeof cues[0])

/* Cues by their first two bytes, so that one pass over a paragraph tries at each position
 * only the cues that can start there, usually none (built once; read-only afterwards). */
#define PAIR_SLOTS 1024
#define PAIR(a, b) (((unsigned)(a) * 37u + (unsigned)(b)) & (PAIR_SLOTS - 1))
static uint8_t cue_by_pair[PAIR_SLOTS][12]; /* "co" starts 9 cues */
static uint8_t cue_count[PAIR_SLOTS];
static uint8_t cue_len[NCUES];
static atomic_int cue_ready;

static void cue_init(void)
{
    if (atomic_load_explicit(&cue_ready, memory_order_acquire))
        return;
    static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
    pthread_mutex_lock(&mu);
    if (!atomic_load_explicit(&cue_ready, memory_order_relaxed)) {
        for (size_t i = 0; i < NCUES; i++) {
            unsigned h = PAIR((unsigned char)cues[i].phrase[0], (unsigned char)cues[i].phrase[1]);
            assert(cue_count[h] < sizeof cue_by_pair[0]);
            cue_by_pair[h][cue_count[h]++] = (uint8_t)i;
            cue_len[i] = (uint8_t)strlen(cues[i].phrase);
        }
        atomic_store_explicit(&cue_ready, 1, memory_order_release);
    }
    pthread_mutex_unlock(&mu);
}

/* 1 for the bytes that continue a word in normalised text: a-z, 0-9 and every byte of a
 * multi-byte character. */
static const uint8_t word_byte[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
    ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1,
    ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1,
    ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
#define ND_HI8(x) [x] = 1, [x + 1] = 1, [x + 2] = 1, [x + 3] = 1, [x + 4] = 1, [x + 5] = 1, \
                  [x + 6] = 1, [x + 7] = 1
    ND_HI8(0x80), ND_HI8(0x88), ND_HI8(0x90), ND_HI8(0x98), ND_HI8(0xA0), ND_HI8(0xA8),
    ND_HI8(0xB0), ND_HI8(0xB8), ND_HI8(0xC0), ND_HI8(0xC8), ND_HI8(0xD0), ND_HI8(0xD8),
    ND_HI8(0xE0), ND_HI8(0xE8), ND_HI8(0xF0), ND_HI8(0xF8),
#undef ND_HI8
};

/* The best (lowest-ranked) cue starting at s[i] that counts in a paragraph of w words. */
static size_t try_cues(const unsigned char *s, size_t len, size_t i, unsigned h, unsigned w,
                       size_t best)
{
    for (unsigned k = 0, n = cue_count[h]; k < n; k++) {
        size_t ci = cue_by_pair[h][k];
        if (ci < best && w <= cues[ci].max_words && cue_len[ci] <= len - i &&
            memcmp(s + i, cues[ci].phrase, cue_len[ci]) == 0)
            best = ci;
    }
    return best;
}

/* The first cue (in table order, as the rules are ranked) found in s that counts in a
 * paragraph of w words, or NULL.  A cue that starts with a letter must start a word, so
 * the scan tries letter cues only at word starts and skips through the rest of words. */
static const char *find_cue(const char *str, size_t len, unsigned w)
{
    cue_init();
    const unsigned char *s = (const unsigned char *)str;
    size_t best = NCUES;
    for (size_t i = 0; i + 1 < len;) {
        unsigned h = PAIR(s[i], s[i + 1]);
        if (cue_count[h])
            best = try_cues(s, len, i, h, w, best);
        if (word_byte[s[i]]) /* a word start: on to the end of the word */
            while (++i < len && word_byte[s[i]])
                ;
        else
            i++;
    }
    return best < NCUES ? cues[best].phrase : NULL;
}

/* End-of-article markers: what follows them is usually more chrome. */
static const char *const tail_markers[] = {
    "you may also like", "related stories", "related articles", "related news",
    "more stories", "more from", "trending now", "most read", "most popular",
    "recommended for you", "a message from", "dear readers", "leave a reply",
    "read more", "you might also like", "more on this story", "top stories",
};

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
                   (memcmp(s + i - 5, "http:", 5) == 0 || (i >= 6 && memcmp(s + i - 6, "https:", 6) == 0))) {
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

static bool ends_sentence(const char *s, size_t len)
{
    while (len && (s[len - 1] == '"' || s[len - 1] == '\'' || s[len - 1] == ')'))
        len--;
    return len && (s[len - 1] == '.' || s[len - 1] == '!' || s[len - 1] == '?' ||
                   s[len - 1] == ':' || s[len - 1] == ';');
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

/* The per-paragraph rules; returns the reason, with *detail set. */
static ndupes_reason classify_one(const ndupes_doc *doc, const nd_para_rec *p,
                                  const char **detail)
{
    const char *s = doc->norm.p + p->norm_off;
    size_t len = p->norm_len;
    unsigned w = p->words;
    const char *c;
    if (w <= 45 && (c = contact(s, len)) != NULL) {
        *detail = c;
        return NDUPES_DROP_CONTACT;
    }
    if (w <= CUE_MAX_WORDS && (c = find_cue(s, len, w)) != NULL) {
        *detail = c;
        return NDUPES_DROP_CUE;
    }
    if (w <= 25 && menu_line(s, len)) {
        *detail = "menu";
        return NDUPES_DROP_CUE;
    }
    if (w <= 30 && ends_ellipsis(s, len)) {
        *detail = "truncated";
        return NDUPES_DROP_TEASER;
    }
    if (w <= 20 && list_item(s, len) && !ends_sentence(s, len)) {
        *detail = "link list";
        return NDUPES_DROP_TEASER;
    }
    if (w < 8) {
        *detail = "few words";
        return NDUPES_DROP_SHORT;
    }
    if (p->letters >= 12 && p->upper * 10 >= p->letters * 8) {
        *detail = "capitals";
        return NDUPES_DROP_SHORT;
    }
    if (w < 25 && p->stop * 100 < w * 22) {
        *detail = "few stopwords";
        return NDUPES_DROP_SHORT;
    }
    if (w <= 20 && !ends_sentence(s, len) && p->caps_words * 10 >= w * 6) {
        *detail = "headline";
        return NDUPES_DROP_SHORT;
    }
    return NDUPES_KEEP;
}

/* A section heading that ends the article: the marker phrase standing (almost) alone.
 * "READ MORE: Some Headline" is an inline link, not the end of the article. */
static bool is_tail_marker(const ndupes_doc *doc, const nd_para_rec *p)
{
    if (p->words > 8)
        return false;
    const char *s = doc->norm.p + p->norm_off;
    const char *colon = memchr(s, ':', p->norm_len);
    if (colon) {
        const char *e = s + p->norm_len;
        for (const char *q = colon + 1; q < e; q++)
            if ((*q >= 'a' && *q <= 'z') || (*q >= '0' && *q <= '9'))
                return false;
    }
    for (size_t i = 0; i < sizeof tail_markers / sizeof tail_markers[0]; i++)
        if (has_phrase(s, p->norm_len, tail_markers[i]))
            return true;
    return false;
}

bool nd_boilerplate_classify(ndupes_doc *doc, const ndupes_config *cfg)
{
    size_t n = doc->n;
    nd_para_rec *r = doc->recs;
    /* Repeats: paragraph hashes seen so far on the page, in a small open-addressing set
     * (a page has tens to hundreds of paragraphs; the set has room for twice as many). */
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
        if (r[i].reason == NDUPES_KEEP)
            r[i].reason = classify_one(doc, &r[i], &r[i].detail);
    }
    if (seen != stackset)
        nd_free(seen);
    /* A headline-like line between dropped paragraphs belongs to the list around it. */
    for (size_t i = 1; i + 1 < n; i++) {
        const char *s = doc->norm.p + r[i].norm_off;
        if (r[i].reason == NDUPES_KEEP && r[i].words <= 20 &&
            !ends_sentence(s, r[i].norm_len) && r[i - 1].reason != NDUPES_KEEP &&
            r[i + 1].reason != NDUPES_KEEP) {
            r[i].reason = NDUPES_DROP_TEASER;
            r[i].detail = "between dropped lines";
        }
    }
    /* The tail: after an end-of-article marker, when less content follows than precedes. */
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += r[i].reason == NDUPES_KEEP ? r[i].words : 0;
    size_t before = 0;
    for (size_t i = 0; i < n; i++) {
        if (is_tail_marker(doc, &r[i]) && before * 2 > total && before > 0) {
            for (size_t j = i + 1; j < n; j++) {
                if (r[j].reason == NDUPES_KEEP) {
                    r[j].reason = NDUPES_DROP_TAIL;
                    r[j].detail = "after end-of-article marker";
                }
            }
            break;
        }
        before += r[i].reason == NDUPES_KEEP ? r[i].words : 0;
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
    };
    return (unsigned)r < NDUPES_REASON_COUNT ? names[r] : "unknown";
}
