/*
 * cli_strip.c - `ndupes strip FILE`: the reader's decision on every paragraph.
 *
 * Each paragraph is printed on one line: "keep" or "drop", its first line number in the
 * file, for a dropped one the rule and cue that fired, then the text.  With --kept only
 * the kept text is printed, one paragraph a line, for use in pipes.
 */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <string.h>

static void strip_usage(FILE *f)
{
    fputs("usage: ndupes strip [--kept] [--max-size SIZE] FILE...\n"
          "\n"
          "Prints each paragraph of FILE as the reader sees it: 'keep' or 'drop', the line\n"
          "where it starts, for a dropped one the rule and the cue that fired (cue, contact,\n"
          "teaser, short, repeat, tail), then the text.  Templates learned across many files\n"
          "are only found when grouping.  --kept prints only the kept text.\n",
          f);
}

static void print_language(const ndupes_doc *doc)
{
    ndupes_lang_info li;
    if (ndupes_doc_language(doc, &li) != NDUPES_OK)
        return;
    if (li.by_script)
        printf("# language: %s (%s; told by its script, %s)\n", li.code, li.name, li.script);
    else if (strcmp(li.code, "und") != 0)
        printf("# language: %s (%s; %s script, %u function words, the next language %u)\n",
               li.code, li.name, li.script, li.hits, li.second);
    else
        printf("# language: und (not told: %s script, %u function words of any one language;"
               " only the rules that need no word list apply)\n", li.script, li.hits);
}

/* One document's paragraphs: every one with its verdict, or the kept text alone. */
static void print_doc(const ndupes_doc *doc, int kept_only)
{
    if (!kept_only)
        print_language(doc);
    size_t n = ndupes_doc_count(doc), kept = 0, words = 0;
    for (size_t k = 0; k < n; k++) {
        const ndupes_para *p = ndupes_doc_para(doc, k);
        if (!p)
            break;
        if (p->reason == NDUPES_KEEP) {
            kept++;
            words += p->words;
            if (kept_only)
                printf("%s\n", p->text);
            else
                printf("keep %4u  %s\n", p->line, p->text);
        } else if (!kept_only) {
            printf("drop %4u  [%s%s%s] %s\n", p->line, ndupes_reason_name(p->reason),
                   *p->detail ? ": " : "", p->detail, p->text);
        }
    }
    if (!kept_only)
        printf("# %zu paragraphs: %zu kept (%zu words), %zu dropped%s\n", n, kept, words,
               n - kept, ndupes_doc_was_cp1252(doc) ? "; read as Windows-1252" : "");
}

int cli_strip(int argc, char **argv)
{
    static const struct option opts[] = {
        {"kept", no_argument, NULL, 'k'},
        {"max-size", required_argument, NULL, 'm'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    ndupes_config cfg;
    ndupes_config_init(&cfg);
    int kept_only = 0, c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, "+kh", opts, NULL)) != -1) {
        unsigned long long u;
        switch (c) {
        case 'k':
            kept_only = 1;
            break;
        case 'm':
            if (!cli_parse_size(optarg, &u) || u == 0)
                return cli_usage_error("strip", "--max-size: '%s' is not a size", optarg);
            cfg.max_size = u;
            break;
        case 'h':
            strip_usage(stdout);
            return 0;
        default:
            return cli_usage_error("strip", "unknown or incomplete option '%s'",
                                   argv[optind - 1]);
        }
    }
    if (optind >= argc)
        return cli_usage_error("strip", "no file given");
    int rc = 0;
    for (int i = optind; i < argc; i++) {
        ndupes_doc *doc;
        ndupes_status st = ndupes_doc_read(argv[i], &cfg, &doc);
        if (st != NDUPES_OK) {
            cli_warn(argv[i], "%s", st == NDUPES_ERR_IO ? strerror(errno) : ndupes_strerror(st));
            rc = EXIT_PARTIAL;
            continue;
        }
        if (argc - optind > 1 && !kept_only)
            printf("%s==> %s <==\n", i > optind ? "\n" : "", argv[i]);
        print_doc(doc, kept_only);
        ndupes_doc_free(doc);
    }
    return rc;
}
