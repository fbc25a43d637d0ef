/*
 * compare.c - scoring two parsed documents directly, for `ndupes explain` and tests:
 * the same fingerprints and scorer as the corpus, without cross-file template learning,
 * and the exact shingle Jaccard of two paragraphs for showing matches side by side.
 */
#include "nd_match.h"


ndupes_status ndupes_doc_compare(const ndupes_doc *a, const ndupes_doc *b,
                                 const ndupes_config *cfg, ndupes_score *out)
{
    if (!a || !b || !out)
        return NDUPES_ERR_ARG;
    ndupes_config def;
    if (!cfg) {
        ndupes_config_init(&def);
        cfg = &def;
    }
    nd_fp fa, fb;
    if (!nd_fp_build(a, cfg, false, &fa))
        return NDUPES_ERR_NOMEM;
    if (!nd_fp_build(b, cfg, false, &fb)) {
        nd_fp_free(&fa);
        return NDUPES_ERR_NOMEM;
    }
    nd_score(&fa, &fb, cfg, out);
    if (nd_fp_same(&fa, &fb))
        out->score = 1.0;
    nd_fp_free(&fa);
    nd_fp_free(&fb);
    return NDUPES_OK;
}

/* The sorted, unique shingle hashes of one paragraph. */
static bool para_shingles(const ndupes_doc *d, size_t i, unsigned k, nd_u64v *out)
{
    const nd_para_rec *r = &d->recs[i];
    if (r->words == 0)
        return true; /* no words, no shingles (and maybe no token array at all) */
    bool ok = nd_shingles(d->toks + r->tok_first, r->words, k, out, NULL);
    if (ok)
        out->n = nd_sort_unique_u64(out->v, out->n);
    return ok;
}

double ndupes_para_similarity(const ndupes_doc *a, size_t i, const ndupes_doc *b, size_t j,
                              const ndupes_config *cfg)
{
    if (!a || !b || i >= a->n || j >= b->n)
        return -1;
    unsigned k = cfg ? cfg->shingle : NDUPES_DEFAULT_SHINGLE;
    nd_u64v x = {0}, y = {0};
    double r = -1;
    if (para_shingles(a, i, k, &x) && para_shingles(b, j, k, &y)) {
        size_t p = 0, q = 0, inter = 0;
        while (p < x.n && q < y.n) {
            if (x.v[p] == y.v[q]) {
                inter++;
                p++;
                q++;
            } else if (x.v[p] < y.v[q]) {
                p++;
            } else {
                q++;
            }
        }
        size_t uni = x.n + y.n - inter;
        r = uni ? (double)inter / (double)uni : 0;
    }
    nd_u64v_free(&x);
    nd_u64v_free(&y);
    return r;
}
