/*
 * cli_explain.c - `ndupes explain A B`: why two articles are, or are not, duplicates.
 *
 * Prints the pair's scores (Jaccard, containment each way, shared quotes) against the
 * threshold, and which of them made the score (the scorer takes the larger of the
 * containment of the smaller text in the larger, and the quotes both keep, each counted only
 * above a floor of shared text), then the kept paragraphs of A that match a kept paragraph
 * of B, side by side with their shingle Jaccard, and what each side's reader dropped as
 * boilerplate.
 */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define SHOW 70 /* characters of a paragraph shown */
#define MATCH 0.15

static void explain_usage(FILE *f)
{
    fputs("usage: ndupes explain [-t X] [--shingle N] [--in PATH]... FILE_A FILE_B\n"
          "\n"
          "Shows why two articles are or are not near-duplicates: the scores against the\n"
          "threshold and which signal decided (containment of one text in the other, or the\n"
          "direct quotes both keep), the matching paragraphs side by side with their\n"
          "similarity, and the boilerplate each side dropped.  A pair is scored alone,\n"
          "without the site templates a run learns from many files: --in PATH (a file or\n"
          "folder, repeatable) first scores it as a run over A, B and those files does, and\n"
          "says whether that run groups them.  Exit 0 when they are duplicates at the\n"
          "threshold (alone), 1 when they are not, 2 on error.\n",
          f);
}

static void show(const char *label, const char *s)
{
    size_t n = strlen(s);
    printf("    %s %.*s%s\n", label, (int)(n > SHOW ? SHOW : n), s, n > SHOW ? "..." : "");
}

/* Says which signal the score is: containment (of which side in which), the quotes, or
 * none (both under their floors). */
static void deciding(const ndupes_score *s, int dup)
{
    double contain = fmax(s->contain_a, s->contain_b);
    const char *how = dup ? "decided by" : "strongest signal";
    if (s->score <= 0) {
        printf("%s: none: %u shingles and %u quotes shared, too few to count (one common "
               "sentence or quote does not make two stories one)\n",
               dup ? "decided by" : "why not", s->shared, s->shared_quotes);
    } else if (fabs(s->score - contain) < 1e-9) {
        int a_in_b = s->contain_a >= s->contain_b;
        printf("%s: containment: %s of %s's text is found in %s (%.3f)\n", how,
               contain >= 0.995 ? "all" : contain >= 0.5 ? "most" : "part", a_in_b ? "A" : "B",
               a_in_b ? "B" : "A", contain);
    } else {
        printf("%s: the direct quotes: both keep each other's quotes (A's in B %.3f, B's in A "
               "%.3f, %u quotes word for word), as a rewrite keeps its source's\n",
               how, s->quote_a, s->quote_b, s->shared_quotes);
    }
}

static void dropped(const char *name, const ndupes_doc *d)
{
    size_t n = ndupes_doc_count(d), k = 0;
    unsigned by[NDUPES_REASON_COUNT] = {0};
    for (size_t i = 0; i < n; i++) {
        const ndupes_para *p = ndupes_doc_para(d, i);
        if (p && p->reason != NDUPES_KEEP) {
            by[p->reason]++;
            k++;
        }
    }
    printf("%s: %zu of %zu paragraphs dropped as boilerplate", name, k, n);
    const char *sep = " (";
    for (int r = 1; r < NDUPES_REASON_COUNT; r++)
        if (by[r]) {
            printf("%s%s %u", sep, ndupes_reason_name((ndupes_reason)r), by[r]);
            sep = ", ";
        }
    printf("%s\n", k ? ")" : "");
}

/* With --in: the pair as a run over A, B and the other files scores it (templates learned
 * from all of them), and whether that run groups them. */
static int explain_in_run(const char *a, const char *b, cli_paths *in, const ndupes_config *cfg)
{
    ndupes_status st;
    ndupes_corpus *c = ndupes_corpus_create(cfg, &st);
    const char **paths = malloc((in->n + 2) * sizeof *paths);
    if (!c || !paths) {
        ndupes_corpus_free(c);
        free(paths);
        cli_warn(NULL, "%s", ndupes_strerror(c ? NDUPES_ERR_NOMEM : st));
        return EXIT_USAGE;
    }
    ndupes_corpus_set_log(c, cli_log, NULL);
    paths[0] = a;
    paths[1] = b;
    for (size_t i = 0; i < in->n; i++)
        paths[i + 2] = in->v[i];
    st = ndupes_corpus_add_files(c, paths, in->n + 2);
    if (st == NDUPES_OK)
        st = ndupes_corpus_group(c);
    free(paths);
    size_t ia = SIZE_MAX, ib = SIZE_MAX, n = ndupes_corpus_size(c);
    for (size_t i = 0; i < n && st == NDUPES_OK; i++) {
        const char *name = ndupes_corpus_name(c, i);
        if (ia == SIZE_MAX && strcmp(name, a) == 0)
            ia = i;
        else if (ib == SIZE_MAX && strcmp(name, b) == 0)
            ib = i;
    }
    if (st != NDUPES_OK || ia == SIZE_MAX || ib == SIZE_MAX) {
        if (st == NDUPES_OK)
            cli_warn(NULL, "A and B must be two readable files");
        else
            cli_warn(NULL, "%s", ndupes_strerror(st));
        ndupes_corpus_free(c);
        return EXIT_USAGE;
    }
    ndupes_score s;
    ndupes_corpus_compare(c, ia, ib, &s);
    size_t ga = ndupes_corpus_group_of(c, ia);
    int together = ga != SIZE_MAX && ga == ndupes_corpus_group_of(c, ib);
    printf("in a run over %zu files: score %.3f (with the site templates learned from them); "
           "%s\n\n", n, s.score, together ? "grouped together" : "not grouped together");
    ndupes_corpus_free(c);
    return 0;
}

/* The kept paragraphs of A that match a kept paragraph of B, each with its best match. */
static void matching(ndupes_doc *const d[2], const ndupes_config *cfg)
{
    printf("\nmatching paragraphs (shingle Jaccard >= %.2f):\n", MATCH);
    size_t na = ndupes_doc_count(d[0]), nb = ndupes_doc_count(d[1]), shown = 0;
    for (size_t i = 0; i < na; i++) {
        const ndupes_para *pa = ndupes_doc_para(d[0], i);
        if (!pa || pa->reason != NDUPES_KEEP)
            continue;
        double best = 0;
        size_t bj = 0;
        for (size_t j = 0; j < nb; j++) {
            const ndupes_para *pb = ndupes_doc_para(d[1], j);
            if (!pb || pb->reason != NDUPES_KEEP)
                continue;
            double sim = ndupes_para_similarity(d[0], i, d[1], j, cfg);
            if (sim > best) {
                best = sim;
                bj = j;
            }
        }
        if (best >= MATCH) {
            const ndupes_para *pb = ndupes_doc_para(d[1], bj);
            printf("  %.2f  A:%u ~ B:%u\n", best, pa->line, pb->line);
            show("A", pa->text);
            show("B", pb->text);
            shown++;
        }
    }
    if (!shown)
        printf("  (none)\n");
    printf("\n");
}

/* The pair alone: the verdict, the scores, the matching paragraphs and what was dropped.
 * Returns 0 for duplicates, 1 for not, EXIT_USAGE when a file cannot be read. */
static int explain_pair(const char *a, const char *b, const ndupes_config *cfg)
{
    const char *path[2] = {a, b};
    ndupes_doc *d[2] = {NULL, NULL};
    for (int k = 0; k < 2; k++) {
        ndupes_status st = ndupes_doc_read(path[k], cfg, &d[k]);
        if (st != NDUPES_OK) {
            cli_warn(path[k], "%s", st == NDUPES_ERR_IO ? strerror(errno) : ndupes_strerror(st));
            ndupes_doc_free(d[0]);
            return EXIT_USAGE;
        }
    }
    ndupes_score s;
    if (ndupes_doc_compare(d[0], d[1], cfg, &s) != NDUPES_OK) {
        cli_warn(NULL, "out of memory");
        ndupes_doc_free(d[0]);
        ndupes_doc_free(d[1]);
        return EXIT_USAGE;
    }
    int dup = s.score >= cfg->threshold;
    printf("A: %s\nB: %s\n", a, b);
    printf("verdict: %s (score %.3f, threshold %.3f)\n", dup ? "DUPLICATES" : "not duplicates",
           s.score, cfg->threshold);
    deciding(&s, dup);
    printf("shingles: A %u, B %u, shared %u; Jaccard %.3f\n", s.shingles_a, s.shingles_b,
           s.shared, s.jaccard);
    printf("containment: A in B %.3f, B in A %.3f\n", s.contain_a, s.contain_b);
    printf("quotes: A's in B %.3f, B's in A %.3f, shared quote shingles %u, shared quotes %u\n",
           s.quote_a, s.quote_b, s.shared_quote, s.shared_quotes);
    matching(d, cfg);
    dropped("A", d[0]);
    dropped("B", d[1]);
    ndupes_doc_free(d[0]);
    ndupes_doc_free(d[1]);
    return dup ? 0 : 1;
}

int cli_explain(int argc, char **argv)
{
    static const struct option opts[] = {
        {"threshold", required_argument, NULL, 't'},
        {"shingle", required_argument, NULL, 's'},
        {"in", required_argument, NULL, 'i'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    ndupes_config cfg;
    ndupes_config_init(&cfg);
    cli_paths in = {0}; /* --in: the other files of a run the pair is scored in */
    int c, rc;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, "+t:h", opts, NULL)) != -1) {
        unsigned long long u;
        switch (c) {
        case 't':
            if (!cli_parse_double(optarg, 1e-9, 1.0, &cfg.threshold))
                return cli_usage_error("explain", "--threshold: '%s' is not a number in (0, 1]",
                                       optarg);
            break;
        case 's':
            if (!cli_parse_uint(optarg, 2, 8, &u))
                return cli_usage_error("explain", "--shingle: '%s' is not 2..8", optarg);
            cfg.shingle = (unsigned)u;
            break;
        case 'i':
            if (!cli_collect(&in, optarg, NULL)) {
                cli_paths_free(&in);
                cli_warn(NULL, "out of memory");
                return EXIT_USAGE;
            }
            break;
        case 'h':
            cli_paths_free(&in);
            explain_usage(stdout);
            return 0;
        default:
            cli_paths_free(&in);
            return cli_usage_error("explain", "unknown or incomplete option '%s'",
                                   argv[optind - 1]);
        }
    }
    if (argc - optind != 2) {
        cli_paths_free(&in);
        return cli_usage_error("explain", "two files are needed");
    }
    rc = in.n ? explain_in_run(argv[optind], argv[optind + 1], &in, &cfg) : 0;
    cli_paths_free(&in);
    return rc ? rc : explain_pair(argv[optind], argv[optind + 1], &cfg);
}
