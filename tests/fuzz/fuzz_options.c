/*
 * fuzz_options.c - libFuzzer target for the option parser of the grouping run
 * (cli_parse_run in src/cli/cli_main.c, compiled with main renamed to ndupes_cli_main): the
 * input is split at NUL bytes into argv[1..], argv[0] being "ndupes".  The strict number
 * parsers of cli_util.c (sizes, durations, doubles, counts) are reached through the
 * options that take them.
 *
 * Checks on success: the first operand lies within argv, and every value the parser set
 * is within the range its option documents.  --help and --version print to stdout: run
 * with -close_fd_mask=3 (run.sh does) to keep the terminal quiet.
 *
 * glibc's getopt keeps a pointer into the previous argv between calls, and cli_parse_run
 * resets only optind = 1 (enough for a process that parses once).  Before each input the
 * harness re-initialises getopt fully (optind = 0 on a static argv) so that a previous
 * input's freed argv is never read.  Re-initialising also fixes getopt's ordering
 * (permute, or stop at the first operand when the option string starts with '+'), which
 * a real run takes from cli_parse_run's option string; so the first call of all, in
 * LLVMFuzzerInitialize, is cli_parse_run itself on "ndupes x -q", and the harness keeps
 * the ordering that call shows.
 */
#include "cli.h"
#include "fuzz_common.h"

#include <getopt.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>


#define MAX_ARGS 64

static const char *ordering = ""; /* "" permute, "+" stop at the first operand */

static void reset_getopt(void)
{
    static char a0[] = "ndupes";
    static char *av[] = {a0, NULL};
    optind = 0;
    opterr = 0;
    while (getopt_long(1, av, ordering, NULL, NULL) != -1)
        ;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    static char a0[] = "ndupes", a1[] = "x", a2[] = "-q";
    static char *av[] = {a0, a1, a2, NULL};
    cli_run r;
    memset(&r, 0, sizeof r);
    int first = 0;
    cli_verbose = 0;
    if (cli_parse_run(3, av, NULL, &r, &first) != 0) {
        fputs("fuzz_options: cli_parse_run refused 'ndupes x -q'\n", stderr);
        exit(1);
    }
    ordering = cli_verbose == -1 ? "" : "+"; /* was -q, after an operand, an option? */
    cli_verbose = 0;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    /* One copy of the input, NUL-terminated, cut into arguments at each NUL. */
    char *buf = malloc(size + 1);
    if (!buf)
        return 0;
    memcpy(buf, data, size);
    buf[size] = '\0';
    char *argv[MAX_ARGS + 2];
    int argc = 0;
    argv[argc++] = "ndupes";
    for (size_t i = 0; i <= size && argc <= MAX_ARGS;) {
        argv[argc++] = buf + i;
        i += strlen(buf + i) + 1;
    }
    if (size == 0)
        argc = 1; /* no operand at all, not one empty string */
    argv[argc] = NULL;

    reset_getopt();
    cli_verbose = 0;
    cli_run r;
    memset(&r, 0, sizeof r);
    int first = -1;
    int rc = cli_parse_run(argc, argv, (size & 1) ? "eval" : NULL, &r, &first);
    CHECK(rc == 0 || rc == 1 || rc == -1 || rc == EXIT_USAGE);
    if (rc == 0) {
        CHECK(first >= 1 && first <= argc);
        CHECK(!isnan(r.cfg.threshold) && r.cfg.threshold > 0 && r.cfg.threshold <= 1);
        CHECK(r.cfg.shingle >= 2 && r.cfg.shingle <= 8);
        CHECK(r.cfg.jobs <= 256);
        CHECK(r.cfg.max_size > 0);
        CHECK(r.wait >= 0 && !isnan(r.wait));
        CHECK(r.max_age >= 0);
        CHECK(r.format >= NDUPES_FORMAT_TEXT && r.format <= NDUPES_FORMAT_OMIT_FIRST);
        CHECK(!r.db || *r.db);
        CHECK(r.db || (!r.all && !r.max_age && r.wait == 0));
        /* The library accepts what the parser accepted. */
        ndupes_status st;
        ndupes_corpus *c = ndupes_corpus_create(&r.cfg, &st);
        CHECK(c != NULL);
        ndupes_corpus_free(c);
    }
    cli_paths_free(&r.inputs);
    free(buf);
    return 0;
}
