/*
 * fingerprint.c - an article's kept paragraphs -> its fixed-size fingerprint (nd_fp).
 *
 * The fingerprint holds what the later stages need and nothing of the text: the number
 * of distinct shingles, a bottom-k sketch of them, a bottom-k sketch of the shingles of
 * direct quotes, ND_BANDS LSH keys per paragraph (for at most ND_MAX_PARAS paragraphs),
 * and a hash of the kept text for exact duplicates.
 *
 * Short paragraphs (up to ND_SHORT_WORDS words) may turn out to be a site's template once
 * the whole corpus has been read ("Meridian News Online is not responsible for the content
 * of external internet sites." on every page of a site).  When the caller defers them,
 * their shingles and keys wait in fp->pend, bounded by ND_PENDING_MAX shingles, and
 * nd_fp_finalize merges those that are not templates.
 */
#include "nd_internal.h"

#include <string.h>
#include <xxhash.h>

void nd_fp_free(nd_fp *fp)
{
    if (!fp)
        return;
    nd_free(fp->keys);
    nd_free(fp->ph);
    fp->ph = NULL;
    fp->nph = 0;
    nd_free(fp->pend);
    nd_free(fp->pend_sh);
    nd_free(fp->pend_q);
    fp->keys = NULL;
    fp->pend = NULL;
    fp->pend_sh = fp->pend_q = NULL;
    fp->nkeys = fp->npend = 0;
}

/* Projects shingle hashes to their top 32 bits, in place, and sorts them without
 * duplicates: the distinct count and the bottom-k sketch both come from this order (two
 * distinct shingles of one article share a projection with probability ~n/2^32). */
static size_t project_unique(nd_u64v *v)
{
    /* Stored with memcpy, so the bytes take the 32-bit type (no aliasing of uint64_t). */
    char *base = (char *)v->v;
    for (size_t i = 0; i < v->n; i++) {
        uint32_t x = (uint32_t)(v->v[i] >> 32);
        memcpy(base + i * sizeof x, &x, sizeof x);
    }
    return nd_sort_unique_u32((uint32_t *)(void *)base, v->n);
}

/* Sets the sketches from the (unsorted) shingle hashes of the article. */
static bool set_sketches(nd_fp *fp, nd_u64v *all, nd_u64v *quotes)
{
    size_t m = project_unique(all);
    fp->nsh = (uint32_t)m;
    fp->nsk = (uint16_t)(m < ND_SKETCH_K ? m : ND_SKETCH_K);
    if (fp->nsk)
        memcpy(fp->sk, all->v, fp->nsk * sizeof *fp->sk);
    m = project_unique(quotes);
    fp->nq = (uint32_t)m;
    fp->nqk = (uint16_t)(m < ND_QUOTE_K ? m : ND_QUOTE_K);
    if (fp->nqk)
        memcpy(fp->qk, quotes->v, fp->nqk * sizeof *fp->qk);
    return true;
}

/* Holds a short paragraph's shingles until the template count is known.  Returns 1 when
 * held, 0 when over the budget (the caller merges it now), -1 when memory ran out. */
static int defer(nd_fp *fp, const nd_para_rec *r, const uint64_t *sh, size_t nsh,
                  const uint64_t *q, size_t nq, const uint32_t *keys, size_t nkeys, size_t *pcap,
                  size_t *shn, size_t *qn)
{
    if (*shn + nsh > ND_PENDING_MAX)
        return 0;
    if (fp->npend == *pcap) {
        size_t nc = *pcap ? *pcap * 2 : 8;
        nd_pending *p = nd_reallocarray(fp->pend, nc, sizeof *p);
        if (!p)
            return -1;
        fp->pend = p;
        *pcap = nc;
    }
    if (!fp->pend_sh || !fp->pend_q) {
        nd_free(fp->pend_sh);
        nd_free(fp->pend_q);
        fp->pend_sh = nd_malloc(ND_PENDING_MAX * sizeof *fp->pend_sh);
        fp->pend_q = nd_malloc(ND_PENDING_MAX * sizeof *fp->pend_q);
        if (!fp->pend_sh || !fp->pend_q) {
            nd_free(fp->pend_sh);
            nd_free(fp->pend_q);
            fp->pend_sh = fp->pend_q = NULL;
            return -1;
        }
    }
    nd_pending *p = &fp->pend[fp->npend++];
    p->hash = r->hash;
    p->words = r->words;
    p->first = (uint32_t)*shn;
    p->count = (uint32_t)nsh;
    p->qfirst = (uint32_t)*qn;
    p->qcount = (uint32_t)nq;
    for (size_t i = 0; i < nsh; i++)
        fp->pend_sh[(*shn)++] = (uint32_t)(sh[i] >> 32);
    for (size_t i = 0; i < nq; i++)
        fp->pend_q[(*qn)++] = (uint32_t)(q[i] >> 32);
    memcpy(p->keys, keys, nkeys * sizeof *keys);
    p->nkeys = (uint8_t)nkeys;
    return 1;
}

/* Run keys: keys of verbatim runs of text, found whatever the paragraph breaks around
 * them (a page rendered by another converter, merged or split paragraphs, a rewrapped
 * copy).  In every window of ND_RUN_WINDOW consecutive shingles of a paragraph the smallest
 * is chosen (winnowing: the choice depends only on the window, so two copies of a run
 * choose the same shingles inside it), and the key joins it with the shingle k words
 * further on: a key stands for 2k words of verbatim text.  Two articles that share a run
 * of ND_RUN_WINDOW + 2k - 1 words (29 for k = 5) anywhere share a key.  One such run can
 * be a stock phrase; the candidate index asks for ND_RUN_PAIR shared run keys (a run of
 * about 50 words, or two runs).  A paragraph shorter than the window is one window.
 * Returns the number of keys written to out (at most max). */
static size_t run_keys(const uint64_t *sh, size_t n, unsigned k, uint32_t *out, size_t max)
{
    size_t last = SIZE_MAX, nk = 0, m = 0;
    size_t win = n < ND_RUN_WINDOW ? n : ND_RUN_WINDOW;
    for (size_t w = 0; w + win <= n && win && nk < max; w++) {
        /* m: the rightmost smallest of window [w, w + win); rescanned only when the
         * smallest leaves the window, so the pass is linear on the average. */
        size_t e = w + win - 1;
        if (w == 0 || m < w) {
            m = w;
            for (size_t i = w + 1; i <= e; i++)
                if (sh[i] <= sh[m])
                    m = i;
        } else if (sh[e] <= sh[m]) {
            m = e;
        }
        if (m == last || m + k >= n)
            continue;
        last = m;
        uint64_t h = (sh[m] ^ (sh[m + k] * 0x9e3779b97f4a7c15ULL)) * 0xff51afd7ed558ccdULL;
        out[nk++] = (uint32_t)(h >> 32) | ND_RUN_KEY;
    }
    return nk;
}

static bool push_n(nd_fp *fp, const uint32_t *keys, size_t n, size_t *cap)
{
    if (n == 0)
        return true; /* (fp->keys may still be NULL: no memcpy to it, even of nothing) */
    if ((size_t)fp->nkeys + n > *cap) {
        size_t nc = *cap ? *cap : ND_BANDS * 16;
        while (nc < (size_t)fp->nkeys + n)
            nc *= 2;
        uint32_t *k = nd_reallocarray(fp->keys, nc, sizeof *k);
        if (!k)
            return false;
        fp->keys = k;
        *cap = nc;
    }
    memcpy(fp->keys + fp->nkeys, keys, n * sizeof *keys);
    fp->nkeys = (uint16_t)(fp->nkeys + n);
    return true;
}

/* Remembers a kept paragraph (hash, words) for the corpus's template learning. */
static bool record_para(nd_fp *fp, const nd_para_rec *r, size_t *cap)
{
    if (fp->nph >= 4 * ND_MAX_PARAS)
        return true;
    if (fp->nph == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        nd_parahash *p = nd_reallocarray(fp->ph, nc, sizeof *p);
        if (!p)
            return false;
        fp->ph = p;
        *cap = nc;
    }
    fp->ph[fp->nph++] = (nd_parahash){r->hash, r->words};
    return true;
}

/* Adds one anchor per direct quote of a paragraph: the smallest shingle (32-bit
 * projection) of each run of shingles lying wholly inside quotes.  Two articles that share
 * a quote word for word share its anchor, so the scorer can count shared quotes, not only
 * shared quoted words: one long common quote is one quote. */
static void add_anchors(const nd_tok *toks, size_t ntok, unsigned k, const uint64_t *sh,
                        size_t nsh, uint32_t *anc, size_t *nanc, size_t cap)
{
    size_t kk = ntok < k ? ntok : k;
    uint32_t run = UINT32_MAX;
    bool in = false;
    for (size_t i = 0; i <= nsh; i++) {
        bool q = false;
        if (i < nsh) {
            q = true;
            for (size_t j = 0; j < kk && q; j++)
                q = toks[i + j].quoted != 0;
        }
        if (q) {
            uint32_t v = (uint32_t)(sh[i] >> 32);
            run = in && run < v ? run : v;
            in = true;
        } else if (in) {
            if (*nanc < cap)
                anc[(*nanc)++] = run;
            in = false;
            run = UINT32_MAX;
        }
    }
}

/* The work space of one fingerprint being built. */
typedef struct builder {
    nd_u64v all, quotes, psh, pq; /* every shingle, the quoted ones, one paragraph's */
    size_t kcap, pcap, shn, qn, nparas, nanc, phcap, nrun;
    uint32_t anc[256];
    XXH3_state_t *xs; /* the hash of the text fingerprinted */
} builder;

/* Adds one paragraph's shingles, keys and anchors to fp. */
static bool add_paragraph(builder *b, const ndupes_doc *doc, const nd_para_rec *r,
                          const ndupes_config *cfg, bool defer_short, nd_fp *fp)
{
    const char *s = doc->norm.p + r->norm_off;
    XXH3_64bits_update(b->xs, s, r->norm_len + 1);
    fp->words += r->words;
    b->psh.n = b->pq.n = 0;
    if (!nd_shingles(doc->toks + r->tok_first, r->words, cfg->shingle, &b->psh, &b->pq))
        return false;
    const uint64_t *sh = b->psh.v;
    size_t nsh = b->psh.n;
    if (nsh == 0)
        return true;
    if (defer_short && !record_para(fp, r, &b->phcap))
        return false;
    if (b->pq.n)
        add_anchors(doc->toks + r->tok_first, r->words, cfg->shingle, sh, nsh, b->anc,
                    &b->nanc, sizeof b->anc / sizeof b->anc[0]);
    uint32_t keys[ND_BANDS + ND_PEND_RUN];
    bool index = nsh >= 3 && b->nparas < ND_MAX_PARAS;
    size_t nk = 0;
    if (index) {
        nd_minhash_keys(sh, nsh, ND_ROWS, keys);
        nk = ND_BANDS;
        b->nparas++;
    }
    if (defer_short && r->wl <= ND_SHORT_WORDS && index) {
        nk += run_keys(sh, nsh, cfg->shingle, keys + nk, ND_PEND_RUN);
        int d = defer(fp, r, sh, nsh, b->pq.v, b->pq.n, keys, nk, &b->pcap, &b->shn, &b->qn);
        if (d != 0)
            return d > 0;
    }
    if (nk && !push_n(fp, keys, nk, &b->kcap))
        return false;
    if (nk <= ND_BANDS && b->nrun < ND_RUN_KEYS) { /* (a deferred one has them already) */
        uint32_t rk[ND_RUN_KEYS];
        size_t m = run_keys(sh, nsh, cfg->shingle, rk, ND_RUN_KEYS - b->nrun);
        if (!push_n(fp, rk, m, &b->kcap))
            return false;
        b->nrun += m;
    }
    for (size_t k = 0; k < nsh; k++)
        if (!nd_u64v_push(&b->all, sh[k]))
            return false;
    for (size_t k = 0; k < b->pq.n; k++)
        if (!nd_u64v_push(&b->quotes, b->pq.v[k]))
            return false;
    return true;
}

/* Fingerprints the paragraphs of doc that pass `want` (all kept ones, or on a page the
 * reader emptied, all but repeats). */
static bool build_pass(builder *b, const ndupes_doc *doc, const ndupes_config *cfg,
                       bool defer_short, bool whole, nd_fp *fp)
{
    XXH3_64bits_reset(b->xs);
    for (size_t i = 0; i < doc->n; i++) {
        const nd_para_rec *r = &doc->recs[i];
        bool want = whole ? r->reason != NDUPES_DROP_REPEAT : r->reason == NDUPES_KEEP;
        if (want && !add_paragraph(b, doc, r, cfg, defer_short, fp))
            return false;
    }
    fp->content_hash = XXH3_64bits_digest(b->xs);
    /* The direct quotes of the whole article are one more "paragraph" of the index: a
     * rewrite keeps the quotes but spreads them over paragraphs of new words, where no
     * single paragraph is similar enough to be found. */
    if (b->quotes.n >= ND_QUOTE_MIN_INDEX) {
        uint32_t keys[ND_BANDS];
        nd_minhash_keys(b->quotes.v, b->quotes.n, ND_QUOTE_ROWS, keys);
        for (int k = 0; k < ND_BANDS; k++)
            keys[k] = (keys[k] ^ 0x5bd1e994u) & ~ND_RUN_KEY; /* apart from paragraph keys */
        if (!push_n(fp, keys, ND_BANDS, &b->kcap))
            return false;
    }
    size_t nanc = nd_sort_unique_u32(b->anc, b->nanc);
    fp->nanc = (uint16_t)(nanc < ND_ANCHORS ? nanc : ND_ANCHORS);
    memcpy(fp->anc, b->anc, fp->nanc * sizeof *b->anc);
    return set_sketches(fp, &b->all, &b->quotes);
}

static void builder_free(builder *b)
{
    XXH3_freeState(b->xs);
    nd_u64v_free(&b->all);
    nd_u64v_free(&b->quotes);
    nd_u64v_free(&b->psh);
    nd_u64v_free(&b->pq);
}

/* The hash of a page's whole normalised text: pages that hash alike are one article,
 * whatever the reader kept of them. */
static uint64_t text_hash(const ndupes_doc *doc)
{
    if (doc->ntoks == 0)
        return 0;
    return XXH3_64bits(doc->norm.p, doc->norm.len);
}

bool nd_fp_build(const ndupes_doc *doc, const ndupes_config *cfg, bool defer_short, nd_fp *fp)
{
    memset(fp, 0, sizeof *fp);
    builder b = {.xs = XXH3_createState()};
    bool ok = b.xs && build_pass(&b, doc, cfg, defer_short, false, fp);
    /* A page the reader emptied is fingerprinted on its whole text (but its repeats): no
     * article disappears, and two copies of it still match. */
    if (ok && fp->nsh == 0 && fp->npend == 0 && doc->ntoks) {
        nd_fp_free(fp);
        memset(fp, 0, sizeof *fp);
        XXH3_state_t *xs = b.xs;
        b.xs = NULL;
        builder_free(&b);
        b = (builder){.xs = xs};
        fp->whole = 1;
        ok = build_pass(&b, doc, cfg, false, true, fp);
    }
    fp->text_hash = text_hash(doc);
    builder_free(&b);
    if (!ok)
        nd_fp_free(fp);
    return ok;
}

/* Merges the sorted unique values v[0..n) into the bottom-k sketch sk (nsk entries). */
static void merge_into(uint32_t *sk, uint16_t *nsk, size_t k, uint32_t *v, size_t n)
{
    uint32_t tmp[ND_SKETCH_K];
    n = nd_sort_unique_u32(v, n);
    size_t m = nd_bottomk_merge(sk, *nsk, v, n, tmp, k);
    memcpy(sk, tmp, m * sizeof *tmp);
    *nsk = (uint16_t)m;
}

bool nd_fp_finalize(nd_fp *fp, bool (*is_template)(void *ctx, uint64_t hash), void *ctx,
                    size_t *ntemplates)
{
    nd_free(fp->ph);
    fp->ph = NULL;
    fp->nph = 0;
    if (fp->npend == 0)
        return true;
    uint32_t sh[ND_PENDING_MAX], q[ND_PENDING_MAX];
    size_t nsh = 0, nq = 0, kcap = fp->nkeys;
    bool ok = true;
    for (size_t i = 0; i < fp->npend; i++) {
        const nd_pending *p = &fp->pend[i];
        if (is_template && is_template(ctx, p->hash)) {
            if (ntemplates)
                (*ntemplates)++;
            continue;
        }
        memcpy(sh + nsh, fp->pend_sh + p->first, p->count * sizeof *sh);
        nsh += p->count;
        memcpy(q + nq, fp->pend_q + p->qfirst, p->qcount * sizeof *q);
        nq += p->qcount;
        if (ok && !push_n(fp, p->keys, p->nkeys, &kcap))
            ok = false;
    }
    /* The count of distinct shingles grows by the new ones; shingles a short paragraph
     * shares with the rest of the article are rare enough to ignore. */
    fp->nsh += (uint32_t)nd_sort_unique_u32(sh, nsh);
    fp->nq += (uint32_t)nd_sort_unique_u32(q, nq);
    merge_into(fp->sk, &fp->nsk, ND_SKETCH_K, sh, nsh);
    merge_into(fp->qk, &fp->nqk, ND_QUOTE_K, q, nq);
    nd_free(fp->pend);
    nd_free(fp->pend_sh);
    nd_free(fp->pend_q);
    fp->pend = NULL;
    fp->pend_sh = fp->pend_q = NULL;
    fp->npend = 0;
    return ok;
}

bool nd_fp_copy(const nd_fp *src, nd_fp *dst)
{
    *dst = *src;
    dst->keys = NULL;
    dst->ph = NULL;
    dst->nph = 0;
    dst->pend = NULL;
    dst->pend_sh = dst->pend_q = NULL;
    if (src->nkeys) {
        dst->keys = nd_malloc(src->nkeys * sizeof *dst->keys);
        if (!dst->keys)
            goto fail;
        memcpy(dst->keys, src->keys, src->nkeys * sizeof *dst->keys);
    }
    if (src->nph) {
        dst->ph = nd_malloc(src->nph * sizeof *dst->ph);
        if (!dst->ph)
            goto fail;
        memcpy(dst->ph, src->ph, src->nph * sizeof *dst->ph);
        dst->nph = src->nph;
    }
    if (src->npend) {
        dst->pend = nd_malloc(src->npend * sizeof *dst->pend);
        dst->pend_sh = nd_malloc(ND_PENDING_MAX * sizeof *dst->pend_sh);
        dst->pend_q = nd_malloc(ND_PENDING_MAX * sizeof *dst->pend_q);
        if (!dst->pend || !dst->pend_sh || !dst->pend_q)
            goto fail;
        memcpy(dst->pend, src->pend, src->npend * sizeof *dst->pend);
        memcpy(dst->pend_sh, src->pend_sh, ND_PENDING_MAX * sizeof *dst->pend_sh);
        memcpy(dst->pend_q, src->pend_q, ND_PENDING_MAX * sizeof *dst->pend_q);
    }
    return true;
fail:
    nd_fp_free(dst);
    return false;
}
