/*
 * cli_db.c - `ndupes db stats|prune|forget`: looking after the persistent index.
 *
 *   ndupes db stats --db FILE                   what the index holds
 *   ndupes db prune --db FILE --max-age AGE     forget articles first seen before AGE ago
 *   ndupes db forget --db FILE PATH...          forget the articles stored under PATH
 * Each is one transaction, like a run; --wait applies as for a run.  Each takes its
 * settings (the shingle size) from the index, and refuses a file that holds no index
 * rather than create one.
 */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <string.h>
#include <time.h>

static void db_usage(FILE *f)
{
    fputs("usage: ndupes db stats --db FILE [--wait SECONDS]\n"
          "       ndupes db prune --db FILE --max-age AGE [--wait SECONDS]\n"
          "       ndupes db forget --db FILE [--wait SECONDS] PATH...\n"
          "\n"
          "stats:  the number of articles and groups in the index, and its time span.\n"
          "prune:  forget the articles first seen more than AGE ago; AGE is a number and a\n"
          "        unit: s, m, h, d or w (90s, 30m, 12h, 7d, 2w).\n"
          "forget: forget the articles stored under each PATH, in any spelling (relative,\n"
          "        absolute, through a symlink: files are known by their canonical path).\n"
          "Exit status: 0 done, 1 a PATH to forget was not in the index, 2 error,\n"
          "75 the index is held by another run, 129/130/143 interrupted (rolled back).\n",
          f);
}

static void fmt_time(char *buf, size_t n, long long t)
{
    time_t tt = (time_t)t;
    struct tm tm;
    if (t <= 0 || !gmtime_r(&tt, &tm) || !strftime(buf, n, "%Y-%m-%d %H:%M:%S UTC", &tm))
        snprintf(buf, n, "-");
}

/* stats: what the index holds. */
static ndupes_status db_stats(ndupes_corpus *cp)
{
    ndupes_db_counts k;
    ndupes_status st = ndupes_corpus_db_counts(cp, &k);
    if (st == NDUPES_OK) {
        char a[64], b[64];
        fmt_time(a, sizeof a, k.oldest);
        fmt_time(b, sizeof b, k.newest);
        printf("articles     %lld\ngroups       %lld\nin groups    %lld\n"
               "first seen   %s .. %s\n",
               (long long)k.articles, (long long)k.groups, (long long)k.grouped, a, b);
    }
    return st;
}

/* prune (max_age > 0) or forget (the paths), then the commit; the count is printed once it
 * is true, after the commit.  *rc becomes EXIT_PARTIAL when a path was not in the index. */
static ndupes_status db_remove(ndupes_corpus *cp, long long max_age, char **paths, int n,
                               int *rc)
{
    ndupes_status st = NDUPES_OK;
    size_t gone = 0;
    if (max_age)
        st = ndupes_corpus_prune(cp, (int64_t)time(NULL) - max_age, &gone);
    for (int i = 0; i < n && st == NDUPES_OK; i++) {
        int found = 0;
        st = ndupes_corpus_forget(cp, paths[i], &found);
        if (st == NDUPES_OK && !found) {
            cli_warn(paths[i], "not in the index");
            *rc = EXIT_PARTIAL;
        }
        gone += found != 0;
    }
    if (st == NDUPES_OK)
        st = cli_interrupted ? NDUPES_ERR_INTERRUPTED : ndupes_corpus_commit(cp);
    if (st == NDUPES_OK)
        printf("%zu articles forgotten\n", gone);
    return st;
}

/* Opens the index (read-only for stats, never created) and does the command. */
static int db_run(const char *what, const char *db, double wait, long long max_age,
                  char **paths, int n)
{
    ndupes_status st;
    ndupes_corpus *cp = ndupes_corpus_create(NULL, &st);
    if (!cp) {
        cli_warn(NULL, "%s", ndupes_strerror(st));
        return EXIT_USAGE;
    }
    int rc = 0, stats = strcmp(what, "stats") == 0;
    if (cli_interrupted)
        ndupes_corpus_interrupt(cp);
    if (stats)
        st = ndupes_corpus_open_db_readonly(cp, db);
    else
        st = ndupes_corpus_open_db_existing(cp, db, wait, (int64_t)time(NULL));
    if (st == NDUPES_OK)
        st = stats ? db_stats(cp) : db_remove(cp, max_age, paths, n, &rc);
    if (st == NDUPES_OK && fflush(stdout) != 0) {
        cli_warn("stdout", "%s", strerror(errno));
        rc = EXIT_USAGE;
    }
    if (st != NDUPES_OK)
        rc = cli_db_error(db, cp, st);
    ndupes_corpus_free(cp);
    return rc;
}

int cli_db(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, NULL, 'd'},
        {"max-age", required_argument, NULL, 'a'},
        {"wait", required_argument, NULL, 'w'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        if (argc < 2)
            return cli_usage_error("db", "stats, prune or forget?");
        db_usage(stdout);
        return 0;
    }
    const char *what = argv[1];
    if (strcmp(what, "stats") && strcmp(what, "prune") && strcmp(what, "forget"))
        return cli_usage_error("db", "unknown db command '%s' (stats, prune, forget)", what);
    const char *db = NULL;
    long long max_age = 0;
    double wait = 0;
    int c;
    opterr = 0;
    optind = 1;
    argc--;
    argv++;
    while ((c = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
        switch (c) {
        case 'd':
            db = optarg;
            break;
        case 'a':
            if (!cli_parse_duration(optarg, &max_age))
                return cli_usage_error("db", "--max-age: '%s' is not a duration: "
                                       CLI_DURATION_HELP, optarg);
            break;
        case 'w':
            if (!cli_parse_double(optarg, 0, 86400 * 365.0, &wait))
                return cli_usage_error("db", "--wait: '%s' is not a number of seconds", optarg);
            break;
        case 'h':
            db_usage(stdout);
            return 0;
        default:
            return cli_usage_error("db", "unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    if (!db)
        return cli_usage_error("db", "--db FILE is needed");
    int prune = strcmp(what, "prune") == 0, forget = strcmp(what, "forget") == 0;
    if (prune && !max_age)
        return cli_usage_error("db", "prune needs --max-age AGE");
    if (forget && optind >= argc)
        return cli_usage_error("db", "forget needs the paths to forget");
    return db_run(what, db, wait, prune ? max_age : 0, argv + optind,
                  forget ? argc - optind : 0);
}
