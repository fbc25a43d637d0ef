/*
 * cli_main.c - the ndupes command: options, inputs, the grouping run, exit status.
 *
 * `ndupes [OPTIONS] PATH...` groups near-duplicate articles and prints the groups;
 * `ndupes strip|explain|eval|db|sketch|group|dist ...` are subcommands (cli_strip.c,
 * cli_explain.c, cli_eval.c, cli_db.c, cli_sketch.c, cli_dist.c).  Results go to stdout
 * only; every diagnostic goes to stderr as "ndupes: PATH: reason".  Exit status: 0 done, 1 done but some inputs could not be read,
 * 2 usage or fatal error, 75 the database is held by another run, 128 + N interrupted by
 * signal N (SIGHUP 129, SIGINT 130, SIGTERM 143).
 *
 * With --db, a run computes its groups, commits them to the index, and only then prints them: a
 * run whose commit fails prints nothing (exit 2) and the next run reports the same groups
 * again.  SIGPIPE is ignored, so a closed stdout is a write error: a reader that went away (`|
 * head -1`) ends the run with 141 as SIGPIPE would, quietly without an index; once a run is
 * stored, a stdout that fails (a closed pipe: 141; a full disk: 2) is said on stderr, with
 * `ndupes --db FILE --all` to print every stored group.  A signal ends the run within about a
 * second in every stage, the index rolled back; once the run is committed (while printing), the
 * run is kept and the message says so.
 */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

static void usage(FILE *f)
{
    fputs("usage: ndupes [OPTIONS] [PATH...]\n"
          "       find DIR -name '*.txt' -print0 | ndupes -0 -\n"
          "       ndupes strip FILE\n"
          "       ndupes explain FILE_A FILE_B\n"
          "       ndupes eval TRUTH.tsv [OPTIONS] PATH...\n"
          "       ndupes db stats|prune|forget --db FILE ...\n"
          "       ndupes sketch -o FILE [OPTIONS] [PATH...]\n"
          "       ndupes group [OPTIONS] SKETCH...\n"
          "       ndupes dist STEP [OPTIONS] [FILE...]\n"
          "\n"
          "Finds near-duplicate news articles among plain-text files (wire copies, spun\n"
          "copies, AI rewrites that keep the quotes, excerpts) after removing each page's\n"
          "boilerplate, and prints the groups: the representative first, one path a line,\n"
          "groups separated by a blank line.  Files without a duplicate are not printed.\n"
          "PATH is a file or a directory (walked recursively; hidden entries skipped).\n"
          "With '-' or no PATH and stdin not a terminal, file names are read from stdin.\n"
          "\n"
          "The representative is the original the others derive from, judged by the text\n"
          "(a copy is either a cut of its source, nearly all found in it and clearly\n"
          "shorter, or a rewrite, sharing only part and longer), then the earliest mtime\n"
          "(and first-seen time in the index), then the most text.  A member's score is\n"
          "its best link into the group: its highest pair score with another member.\n"
          "\n"
          "Options:\n"
          "  -0, --null            file names on stdin are NUL-separated; text and\n"
          "                        --omit-first output ends each path with NUL\n"
          "  -f, --format FMT      text (default), json (JSON Lines), tsv\n"
          "      --omit-first      print only the non-representatives (for xargs rm)\n"
          "  -t, --threshold X     pair score for duplicates, 0 < X <= 1 (default 0.35)\n"
          "  -j, --jobs N          worker threads (default: all cores)\n"
          "      --max-size SIZE   skip files larger than SIZE (default 16M; k, M, G)\n"
          "      --shingle N       words per shingle, 2..8 (default 5)\n"
          "      --db FILE         keep a persistent index in FILE (SQLite): read only new or\n"
          "                        changed files, match them against everything stored, and\n"
          "                        report the groups that gained a member in this run; files\n"
          "                        are known by their canonical absolute path, and stored\n"
          "                        files under the PATHs given that are gone are forgotten\n"
          "      --all             with --db: report every stored group\n"
          "      --max-age AGE     with --db: first forget articles first seen more than AGE\n"
          "                        ago; AGE is a number and a unit: s, m, h, d or w\n"
          "                        (90s, 30m, 12h, 7d, 2w)\n"
          "      --wait SECONDS    with --db: wait this long for another run to finish\n"
          "                        (default 0), then exit 75\n"
          "      --baseline        the naive method for comparison: whole-page word\n"
          "                        5-shingle Jaccard at 0.5, no boilerplate removal\n"
          "      --exhaustive      score every pair of files instead of the candidates the\n"
          "                        index finds (quadratic: for checking it on small sets)\n"
          "  -q, --quiet           no diagnostics except fatal errors\n"
          "  -v, --verbose         also say which files were re-decoded or empty, and timings\n"
          "  -h, --help            print this help and exit\n"
          "  -V, --version         print the version and exit\n"
          "\n"
          "Output: JSON and TSV escape every control character in paths (TSV as \\t \\n \\r\n"
          "\\\\ and \\xHH, also for bytes that are not UTF-8; JSON writes such bytes as\n"
          "\\udcXX, Python's surrogateescape); text output to a terminal shows them escaped\n"
          "like TSV, and raw when piped.  With --db, paths are printed as stored (canonical,\n"
          "absolute), and groups only after the run is committed.\n"
          "\n"
          "Exit status: 0 done; 1 done, but some inputs could not be read (each named on\n"
          "stderr); 2 usage or fatal error (with --db: nothing stored, nothing printed; or\n"
          "stdout failed after the run was stored, which is said); 75 the database is held\n"
          "by another run; 129, 130, 143 interrupted by SIGHUP, SIGINT, SIGTERM (the index\n"
          "rolled back); 141 stdout closed by its reader (| head), as SIGPIPE would.\n"
          "See ndupes(1) for the output formats and examples.\n",
          f);
}

enum { OPT_OMIT = 256, OPT_MAXSIZE, OPT_SHINGLE, OPT_BASELINE, OPT_KEEPBP, OPT_DB, OPT_ALL,
       OPT_MAXAGE, OPT_WAIT, OPT_EXHAUSTIVE };

static const struct option long_opts[] = {
    {"null", no_argument, NULL, '0'},
    {"format", required_argument, NULL, 'f'},
    {"omit-first", no_argument, NULL, OPT_OMIT},
    {"threshold", required_argument, NULL, 't'},
    {"jobs", required_argument, NULL, 'j'},
    {"max-size", required_argument, NULL, OPT_MAXSIZE},
    {"shingle", required_argument, NULL, OPT_SHINGLE},
    {"baseline", no_argument, NULL, OPT_BASELINE},
    {"keep-boilerplate", no_argument, NULL, OPT_KEEPBP},
    {"exhaustive", no_argument, NULL, OPT_EXHAUSTIVE},
    {"db", required_argument, NULL, OPT_DB},
    {"all", no_argument, NULL, OPT_ALL},
    {"max-age", required_argument, NULL, OPT_MAXAGE},
    {"wait", required_argument, NULL, OPT_WAIT},
    {"quiet", no_argument, NULL, 'q'},
    {"verbose", no_argument, NULL, 'v'},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};

/* An option with a value to check (the format, numbers, sizes, durations, the index).
 * Returns 0, EXIT_USAGE (said), or -2 when c is not one of them. */
static int value_option(int c, const char *cmd, cli_run *r, int *threshold_set)
{
    unsigned long long u;
    switch (c) {
    case 'f':
        if (!cli_parse_format(optarg, &r->format))
            return cli_usage_error(cmd, "--format: unknown format '%s' (text, json, tsv)",
                                   optarg);
        return 0;
    case 't':
        if (!cli_parse_double(optarg, 1e-9, 1.0, &r->cfg.threshold))
            return cli_usage_error(cmd, "--threshold: '%s' is not a number in (0, 1]", optarg);
        *threshold_set = 1;
        return 0;
    case 'j':
        if (!cli_parse_uint(optarg, 1, 256, &u))
            return cli_usage_error(cmd, "--jobs: '%s' is not a whole number from 1 to 256",
                                   optarg);
        r->cfg.jobs = (unsigned)u;
        return 0;
    case OPT_MAXSIZE:
        if (!cli_parse_size(optarg, &u) || u == 0)
            return cli_usage_error(cmd, "--max-size: '%s' is not a size (e.g. 512k, 16M)",
                                   optarg);
        r->cfg.max_size = u;
        return 0;
    case OPT_SHINGLE:
        if (!cli_parse_uint(optarg, 2, 8, &u))
            return cli_usage_error(cmd, "--shingle: '%s' is not a whole number from 2 to 8",
                                   optarg);
        r->cfg.shingle = (unsigned)u;
        return 0;
    case OPT_DB:
        if (!*optarg)
            return cli_usage_error(cmd, "--db: empty file name");
        r->db = optarg;
        return 0;
    case OPT_MAXAGE:
        if (!cli_parse_duration(optarg, &r->max_age))
            return cli_usage_error(cmd, "--max-age: '%s' is not a duration: " CLI_DURATION_HELP,
                                   optarg);
        return 0;
    case OPT_WAIT:
        if (!cli_parse_double(optarg, 0, 86400 * 365.0, &r->wait))
            return cli_usage_error(cmd, "--wait: '%s' is not a number of seconds", optarg);
        return 0;
    default:
        return -2;
    }
}

/* The options that go together, once all are read. */
static int check_run(const char *cmd, cli_run *r, int omit, int threshold_set)
{
    if (r->cfg.baseline) {
        if (!threshold_set)
            r->cfg.threshold = 0.5;
        r->cfg.shingle = 5;
    }
    if (!r->db && (r->all || r->max_age || r->wait > 0))
        return cli_usage_error(cmd, "--all, --max-age and --wait need --db FILE");
    return cli_apply_omit(cmd, r, omit);
}

int cli_parse_run(int argc, char **argv, const char *cmd, cli_run *r, int *first)
{
    *first = argc;
    ndupes_config_init(&r->cfg);
    r->format = NDUPES_FORMAT_TEXT;
    int omit = 0, threshold_set = 0;
    int c;
    opterr = 0;
    optind = 1;
    /* Options may follow the paths (getopt permutes); "--" ends them. */
    while ((c = getopt_long(argc, argv, "0f:t:j:qvhV", long_opts, NULL)) != -1) {
        int rc = value_option(c, cmd, r, &threshold_set);
        if (rc != -2) {
            if (rc)
                return rc;
            continue;
        }
        switch (c) {
        case '0':
            r->nul = 1;
            break;
        case OPT_OMIT:
            omit = 1;
            break;
        case OPT_BASELINE:
            r->cfg.baseline = 1;
            break;
        case OPT_KEEPBP:
            r->cfg.keep_boilerplate = 1;
            break;
        case OPT_EXHAUSTIVE:
            r->cfg.exhaustive = 1;
            break;
        case OPT_ALL:
            r->all = 1;
            break;
        case 'q':
            cli_verbose = -1;
            break;
        case 'v':
            cli_verbose = 1;
            break;
        case 'h':
            if (cmd)
                return -1; /* the subcommand prints its own help */
            usage(stdout);
            return 1;
        case 'V':
            printf("ndupes %s\n", ndupes_version());
            return 1;
        default:
            return cli_bad_option(cmd, argv);
        }
    }
    int rc = check_run(cmd, r, omit, threshold_set);
    if (!rc)
        *first = optind;
    return rc;
}

void cli_run_free(cli_run *r)
{
    cli_paths_free(&r->inputs);
    cli_paths_free(&r->roots);
}

int cli_gather(cli_run *r, int argc, char **argv, int first)
{
    int stdin_list = first >= argc && !isatty(STDIN_FILENO);
    cli_paths *roots = r->db ? &r->roots : NULL;
    if (first >= argc && !stdin_list)
        return cli_usage_error(NULL, "no files given (and stdin is a terminal)");
    for (int i = first; i < argc && !cli_interrupted; i++) {
        if (strcmp(argv[i], "-") == 0) {
            stdin_list = 1;
            continue;
        }
        if (!cli_collect(&r->inputs, argv[i], roots))
            goto fail;
    }
    if (stdin_list && !cli_interrupted &&
        !cli_read_list(&r->inputs, stdin, r->nul ? '\0' : '\n', r->cfg.jobs, roots))
        goto fail;
    if (cli_interrupted)
        return cli_stopped(r->db, false);
    return 0;
fail:
    if (cli_interrupted)
        return cli_stopped(r->db, false);
    if (r->inputs.over || r->roots.over)
        cli_warn(NULL, "too many files: one run takes at most %d files, and a list on stdin "
                 "at most %d MiB of names; nothing done (split the run)", CLI_FILES_MAX,
                 CLI_LIST_BYTES >> 20);
    else
        cli_warn(NULL, "out of memory while listing files");
    return EXIT_USAGE;
}

/* The progress line: on stderr when it is a terminal, once the run has taken a moment. */
typedef struct progress {
    double start;
    int shown;
} progress;

static double mono(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void on_progress(void *ctx, size_t done, size_t total)
{
    progress *p = ctx;
    if (mono() - p->start < 1.0)
        return;
    fprintf(stderr, "\rndupes: read %zu of %zu files (%zu%%)", done, total,
            total ? done * 100 / total : 100);
    p->shown = 1;
    cli_progress_shown = 1;
}

/* Peak resident memory of this process so far, in MB (for -v and the benchmark).  Linux's
 * VmHWM first: getrusage's maximum also counts the parent's memory up to the exec (a step
 * started by a 50 MB Python worker would say 50 MB at the least). */
double cli_peak_rss_mb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[128];
    unsigned long kb = 0;
    while (f && fgets(line, sizeof line, f))
        if (sscanf(line, "VmHWM: %lu kB", &kb) == 1)
            break;
    if (f)
        fclose(f);
    if (kb)
        return (double)kb / 1024.0;
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) != 0)
        return 0;
    return (double)ru.ru_maxrss / 1024.0;
}

/* The run's library error as an exit status, after saying it. */
static int run_error(cli_run *r, ndupes_corpus *c, ndupes_status st)
{
    if (cli_interrupted || st == NDUPES_ERR_INTERRUPTED)
        return cli_stopped(r->db, false);
    if (r->db && ndupes_corpus_has_db(c) && st != NDUPES_ERR_DB_BUSY) {
        /* The index was open: the run is rolled back. */
        const char *more = ndupes_corpus_errmsg(c);
        cli_warn(r->db, "%s; the run is not stored (the index is as the last run left it)",
                 *more ? more : ndupes_strerror(st));
        return EXIT_USAGE;
    }
    if (r->db)
        return cli_db_error(r->db, c, st);
    cli_warn(NULL, "%s", ndupes_strerror(st));
    return EXIT_USAGE;
}

int cli_group(cli_run *r, ndupes_corpus **out)
{
    ndupes_status st;
    ndupes_corpus *c = ndupes_corpus_create(&r->cfg, &st);
    if (!c) {
        cli_warn(NULL, "%s", ndupes_strerror(st));
        return EXIT_USAGE;
    }
    /* A signal before the corpus existed did not reach it. */
    if (cli_interrupted)
        ndupes_corpus_interrupt(c);
    ndupes_corpus_set_log(c, cli_log, NULL);
    st = NDUPES_OK;
    if (r->db) {
        st = ndupes_corpus_open_db(c, r->db, r->wait, (int64_t)time(NULL));
        if (st == NDUPES_OK && r->max_age) {
            size_t gone = 0;
            st = ndupes_corpus_prune(c, (int64_t)time(NULL) - r->max_age, &gone);
            if (st == NDUPES_OK && cli_verbose > 0)
                cli_warn(r->db, "%zu articles older than the maximum age forgotten", gone);
        }
        ndupes_corpus_report_all(c, r->all);
    }
    progress pr = {mono(), 0};
    if (st == NDUPES_OK && cli_verbose >= 0 && isatty(STDERR_FILENO))
        ndupes_corpus_set_progress(c, on_progress, &pr);
    if (st == NDUPES_OK)
        st = ndupes_corpus_add_files(c, (const char *const *)r->inputs.v, r->inputs.n);
    if (pr.shown && cli_progress_shown)
        fputs("\r\033[K", stderr);
    cli_progress_shown = 0;
    if (st == NDUPES_OK && r->db) {
        size_t gone = 0;
        st = ndupes_corpus_forget_gone(c, (const char *const *)r->roots.v, r->roots.n, &gone);
        if (st == NDUPES_OK && gone && cli_verbose > 0)
            cli_warn(r->db, "%zu articles whose files are gone forgotten", gone);
    }
    if (st == NDUPES_OK)
        st = ndupes_corpus_group(c);
    if (st != NDUPES_OK) {
        int rc = run_error(r, c, st);
        ndupes_corpus_free(c);
        return rc;
    }
    if (cli_verbose > 0)
        cli_say_stats(c);
    *out = c;
    return 0;
}

void cli_say_stats(const ndupes_corpus *c)
{
    ndupes_stats s;
    ndupes_corpus_stats(c, &s);
    cli_warn(NULL,
             "%zu articles (%.1f MB), %zu unreadable, %zu without text; %zu paragraphs, "
             "%zu kept by the reader, %zu templates removed; %zu candidate pairs, %zu "
             "above threshold, %zu merges refused; read %.2fs, templates %.2fs, lsh "
             "%.2fs, score %.2fs, cluster %.2fs; peak RSS %.1f MB",
             s.articles, (double)s.bytes / 1e6, s.failed, s.empty, s.paragraphs, s.kept,
             s.templates, s.candidates, s.edges, s.merges_refused, s.t_read, s.t_template,
             s.t_lsh, s.t_score, s.t_cluster, cli_peak_rss_mb());
}

volatile sig_atomic_t cli_interrupted;

static void on_signal(int sig)
{
    cli_interrupted = sig;
    ndupes_interrupt();
}

void cli_signals(void)
{
    /* No SA_RESTART: a read or write blocked when the signal comes returns EINTR. */
    struct sigaction sa = {0};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
}

int cli_stopped(const char *db, bool committed)
{
    int sig = cli_interrupted ? cli_interrupted : SIGINT;
    const char *name = sig == SIGHUP ? "SIGHUP" : sig == SIGTERM ? "SIGTERM" : "SIGINT";
    if (!db)
        cli_warn(NULL, "interrupted (%s)", name);
    else if (committed)
        cli_warn(db, "interrupted (%s) while printing; the run is stored in the index "
                 "('ndupes --db %s --all' prints every group)", name, db);
    else
        cli_warn(db, "interrupted (%s); the index is unchanged", name);
    return 128 + sig;
}

int cli_db_error(const char *db, ndupes_corpus *c, ndupes_status st)
{
    const char *more = ndupes_corpus_errmsg(c);
    if (st == NDUPES_ERR_DB_BUSY) {
        cli_warn(db, "database is locked by another run; try again later or use --wait");
        return EXIT_BUSY;
    }
    if (st == NDUPES_ERR_INTERRUPTED || cli_interrupted)
        return cli_stopped(db, false);
    cli_warn(db, "%s", *more ? more : ndupes_strerror(st));
    return EXIT_USAGE;
}

/* With --db, commits; then prints the groups.  Returns the exit status. */
int cli_finish(cli_run *r, ndupes_corpus *c)
{
    ndupes_status st;
    if (r->db) {
        if (cli_interrupted)
            return cli_stopped(r->db, false);
        if ((st = ndupes_corpus_commit(c)) != NDUPES_OK) {
            /* Nothing printed: the next run reports the same groups again. */
            if (st == NDUPES_ERR_DB_BUSY || st == NDUPES_ERR_INTERRUPTED || cli_interrupted)
                return cli_db_error(r->db, c, st);
            cli_warn(r->db, "%s; the run is not stored, and its groups are not printed (the "
                     "next run reports them)", ndupes_corpus_errmsg(c));
            return EXIT_USAGE;
        }
    }
    unsigned flags = (r->nul ? NDUPES_WRITE_NUL : 0) |
                     (isatty(STDOUT_FILENO) ? NDUPES_WRITE_ESCAPE : 0);
    errno = 0;
    st = ndupes_write_groups_flags(c, stdout, r->format, flags);
    if (st == NDUPES_OK && fflush(stdout) != 0)
        st = NDUPES_ERR_IO;
    if (st == NDUPES_ERR_INTERRUPTED || (st != NDUPES_OK && cli_interrupted))
        return r->db ? cli_stopped(r->db, true) : cli_stopped(NULL, false);
    if (st != NDUPES_OK) {
        /* A reader that closed the pipe (| head) ends the run as SIGPIPE would, quietly,
         * unless the run was stored: then what it did not print is said. */
        int e = errno ? errno : EIO;
        if (r->db)
            cli_warn("stdout", "%s; the run is stored in the index, and 'ndupes --db %s "
                     "--all' prints every group", strerror(e), r->db);
        else if (e != EPIPE)
            cli_warn("stdout", "%s", strerror(e));
        return e == EPIPE ? 128 + SIGPIPE : EXIT_USAGE;
    }
    if (r->db && cli_verbose > 0) {
        ndupes_stats s;
        ndupes_corpus_stats(c, &s);
        cli_warn(r->db, "%zu files already indexed, %zu new; %zu groups reported",
                 ndupes_corpus_unchanged(c), s.articles, ndupes_corpus_ngroups(c));
    }
    return (ndupes_corpus_failed(c) || r->inputs.failed) ? EXIT_PARTIAL : 0;
}

int main(int argc, char **argv)
{
    /* strip and explain read one or two files and keep the default signals (a signal ends
     * them at once); runs, eval and db look after an index and end cleanly. */
    if (argc > 1) {
        if (strcmp(argv[1], "strip") == 0)
            return cli_strip(argc - 1, argv + 1);
        if (strcmp(argv[1], "explain") == 0)
            return cli_explain(argc - 1, argv + 1);
    }
    cli_signals();
    if (argc > 1) {
        if (strcmp(argv[1], "eval") == 0)
            return cli_eval(argc - 1, argv + 1);
        if (strcmp(argv[1], "db") == 0)
            return cli_db(argc - 1, argv + 1);
        if (strcmp(argv[1], "sketch") == 0)
            return cli_sketch(argc - 1, argv + 1);
        if (strcmp(argv[1], "group") == 0)
            return cli_group_sketches(argc - 1, argv + 1);
        if (strcmp(argv[1], "dist") == 0)
            return cli_dist(argc - 1, argv + 1);
    }
    cli_run r = {0};
    int first;
    int rc = cli_parse_run(argc, argv, NULL, &r, &first);
    if (rc)
        return rc == 1 ? 0 : rc;
    rc = cli_gather(&r, argc, argv, first);
    ndupes_corpus *c = NULL;
    if (!rc)
        rc = cli_group(&r, &c);
    if (!rc)
        rc = cli_finish(&r, c);
    ndupes_corpus_free(c);
    cli_run_free(&r);
    return rc;
}
