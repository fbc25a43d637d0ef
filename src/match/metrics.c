/*
 * metrics.c - pairwise precision, recall, F1 and the adjusted Rand index of a grouping
 * against a labeled truth.
 *
 * All four follow from the contingency table of (truth label, predicted label) counts,
 * so nothing is quadratic: pairs together in both = sum C(n_ij, 2), together in the
 * prediction = sum C(b_j, 2), together in the truth = sum C(a_i, 2).
 */
#include "nd_match.h"

#include <stdlib.h>

typedef struct tp {
    size_t t, p;
} tp;

static int cmp_tp(const void *x, const void *y)
{
    const tp *a = x, *b = y;
    if (a->t != b->t)
        return a->t < b->t ? -1 : 1;
    return (a->p > b->p) - (a->p < b->p);
}

static int cmp_sz(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return (a > b) - (a < b);
}

static double c2(double n)
{
    return n * (n - 1) / 2;
}

/* Sum of C(run, 2) over runs of equal values in the sorted array v. */
static double runs_c2(const size_t *v, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && v[j] == v[i])
            j++;
        s += c2((double)(j - i));
        i = j;
    }
    return s;
}

ndupes_status ndupes_metrics_compute(const size_t *truth, const size_t *pred, size_t n,
                                     ndupes_metrics *out)
{
    if (!out || (n && (!truth || !pred)))
        return NDUPES_ERR_ARG;
    *out = (ndupes_metrics){0};
    tp *v = nd_malloc((n ? n : 1) * sizeof *v);
    size_t *a = nd_malloc((n ? n : 1) * sizeof *a), *b = nd_malloc((n ? n : 1) * sizeof *b);
    if (!v || !a || !b) {
        nd_free(v);
        nd_free(a);
        nd_free(b);
        return NDUPES_ERR_NOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        v[i] = (tp){truth[i], pred[i]};
        a[i] = truth[i];
        b[i] = pred[i];
    }
    qsort(v, n, sizeof *v, cmp_tp);
    qsort(a, n, sizeof *a, cmp_sz);
    qsort(b, n, sizeof *b, cmp_sz);
    double both = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && v[j].t == v[i].t && v[j].p == v[i].p)
            j++;
        both += c2((double)(j - i));
        i = j;
    }
    double st = runs_c2(a, n), sp = runs_c2(b, n);
    out->tp = (uint64_t)both;
    out->fp = (uint64_t)(sp - both);
    out->fn = (uint64_t)(st - both);
    out->precision = sp > 0 ? both / sp : 1;
    out->recall = st > 0 ? both / st : 1;
    out->f1 = out->precision + out->recall > 0
                  ? 2 * out->precision * out->recall / (out->precision + out->recall)
                  : 0;
    double total = c2((double)n);
    double expected = total > 0 ? st * sp / total : 0;
    double maxi = (st + sp) / 2;
    out->ari = maxi - expected != 0 ? (both - expected) / (maxi - expected) : 1;
    nd_free(v);
    nd_free(a);
    nd_free(b);
    return NDUPES_OK;
}
