/*
 * cli_eval.c - `ndupes eval TRUTH.tsv [OPTIONS] PATH...`: the groups measured against a
 * labeled truth.
 *
 * TRUTH has lines "file<TAB>cluster" ('#' starts a comment).  Each grouped file is matched
 * to a truth line by its path as given, else by the truth path being a trailing part of it
 * ("articles/x.txt" matches "../shared/devset/articles/x.txt"), else by base name when that
 * base name is unique in TRUTH.  Files without a truth line are left out of the figures
 * (and counted); truth lines that name no file given are said on stderr (a typo in a path,
 * or the wrong folder, would otherwise quietly shrink the sample).  When no file given has
 * a truth line, there is nothing to measure: exit 2, not an F1 of 1.  Prints pairwise
 * precision, recall, F1 and the adjusted Rand index, then the wrong pairs with their
 * scores: merged (grouped but different in truth) and split (same in truth but not
 * grouped).
 */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define LIST_MAX 40

typedef struct truth {
    char **file, **cluster;
    size_t n, cap;
} truth;

static void truth_free(truth *t)
{
    for (size_t i = 0; i < t->n; i++) {
        free(t->file[i]);
        free(t->cluster[i]);
    }
    free(t->file);
    free(t->cluster);
}

static int truth_load(truth *t, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        cli_warn(path, "%s", strerror(errno));
        return -1;
    }
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t len;
    int rc = 0;
    while ((len = getline(&line, &cap, f)) > 0) {
        lineno++;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len == 0 || line[0] == '#')
            continue;
        char *tab = strchr(line, '\t');
        if (!tab || tab == line || !tab[1]) {
            cli_warn(path, "line %zu: expected FILE<TAB>CLUSTER", lineno);
            rc = -1;
            break;
        }
        *tab = '\0';
        if (t->n == t->cap) {
            t->cap = t->cap ? t->cap * 2 : 256;
            char **a = realloc(t->file, t->cap * sizeof *a);
            if (a)
                t->file = a;
            char **b = realloc(t->cluster, t->cap * sizeof *b);
            if (b)
                t->cluster = b;
            if (!a || !b) {
                rc = -1;
                break;
            }
        }
        t->file[t->n] = strdup(line);
        t->cluster[t->n] = strdup(tab + 1);
        if (!t->file[t->n] || !t->cluster[t->n]) {
            rc = -1;
            break;
        }
        t->n++;
    }
    free(line);
    fclose(f);
    return rc;
}

static const char *base(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

/* Index of path's truth line, or -1. */
static long truth_match(const truth *t, const char *path)
{
    size_t pl = strlen(path);
    long by_base = -1;
    int base_count = 0;
    for (size_t i = 0; i < t->n; i++) {
        const char *f = t->file[i];
        if (strcmp(f, path) == 0)
            return (long)i;
        size_t fl = strlen(f);
        if (fl < pl && path[pl - fl - 1] == '/' && strcmp(path + pl - fl, f) == 0)
            return (long)i;
        if (strcmp(base(f), base(path)) == 0) {
            by_base = (long)i;
            base_count++;
        }
    }
    return base_count == 1 ? by_base : -1;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Dense ids for the truth clusters (equal names, equal id). */
static size_t *cluster_ids(const truth *t)
{
    size_t *id = malloc((t->n ? t->n : 1) * sizeof *id);
    char **sorted = malloc((t->n ? t->n : 1) * sizeof *sorted);
    if (!id || !sorted) {
        free(id);
        free(sorted);
        return NULL;
    }
    memcpy(sorted, t->cluster, t->n * sizeof *sorted);
    qsort(sorted, t->n, sizeof *sorted, cmp_str);
    for (size_t i = 0; i < t->n; i++) {
        char **hit = bsearch(&t->cluster[i], sorted, t->n, sizeof *sorted, cmp_str);
        while (hit > sorted && strcmp(hit[-1], t->cluster[i]) == 0)
            hit--;
        id[i] = (size_t)(hit - sorted);
    }
    free(sorted);
    return id;
}

static void eval_usage(FILE *f)
{
    fputs("usage: ndupes eval TRUTH.tsv [--agreement] [OPTIONS] PATH...\n"
          "\n"
          "Groups PATH as 'ndupes' does (same options), then compares the groups with TRUTH\n"
          "(lines FILE<TAB>CLUSTER; files matched by path, trailing path or unique base name)\n"
          "and prints pairwise precision, recall, F1 and the adjusted Rand index, then the\n"
          "wrong pairs with their scores: merged (grouped, different in TRUTH) and split\n"
          "(same cluster in TRUTH, not grouped).  Truth lines that name no file given are\n"
          "said on stderr.  --agreement also scores every pair of files as the run does and\n"
          "lists those at or above the threshold that the run left apart (quadratic: for\n"
          "labelled sets).  Exit status: 0 done, 1 some files unreadable, 2 error (also\n"
          "when no file given has a truth line).\n",
          f);
}

/* Scores every pair of the run's articles as the run does and lists those at or above the
 * threshold that the run left apart: the candidate index missed them, or the chaining
 * guard refused them.  Quadratic: for labelled sets. */
static void report_agreement(ndupes_corpus *c, double threshold)
{
    size_t n = ndupes_corpus_size(c), apart = 0, dup = 0;
    printf("\nagreement with the scorer (every pair scored):\n");
    for (size_t a = 0; a < n && !cli_interrupted; a++)
        for (size_t b = a + 1; b < n; b++) {
            ndupes_score s;
            if (ndupes_corpus_compare(c, a, b, &s) != NDUPES_OK || s.score < threshold)
                continue;
            dup++;
            size_t ga = ndupes_corpus_group_of(c, a);
            if (ga != SIZE_MAX && ga == ndupes_corpus_group_of(c, b))
                continue;
            if (apart++ < LIST_MAX)
                printf("  %.3f  %s  %s\n", s.score, ndupes_corpus_name(c, a),
                       ndupes_corpus_name(c, b));
        }
    printf("pairs      %zu scored as duplicates, %zu of them left apart by the run\n", dup,
           apart);
}

/* The labelled files of a run: for each, its truth cluster and its group. */
typedef struct labelled {
    size_t *tl, *pl, *idx; /* truth label, predicted label, article index; m of them */
    size_t m, unlabeled;
} labelled;

/* Matches the run's articles to the truth lines; says the truth lines that name no file.
 * Returns 0, or an exit status. */
static int label(ndupes_corpus *c, const truth *t, const char *tpath, labelled *L)
{
    size_t n = ndupes_corpus_size(c);
    size_t *tid = cluster_ids(t);
    unsigned char *used = calloc(t->n ? t->n : 1, 1);
    L->tl = malloc((n ? n : 1) * sizeof *L->tl);
    L->pl = malloc((n ? n : 1) * sizeof *L->pl);
    L->idx = malloc((n ? n : 1) * sizeof *L->idx);
    int rc = 0;
    if (!tid || !used || !L->tl || !L->pl || !L->idx) {
        cli_warn(NULL, "out of memory");
        rc = EXIT_USAGE;
    }
    for (size_t i = 0; i < n && !rc; i++) {
        long ti = truth_match(t, ndupes_corpus_name(c, i));
        if (ti < 0) {
            L->unlabeled++;
            continue;
        }
        used[ti] = 1;
        size_t g = ndupes_corpus_group_of(c, i);
        L->idx[L->m] = i;
        L->tl[L->m] = tid[ti];
        L->pl[L->m++] = g != SIZE_MAX ? g : n + i;
    }
    size_t unused = 0;
    for (size_t i = 0; i < t->n && !rc; i++)
        if (!used[i] && unused++ < 5)
            cli_warn(tpath, "no file given for the truth line '%s'", t->file[i]);
    if (unused > 5)
        cli_warn(tpath, "... %zu truth lines in all name no file given", unused);
    if (!rc && L->m == 0) {
        cli_warn(tpath, "none of the %zu files given has a truth line: nothing to measure", n);
        rc = EXIT_USAGE;
    }
    free(tid);
    free(used);
    return rc;
}

/* The wrong pairs, with their scores: merged (kind 0) or split (kind 1). */
static void list_wrong(ndupes_corpus *c, const labelled *L, int kind)
{
    static const char *const title[2] = {"merged (grouped, different in truth)",
                                         "split (same in truth, not grouped)"};
    size_t shown = 0, total = 0;
    for (size_t a = 0; a < L->m && !cli_interrupted; a++)
        for (size_t b = a + 1; b < L->m; b++) {
            int same_t = L->tl[a] == L->tl[b], same_p = L->pl[a] == L->pl[b];
            if (kind == 0 ? !(same_p && !same_t) : !(same_t && !same_p))
                continue;
            if (total++ == 0)
                printf("\n%s:\n", title[kind]);
            if (shown < LIST_MAX) {
                ndupes_score s;
                ndupes_corpus_compare(c, L->idx[a], L->idx[b], &s);
                printf("  %.3f  %s  %s\n", s.score, ndupes_corpus_name(c, L->idx[a]),
                       ndupes_corpus_name(c, L->idx[b]));
                shown++;
            }
        }
    if (total > shown)
        printf("  ... and %zu more\n", total - shown);
}

/* Takes eval's own --agreement out of argv (before the run's options are parsed); returns
 * the new argc. */
static int take_agreement(int argc, char **argv, int *agreement)
{
    int k = 1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0) {
            while (i < argc)
                argv[k++] = argv[i++];
            break;
        }
        if (strcmp(argv[i], "--agreement") == 0)
            *agreement = 1;
        else
            argv[k++] = argv[i];
    }
    return k;
}

int cli_eval(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        if (argc < 2)
            return cli_usage_error("eval", "no truth file given");
        eval_usage(stdout);
        return 0;
    }
    const char *tpath = argv[1];
    int agreement = 0;
    argc = take_agreement(argc, argv, &agreement);
    cli_run r = {0};
    int first;
    int rc = cli_parse_run(argc - 1, argv + 1, "eval", &r, &first);
    if (rc == -1) {
        eval_usage(stdout);
        return 0;
    }
    if (rc)
        return rc == 1 ? 0 : rc;
    truth t = {0};
    if (truth_load(&t, tpath) != 0) {
        truth_free(&t);
        return EXIT_USAGE;
    }
    rc = cli_gather(&r, argc - 1, argv + 1, first);
    ndupes_corpus *c = NULL;
    if (!rc)
        rc = cli_group(&r, &c);
    labelled L = {0};
    ndupes_metrics mt;
    if (!rc)
        rc = label(c, &t, tpath, &L);
    if (!rc && ndupes_metrics_compute(L.tl, L.pl, L.m, &mt) != NDUPES_OK)
        rc = EXIT_USAGE;
    if (!rc) {
        printf("files      %zu labeled (%zu not in the truth file, left out)\n", L.m,
               L.unlabeled);
        printf("precision  %.4f\nrecall     %.4f\nf1         %.4f\nari        %.4f\n",
               mt.precision, mt.recall, mt.f1, mt.ari);
        printf("pairs      %llu right, %llu merged wrongly, %llu split wrongly\n",
               (unsigned long long)mt.tp, (unsigned long long)mt.fp, (unsigned long long)mt.fn);
        list_wrong(c, &L, 0);
        list_wrong(c, &L, 1);
        if (agreement)
            report_agreement(c, r.cfg.threshold);
        rc = (ndupes_corpus_failed(c) || r.inputs.failed) ? EXIT_PARTIAL : 0;
        if (cli_interrupted)
            rc = cli_stopped(NULL, false);
    }
    free(L.tl);
    free(L.pl);
    free(L.idx);
    ndupes_corpus_free(c);
    truth_free(&t);
    cli_paths_free(&r.inputs);
    return rc;
}
