/*
 * lsh.c - candidate pairs: articles that share an LSH band key (a similar paragraph, or
 * similar quotes), or ND_RUN_PAIR run keys (verbatim runs of text, whatever the paragraph
 * breaks around them; fingerprint.c).
 *
 * Every (key, article) entry goes into one array, which a radix sort orders by key; each
 * run of equal keys is a bucket of articles with a similar paragraph.  The cost is linear
 * in the number of entries, never in the square of the number of articles.  A bucket of
 * more than BUCKET_ALL articles (a paragraph that recurs across a whole site, or a key
 * collision) does not emit all its pairs: each article is paired with the next WINDOW in
 * the bucket, which still connects a large group of true duplicates (the scorer and the
 * chaining guard decide) at a bounded cost.  There a run key alone makes the pair: the
 * windows of two crowded buckets need not meet, so two run keys would connect nothing.
 */
#include "nd_match.h"

#include <string.h>

#define BUCKET_ALL 48
#define WINDOW 6

/* Sorts v[0..n) by the bits [lo, hi) (multiples of 8) with an LSD radix sort; stable.
 * tmp holds n entries.  Returns the array that holds the result (v or tmp). */
static uint64_t *radix_sort(uint64_t *v, uint64_t *tmp, size_t n, unsigned lo, unsigned hi)
{
    size_t count[256];
    for (unsigned shift = lo; shift < hi; shift += 8) {
        memset(count, 0, sizeof count);
        for (size_t i = 0; i < n; i++)
            count[(v[i] >> shift) & 0xFF]++;
        size_t sum = 0;
        bool one = false;
        for (int b = 0; b < 256; b++) {
            size_t c = count[b];
            if (c == n)
                one = true;
            count[b] = sum;
            sum += c;
        }
        if (one)
            continue; /* every entry has the same byte here: nothing to move */
        for (size_t i = 0; i < n; i++)
            tmp[count[(v[i] >> shift) & 0xFF]++] = v[i];
        uint64_t *t = v;
        v = tmp;
        tmp = t;
    }
    return v;
}

/* A pair is stored as a << 33 | b << 1 | run: sorted, the entries of one pair of articles
 * are neighbours, those from band keys (run = 0) first. */
static bool add_pair(nd_u64v *p, uint32_t a, uint32_t b, unsigned run)
{
    if (a == b)
        return true;
    if (a > b) {
        uint32_t t = a;
        a = b;
        b = t;
    }
    return nd_u64v_push(p, (uint64_t)a << 33 | (uint64_t)b << 1 | run);
}

/* The pairs of one bucket s[0..n) (entries of one key, sorted by article) into p. */
static bool bucket_pairs(uint64_t *s, size_t n, nd_u64v *p)
{
    unsigned run = (unsigned)(s[0] >> 32) & ND_RUN_KEY;
    /* Distinct articles of this bucket, in place (entries are sorted by article). */
    size_t b = 0;
    for (size_t j = 0; j < n; j++)
        if (j == 0 || (uint32_t)s[j] != (uint32_t)s[b - 1])
            s[b++] = s[j];
    /* A crowded bucket pairs each article with a window of the next ones only; the windows
     * of two crowded run keys need not meet, so there a run key alone makes the pair. */
    if (b > BUCKET_ALL)
        run = 0;
    for (size_t x = 0; x < b; x++) {
        size_t lim = b <= BUCKET_ALL ? b : (x + 1 + WINDOW < b ? x + 1 + WINDOW : b);
        for (size_t y = x + 1; y < lim; y++)
            if (!add_pair(p, (uint32_t)s[x], (uint32_t)s[y], run))
                return false;
    }
    return true;
}

/* Entries are split by the top byte of their key into PARTS ranges (one stable counting
 * pass), and each range is sorted and turned into pairs on its own, on worker threads.
 * The split itself runs on the worker threads too, the articles cut into CHUNKS: each
 * chunk counts its entries of each part, then writes them where the counts of the chunks
 * before it end, so the order is that of one pass over the articles. */
#define PARTS 256
#define CHUNKS 64

typedef struct lsh_job {
    const nd_fp *fps;
    const uint8_t *skip;
    size_t n;                     /* articles */
    uint64_t *tmp;                /* entries scattered by the top byte of their key */
    size_t off[PARTS + 1];        /* range of each part */
    size_t pos[CHUNKS][PARTS];    /* entries of chunk c and part k: counted, then placed */
    nd_u64v part[PARTS];          /* the pairs of each part */
    uint8_t nomem[PARTS];
} lsh_job;

static void work_part(void *ctx, size_t k)
{
    lsh_job *j = ctx;
    size_t lo = j->off[k], n = j->off[k + 1] - lo;
    if (n == 0)
        return;
    /* Scratch of this part's size only: the allocator hands the same memory to the next
     * part, where one array as large as all the entries would be new pages to clear. */
    uint64_t *scratch = nd_malloc(n * sizeof *scratch);
    if (!scratch) {
        j->nomem[k] = 1;
        return;
    }
    uint64_t *s = radix_sort(j->tmp + lo, scratch, n, 32, 56);
    for (size_t i = 0; i < n;) {
        size_t e = i + 1;
        uint32_t key = (uint32_t)(s[i] >> 32);
        while (e < n && (uint32_t)(s[e] >> 32) == key)
            e++;
        if (!bucket_pairs(s + i, e - i, &j->part[k])) {
            j->nomem[k] = 1;
            break;
        }
        i = e;
    }
    nd_free(scratch);
}

/* The first article of chunk c of n. */
static size_t chunk_start(size_t n, size_t c)
{
    return (size_t)((uint64_t)n * c / CHUNKS);
}

static void work_count(void *ctx, size_t c)
{
    lsh_job *j = ctx;
    size_t *count = j->pos[c];
    for (size_t i = chunk_start(j->n, c), end = chunk_start(j->n, c + 1); i < end; i++)
        if (!j->skip || !j->skip[i])
            for (size_t k = 0; k < j->fps[i].nkeys; k++)
                count[j->fps[i].keys[k] >> 24]++;
}

static void work_place(void *ctx, size_t c)
{
    lsh_job *j = ctx;
    size_t *pos = j->pos[c];
    for (size_t i = chunk_start(j->n, c), end = chunk_start(j->n, c + 1); i < end; i++)
        if (!j->skip || !j->skip[i])
            for (size_t k = 0; k < j->fps[i].nkeys; k++) {
                uint32_t key = j->fps[i].keys[k];
                j->tmp[pos[key >> 24]++] = (uint64_t)key << 32 | (uint32_t)i;
            }
}

/* Every (key, article) entry of the articles not skipped, scattered into j->tmp by the
 * top byte of the key (j->off[k]: where part k starts).  False when interrupted: the
 * counts or the entries are then incomplete. */
static bool scatter(lsh_job *j, unsigned jobs)
{
    if (!nd_parallel_for(CHUNKS, jobs, work_count, j))
        return false;
    size_t sum = 0;
    for (size_t k = 0; k < PARTS; k++) {
        j->off[k] = sum;
        for (size_t c = 0; c < CHUNKS; c++) {
            size_t n = j->pos[c][k];
            j->pos[c][k] = sum;
            sum += n;
        }
    }
    j->off[PARTS] = sum;
    return nd_parallel_for(CHUNKS, jobs, work_place, j);
}

/* The pairs of every part, sorted as one array, on worker threads: the pairs are split by
 * their first article into RANGES ranges (a count, then a placement, each part on its own),
 * and each range is sorted on its own; the ranges follow each other in the order of their
 * articles, so the whole array is sorted. */
#define RANGES 256

typedef struct gather_job {
    const lsh_job *j;
    uint64_t *all, *tmp;
    size_t n;                  /* articles */
    size_t (*pos)[RANGES];     /* pairs of part k and range r: counted, then placed */
    size_t off[RANGES + 1];
} gather_job;

static size_t range_of(const gather_job *g, uint64_t pair)
{
    return (size_t)((pair >> 33) * RANGES / g->n);
}

static void work_gcount(void *ctx, size_t k)
{
    gather_job *g = ctx;
    const nd_u64v *p = &g->j->part[k];
    for (size_t i = 0; i < p->n; i++)
        g->pos[k][range_of(g, p->v[i])]++;
}

static void work_gplace(void *ctx, size_t k)
{
    gather_job *g = ctx;
    const nd_u64v *p = &g->j->part[k];
    for (size_t i = 0; i < p->n; i++)
        g->all[g->pos[k][range_of(g, p->v[i])]++] = p->v[i];
}

static void work_gsort(void *ctx, size_t r)
{
    gather_job *g = ctx;
    size_t lo = g->off[r], n = g->off[r + 1] - lo;
    uint64_t *s = radix_sort(g->all + lo, g->tmp + lo, n, 0, 64);
    if (s != g->all + lo)
        memcpy(g->all + lo, s, n * sizeof *s);
}

/* The np pairs of j's parts into all, sorted (tmp: scratch of np); false when memory ran
 * out or when interrupted (each step needs every item of the one before). */
static bool gather(const lsh_job *j, size_t n, uint64_t *all, uint64_t *tmp, unsigned jobs)
{
    gather_job g = {.j = j, .all = all, .tmp = tmp, .n = n ? n : 1};
    g.pos = nd_calloc(PARTS, sizeof *g.pos);
    if (!g.pos)
        return false;
    bool ok = nd_parallel_for(PARTS, jobs, work_gcount, &g);
    size_t sum = 0;
    for (size_t r = 0; r < RANGES; r++) {
        g.off[r] = sum;
        for (size_t k = 0; k < PARTS; k++) {
            size_t c = g.pos[k][r];
            g.pos[k][r] = sum;
            sum += c;
        }
    }
    g.off[RANGES] = sum;
    ok = ok && nd_parallel_for(PARTS, jobs, work_gplace, &g) &&
         nd_parallel_for(RANGES, jobs, work_gsort, &g);
    nd_free(g.pos);
    return ok;
}

/* The pairs of sp[0..np) (sorted; several entries of one pair are neighbours), one of
 * each: those that share a band key, and those that share ND_RUN_PAIR run keys (each
 * bucket gave a pair at most once, so the count is of distinct keys).  Returns the count
 * written to out. */
size_t nd_lsh_choose(const uint64_t *sp, size_t np, nd_pair *out)
{
    size_t u = 0;
    for (size_t i = 0; i < np;) {
        uint64_t ab = sp[i] >> 1;
        size_t end = i + 1;
        while (end < np && sp[end] >> 1 == ab)
            end++;
        if (!(sp[i] & 1) || end - i >= ND_RUN_PAIR)
            out[u++] = (nd_pair){(uint32_t)(ab >> 32), (uint32_t)ab};
        i = end;
    }
    return u;
}

bool nd_lsh_candidates(const nd_fp *fps, const uint8_t *skip, size_t n, nd_pair **pairs,
                       size_t *npairs, unsigned jobs)
{
    *pairs = NULL;
    *npairs = 0;
    if (n > (size_t)INT32_MAX) /* a pair holds two indices in 63 bits */
        return false;
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        if (!skip || !skip[i])
            total += fps[i].nkeys;
    lsh_job *j = nd_calloc(1, sizeof *j);
    uint64_t *tmp = nd_malloc((total ? total : 1) * sizeof *tmp);
    uint64_t *all = NULL;
    bool ok = false;
    if (!j || !tmp)
        goto out;
    j->fps = fps;
    j->skip = skip;
    j->n = n;
    j->tmp = tmp;
    if (!scatter(j, jobs) || !nd_parallel_for(PARTS, jobs, work_part, j))
        goto out;
    size_t np = 0;
    for (size_t k = 0; k < PARTS; k++) {
        if (j->nomem[k])
            goto out;
        np += j->part[k].n;
    }
    /* All the pairs, then without repeats: sorted by (a, b), one of each kept. */
    all = nd_malloc((np ? np : 1) * sizeof *all);
    uint64_t *pt = all ? nd_reallocarray(tmp, np ? np : 1, sizeof *pt) : NULL;
    if (!pt)
        goto out;
    tmp = pt;
    if (!gather(j, n, all, tmp, jobs))
        goto out;
    nd_pair *out = nd_malloc((np ? np : 1) * sizeof *out);
    if (!out)
        goto out;
    *npairs = nd_lsh_choose(all, np, out);
    *pairs = out;
    ok = true;
out:
    if (j)
        for (size_t k = 0; k < PARTS; k++)
            nd_free(j->part[k].v);
    nd_free(j);
    nd_free(tmp);
    nd_free(all);
    return ok;
}

bool nd_lsh_bucket(uint64_t *s, size_t n, uint64_t **pairs, size_t *npairs, size_t *cap)
{
    nd_u64v p = {*pairs, *npairs, *cap};
    bool ok = n == 0 || bucket_pairs(s, n, &p);
    *pairs = p.v;
    *npairs = p.n;
    *cap = p.cap;
    return ok;
}

bool nd_all_pairs(const uint8_t *skip, size_t n, nd_pair **pairs, size_t *npairs)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        m += !skip || !skip[i];
    size_t np = m * (m - (m > 0)) / 2;
    *pairs = nd_reallocarray(NULL, np ? np : 1, sizeof **pairs);
    *npairs = 0;
    if (!*pairs)
        return false;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n && (!skip || !skip[i]); j++)
            if (!skip || !skip[j])
                (*pairs)[(*npairs)++] = (nd_pair){(uint32_t)i, (uint32_t)j};
    return true;
}
