/*
 * langdata.c - the words of each language that the reader knows: function words, phrases
 * of site chrome, and headings that end an article (see langdata.h for the contract).
 *
 * Every string is written in the reader's normalised form (NFKC, case-folded, typographic
 * marks as ASCII), so German "ss" stands for "ß", Greek words end in "σ" (case folding
 * turns the final "ς" into it), Thai "ำ" is spelt as NFKC splits it, and Persian words
 * that are written with a zero-width non-joiner are spelt without it, as nd_clean leaves
 * them ("میشود").  tests/test_langdata.c checks each string against nd_normalize.
 *
 * Stopwords are the function words of running news prose, each one token as nd_tokenize
 * cuts it: clitics split off by an apostrophe ("l'homme" gives "l") are listed on their
 * own; Chinese and Japanese give single characters, because their text is counted one
 * character at a time; Korean gives whole space-separated words, particles attached;
 * Thai gives words although its text has no spaces between them (for substring counts).
 * Where two languages are close (es/pt/ca/gl/it, cs/sk, hr/sr/sl/bs, da/nb/sv, id/ms,
 * ru/uk/bg), each list keeps the words that tell it from its neighbours.
 *
 * A cue's max_words follows the English table: about 40-60 for phrases that are chrome
 * wherever they appear ("all rights reserved", "subscribe to our newsletter"), 8-15 for
 * words that are also ordinary words ("share", "comments", "print").  For Chinese and
 * Japanese the count is in characters, as the reader counts there.  Cues are matched at
 * the start of a word and may run on into a longer word ("kommentar" also finds
 * "kommentare"), so each is chosen not to start common words of article prose.
 *
 * Tail markers end an article only when they stand (almost) alone on a short line, so
 * they are the headings of related-article boxes, not phrases of prose.
 *
 * Order: English first, then the languages roughly by how much of the web is written in
 * them.  The English lists are those of tokenize.c and boilerplate.c, unchanged.
 *
 * The lists are in langdata_west.c, langdata_north_east.c and langdata_world.c; this file
 * holds the table of languages and the phrases of every language.
 */
#include "langdata.h"

#include <stddef.h>

/* For a language whose chrome phrases or tail headings are not known here. */
static const nd_cue no_cues[] = {{NULL, 0}};
static const char *const no_tail[] = {NULL};

/* clang-format off */
/* The lists of each language (langdata_*.c). */
#define LISTS(c)                                                                           \
    extern const char *const nd_stop_##c[];                                                \
    extern const nd_cue nd_cues_##c[];                                                     \
    extern const char *const nd_tail_##c[];
LISTS(en) LISTS(es) LISTS(de) LISTS(ja) LISTS(fr) LISTS(ru) LISTS(pt) LISTS(it) LISTS(nl)
LISTS(pl) LISTS(tr) LISTS(zh) LISTS(fa) LISTS(vi) LISTS(id) LISTS(cs) LISTS(ko) LISTS(uk)
LISTS(ar) LISTS(hu) LISTS(sv) LISTS(el) LISTS(ro) LISTS(da) LISTS(th) LISTS(he) LISTS(fi)
LISTS(sk) LISTS(nb) LISTS(bg) LISTS(sr) LISTS(hr) LISTS(lt) LISTS(sl) LISTS(ca) LISTS(et)
LISTS(lv) LISTS(hi) LISTS(ms)
#undef LISTS
extern const char *const nd_stop_bn[];
extern const char *const nd_stop_ur[];
extern const char *const nd_stop_tl[];
extern const char *const nd_stop_sw[];

/* ---- every language ---- */
/* Brand names and international words of page chrome, the same in every script's pages.
 * The English list keeps its own copies, so English matching does not depend on this. */
const nd_cue nd_cues_any[] = {
    /* social networks and messengers: share buttons and "follow us" rows */
    {"facebook", 12}, {"twitter", 12}, {"whatsapp", 12}, {"telegram", 12},
    {"pinterest", 12}, {"linkedin", 12}, {"instagram", 12}, {"youtube", 12},
    {"tiktok", 12}, {"xing", 12}, {"vk", 8}, {"vkontakte", 12}, {"reddit", 12},
    {"flipboard", 12}, {"threads", 8}, {"bluesky", 12}, {"mastodon", 12}, {"snapchat", 12},
    {"wechat", 12}, {"weibo", 12}, {"google news", 12}, {"rss", 8},
    /* cookie banners, newsletter boxes, copyright lines */
    {"cookie", 60}, {"cookies", 60}, {"newsletter", 40}, {"copyright", 40}, {"©", 40},
    {"(c) 19", 40}, {"(c) 20", 40}, {"e-mail", 10}, {"email", 10},
    {NULL, 0},
};
/* clang-format on */


const nd_langdef nd_langs[] = {
    {"en", "English", nd_stop_en, nd_cues_en, nd_tail_en},
    {"es", "Spanish", nd_stop_es, nd_cues_es, nd_tail_es},
    {"de", "German", nd_stop_de, nd_cues_de, nd_tail_de},
    {"ja", "Japanese", nd_stop_ja, nd_cues_ja, nd_tail_ja},
    {"fr", "French", nd_stop_fr, nd_cues_fr, nd_tail_fr},
    {"ru", "Russian", nd_stop_ru, nd_cues_ru, nd_tail_ru},
    {"pt", "Portuguese", nd_stop_pt, nd_cues_pt, nd_tail_pt},
    {"it", "Italian", nd_stop_it, nd_cues_it, nd_tail_it},
    {"nl", "Dutch", nd_stop_nl, nd_cues_nl, nd_tail_nl},
    {"pl", "Polish", nd_stop_pl, nd_cues_pl, nd_tail_pl},
    {"tr", "Turkish", nd_stop_tr, nd_cues_tr, nd_tail_tr},
    {"zh", "Chinese", nd_stop_zh, nd_cues_zh, nd_tail_zh},
    {"fa", "Persian", nd_stop_fa, nd_cues_fa, nd_tail_fa},
    {"vi", "Vietnamese", nd_stop_vi, nd_cues_vi, nd_tail_vi},
    {"id", "Indonesian", nd_stop_id, nd_cues_id, nd_tail_id},
    {"cs", "Czech", nd_stop_cs, nd_cues_cs, nd_tail_cs},
    {"ko", "Korean", nd_stop_ko, nd_cues_ko, nd_tail_ko},
    {"uk", "Ukrainian", nd_stop_uk, nd_cues_uk, nd_tail_uk},
    {"ar", "Arabic", nd_stop_ar, nd_cues_ar, nd_tail_ar},
    {"hu", "Hungarian", nd_stop_hu, nd_cues_hu, nd_tail_hu},
    {"sv", "Swedish", nd_stop_sv, nd_cues_sv, nd_tail_sv},
    {"el", "Greek", nd_stop_el, nd_cues_el, nd_tail_el},
    {"ro", "Romanian", nd_stop_ro, nd_cues_ro, nd_tail_ro},
    {"da", "Danish", nd_stop_da, nd_cues_da, nd_tail_da},
    {"th", "Thai", nd_stop_th, nd_cues_th, nd_tail_th},
    {"he", "Hebrew", nd_stop_he, nd_cues_he, nd_tail_he},
    {"fi", "Finnish", nd_stop_fi, nd_cues_fi, nd_tail_fi},
    {"sk", "Slovak", nd_stop_sk, nd_cues_sk, nd_tail_sk},
    {"nb", "Norwegian Bokmål", nd_stop_nb, nd_cues_nb, nd_tail_nb},
    {"bg", "Bulgarian", nd_stop_bg, nd_cues_bg, nd_tail_bg},
    {"sr", "Serbian", nd_stop_sr, nd_cues_sr, nd_tail_sr},
    {"hr", "Croatian", nd_stop_hr, nd_cues_hr, nd_tail_hr},
    {"lt", "Lithuanian", nd_stop_lt, nd_cues_lt, nd_tail_lt},
    {"sl", "Slovenian", nd_stop_sl, nd_cues_sl, nd_tail_sl},
    {"ca", "Catalan", nd_stop_ca, nd_cues_ca, nd_tail_ca},
    {"et", "Estonian", nd_stop_et, nd_cues_et, nd_tail_et},
    {"lv", "Latvian", nd_stop_lv, nd_cues_lv, nd_tail_lv},
    {"hi", "Hindi", nd_stop_hi, nd_cues_hi, nd_tail_hi},
    {"ms", "Malay", nd_stop_ms, nd_cues_ms, nd_tail_ms},
    {"bn", "Bengali", nd_stop_bn, no_cues, no_tail},
    {"ur", "Urdu", nd_stop_ur, no_cues, no_tail},
    {"tl", "Tagalog", nd_stop_tl, no_cues, no_tail},
    {"sw", "Swahili", nd_stop_sw, no_cues, no_tail},
};

const size_t nd_nlangs = sizeof nd_langs / sizeof nd_langs[0];
