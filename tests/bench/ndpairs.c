/*
 * ndpairs.c - scores chosen pairs of articles as a full ndupes run would, for tuning.
 *
 *   ndpairs ROOT < pairs.tsv
 *
 * Reads every article of ROOT (templates are learned across all of them, as in a run),
 * then for each input line "A<TAB>B[<TAB>label...]" (paths relative to ROOT) prints
 * "A B score jaccard contain_a contain_b quote_a quote_b shared shared_quote shingles_a
 * shingles_b label...".  It uses only the public API.
 */
#include "ndupes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: ndpairs ROOT < pairs.tsv\n", stderr);
        return 2;
    }
    ndupes_status st;
    ndupes_corpus *c = ndupes_corpus_create(NULL, &st);
    if (!c)
        return 2;
    const char *root = argv[1];
    if (ndupes_corpus_add_files(c, &root, 1) != NDUPES_OK) { /* a directory is not a file */
    }
    /* Collect the files under ROOT with find(1)'s order: the caller lists them. */
    char *line = NULL;
    size_t cap = 0;
    char **pairs = NULL;
    size_t np = 0, pcap = 0;
    while (getline(&line, &cap, stdin) > 0) {
        line[strcspn(line, "\n")] = '\0';
        if (np == pcap) {
            pcap = pcap ? pcap * 2 : 1024;
            pairs = realloc(pairs, pcap * sizeof *pairs);
        }
        pairs[np++] = strdup(line);
    }
    /* Every file named in a pair, plus every file listed in ROOT/files.txt if present. */
    char **names = NULL;
    size_t nn = 0, ncap = 0;
    char path[4096];
    snprintf(path, sizeof path, "%s/files.txt", root);
    FILE *f = fopen(path, "r");
    if (f) {
        while (getline(&line, &cap, f) > 0) {
            line[strcspn(line, "\n")] = '\0';
            if (nn == ncap) {
                ncap = ncap ? ncap * 2 : 1024;
                names = realloc(names, ncap * sizeof *names);
            }
            snprintf(path, sizeof path, "%s/%s", root, line);
            names[nn++] = strdup(path);
        }
        fclose(f);
    }
    ndupes_corpus_add_files(c, (const char *const *)names, nn);
    ndupes_corpus_group(c);
    size_t n = ndupes_corpus_size(c);
    char **sorted = malloc(n * sizeof *sorted);
    size_t *idx = malloc(n * sizeof *idx);
    for (size_t i = 0; i < n; i++)
        sorted[i] = (char *)ndupes_corpus_name(c, i);
    qsort(sorted, n, sizeof *sorted, cmp);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            if (ndupes_corpus_name(c, j) == sorted[i]) {
                idx[i] = j;
                break;
            }
    for (size_t p = 0; p < np; p++) {
        char *a = strtok(pairs[p], "\t"), *b = strtok(NULL, "\t"), *rest = strtok(NULL, "");
        if (!a || !b)
            continue;
        char pa[4096], pb[4096];
        snprintf(pa, sizeof pa, "%s/%s", root, a);
        snprintf(pb, sizeof pb, "%s/%s", root, b);
        char *ka = pa, *kb = pb;
        char **ha = bsearch(&ka, sorted, n, sizeof *sorted, cmp);
        char **hb = bsearch(&kb, sorted, n, sizeof *sorted, cmp);
        if (!ha || !hb)
            continue;
        ndupes_score s;
        ndupes_corpus_compare(c, idx[ha - sorted], idx[hb - sorted], &s);
        printf("%s\t%s\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%u\t%u\t%u\t%u\t%s\n", a, b, s.score,
               s.jaccard, s.contain_a, s.contain_b, s.quote_a, s.quote_b, s.shared,
               s.shared_quote, s.shingles_a, s.shingles_b, rest ? rest : "");
    }
    ndupes_corpus_free(c);
    return 0;
}
