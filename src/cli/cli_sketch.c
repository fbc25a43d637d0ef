/*
 * cli_sketch.c - `ndupes sketch` and `ndupes group`: a run as a map and a reduce.
 *
 *   ndupes sketch -o FILE [OPTIONS] [PATH...]   files -> one sketch file
 *   ndupes group [OPTIONS] SKETCH...            sketch files -> the groups of one run
 *
 * A sketch holds each article's fingerprint as read, before the site templates of the
 * whole collection are learned, so `group` over the sketches of contiguous parts of a list
 * of files learns the same templates and prints the same groups as one run over the list
 * (docs/SKETCH.md).  A sketch is written whole or not at all (a temporary file beside it,
 * renamed), and read whole or not at all: `group` prints nothing unless every sketch was
 * read, and refuses sketches made with different settings before reading any of them.
 */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void sketch_usage(FILE *f)
{
    fputs("usage: ndupes sketch -o FILE [OPTIONS] [PATH...]\n"
          "       find DIR -name '*.txt' -print0 | ndupes sketch -0 -o FILE -\n"
          "\n"
          "Reads and fingerprints files as a run does (PATH as for a run: files, folders\n"
          "walked in name order, '-' or no PATH with stdin not a terminal: a list of names)\n"
          "and writes a sketch: each article's path as given, size, mtime, content hash\n"
          "and fingerprint as read, with the settings that made them (docs/SKETCH.md).\n"
          "'ndupes group' over the sketches of contiguous parts of a list of files prints\n"
          "the groups of one run over the whole list.  The sketch is written whole or not\n"
          "at all, and its bytes depend only on the files and the settings.\n"
          "\n"
          "Options:\n"
          "  -o, --output FILE     the sketch file to write ('-': stdout, not a terminal)\n"
          "  -0, --null            file names on stdin are NUL-separated\n"
          "  -j, --jobs N          worker threads (default: all cores)\n"
          "      --max-size SIZE   skip files larger than SIZE (default 16M; k, M, G)\n"
          "      --shingle N       words per shingle, 2..8 (default 5); sketches of\n"
          "                        different shingle sizes do not group together\n"
          "  -q, --quiet           no diagnostics except fatal errors\n"
          "  -v, --verbose         also say which files were re-decoded or empty\n"
          "  -h, --help            print this help and exit\n"
          "\n"
          "Exit status: 0 done; 1 done, but some inputs could not be read (each named on\n"
          "stderr, and counted in the sketch); 2 usage or fatal error (nothing written);\n"
          "129, 130, 143 interrupted (nothing written).\n",
          f);
}

static void group_usage(FILE *f)
{
    fputs("usage: ndupes group [OPTIONS] SKETCH...\n"
          "\n"
          "Reads sketch files made by 'ndupes sketch' ('-' reads one from stdin) and prints\n"
          "the groups of one run over their files in the order given: the same output,\n"
          "byte for byte, as 'ndupes' over those files in that order.  Sketches made with\n"
          "different settings (shingle size, fingerprint format, reader version) are\n"
          "refused before any is read, both named; a damaged or truncated sketch is\n"
          "refused whole, and nothing is printed.  A path already read from an earlier\n"
          "sketch is read once.\n"
          "\n"
          "Options:\n"
          "  -0, --null            text and --omit-first output ends each path with NUL\n"
          "  -f, --format FMT      text (default), json (JSON Lines), tsv\n"
          "      --omit-first      print only the non-representatives (for xargs rm)\n"
          "  -t, --threshold X     pair score for duplicates, 0 < X <= 1 (default 0.35)\n"
          "  -j, --jobs N          worker threads (default: all cores)\n"
          "  -q, --quiet           no diagnostics except fatal errors\n"
          "  -v, --verbose         also print the run's statistics and timings\n"
          "  -h, --help            print this help and exit\n"
          "\n"
          "Exit status: 0 done; 1 done, but a sketch counts inputs that could not be read\n"
          "when it was made; 2 usage or fatal error (sketches of different settings, a\n"
          "damaged sketch: nothing printed); 129, 130, 143 interrupted; 141 stdout closed.\n",
          f);
}

enum { OPT_MAXSIZE = 256, OPT_SHINGLE, OPT_OMIT };

/* Writes the sketch of c to path, through a temporary file renamed at the end. */
static int write_sketch(ndupes_corpus *c, const char *path, uint64_t failed)
{
    if (strcmp(path, "-") == 0) {
        errno = 0;
        ndupes_status st = ndupes_corpus_write_sketch(c, stdout, failed);
        if (st != NDUPES_OK) {
            cli_warn("stdout", "%s", st == NDUPES_ERR_IO ? strerror(errno ? errno : EIO)
                                                         : ndupes_strerror(st));
            return EXIT_USAGE;
        }
        return 0;
    }
    size_t len = strlen(path);
    char *tmp = malloc(len + 8);
    if (!tmp) {
        cli_warn(NULL, "out of memory");
        return EXIT_USAGE;
    }
    snprintf(tmp, len + 8, "%s.XXXXXX", path);
    int fd = mkstemp(tmp);
    FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (!f) {
        cli_warn(path, "%s", strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(tmp);
        }
        free(tmp);
        return EXIT_USAGE;
    }
    /* mkstemp makes the file private; a sketch is an ordinary output file. */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    errno = 0;
    ndupes_status st = ndupes_corpus_write_sketch(c, f, failed);
    int e = errno ? errno : EIO;
    if (fclose(f) != 0 && st == NDUPES_OK) {
        st = NDUPES_ERR_IO;
        e = errno;
    }
    if (st == NDUPES_OK && cli_interrupted)
        st = NDUPES_ERR_INTERRUPTED;
    if (st == NDUPES_OK && rename(tmp, path) != 0) {
        st = NDUPES_ERR_IO;
        e = errno;
    }
    if (st != NDUPES_OK) {
        unlink(tmp);
        free(tmp);
        if (st == NDUPES_ERR_INTERRUPTED)
            return cli_stopped(NULL, false);
        cli_warn(path, "%s", st == NDUPES_ERR_IO ? strerror(e) : ndupes_strerror(st));
        return EXIT_USAGE;
    }
    free(tmp);
    return 0;
}

/* sketch's options into r and *out; *first is the first input's argument.  Returns -1 to
 * go on, or the exit status (help printed, or a usage error said). */
static int sketch_options(int argc, char **argv, cli_run *r, const char **out, int *first)
{
    static const struct option opts[] = {
        {"output", required_argument, NULL, 'o'},
        {"null", no_argument, NULL, '0'},
        {"jobs", required_argument, NULL, 'j'},
        {"max-size", required_argument, NULL, OPT_MAXSIZE},
        {"shingle", required_argument, NULL, OPT_SHINGLE},
        {"quiet", no_argument, NULL, 'q'},
        {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:0j:qvh", opts, NULL)) != -1) {
        unsigned long long u;
        switch (c) {
        case 'o':
            if (!*optarg)
                return cli_usage_error("sketch", "--output: empty file name");
            *out = optarg;
            break;
        case '0':
            r->nul = 1;
            break;
        case 'j':
            if (!cli_parse_uint(optarg, 1, 256, &u))
                return cli_usage_error("sketch", "--jobs: '%s' is not a whole number from 1 "
                                       "to 256", optarg);
            r->cfg.jobs = (unsigned)u;
            break;
        case OPT_MAXSIZE:
            if (!cli_parse_size(optarg, &u) || u == 0)
                return cli_usage_error("sketch", "--max-size: '%s' is not a size (e.g. 512k, "
                                       "16M)", optarg);
            r->cfg.max_size = u;
            break;
        case OPT_SHINGLE:
            if (!cli_parse_uint(optarg, 2, 8, &u))
                return cli_usage_error("sketch", "--shingle: '%s' is not a whole number from 2 "
                                       "to 8", optarg);
            r->cfg.shingle = (unsigned)u;
            break;
        case 'q':
            cli_verbose = -1;
            break;
        case 'v':
            cli_verbose = 1;
            break;
        case 'h':
            sketch_usage(stdout);
            return 0;
        default:
            return cli_bad_option("sketch", argv);
        }
    }
    *first = optind;
    if (!*out)
        return cli_usage_error("sketch", "no sketch file given (-o FILE)");
    if (strcmp(*out, "-") == 0 && isatty(STDOUT_FILENO))
        return cli_usage_error("sketch", "a sketch is binary: not written to a terminal");
    return -1;
}

int cli_sketch(int argc, char **argv)
{
    cli_run r = {0};
    ndupes_config_init(&r.cfg);
    const char *out = NULL;
    int optend = 0, rc = sketch_options(argc, argv, &r, &out, &optend);
    if (rc >= 0)
        return rc;
    rc = cli_gather(&r, argc, argv, optend);
    ndupes_status st;
    ndupes_corpus *corpus = rc ? NULL : ndupes_corpus_create(&r.cfg, &st);
    if (!rc && !corpus) {
        cli_warn(NULL, "%s", ndupes_strerror(st));
        rc = EXIT_USAGE;
    }
    if (!rc) {
        if (cli_interrupted)
            ndupes_corpus_interrupt(corpus);
        ndupes_corpus_set_log(corpus, cli_log, NULL);
        st = ndupes_corpus_add_files(corpus, (const char *const *)r.inputs.v, r.inputs.n);
        if (st == NDUPES_ERR_INTERRUPTED || cli_interrupted)
            rc = cli_stopped(NULL, false);
        else if (st != NDUPES_OK) {
            cli_warn(NULL, "%s", ndupes_strerror(st));
            rc = EXIT_USAGE;
        }
    }
    uint64_t failed = corpus ? ndupes_corpus_failed(corpus) + r.inputs.failed : 0;
    if (!rc)
        rc = write_sketch(corpus, out, failed);
    if (!rc && cli_verbose > 0)
        cli_warn(out, "%zu articles sketched, %llu inputs unreadable; peak RSS %.1f MB",
                 ndupes_corpus_size(corpus), (unsigned long long)failed, cli_peak_rss_mb());
    if (!rc && failed)
        rc = EXIT_PARTIAL;
    ndupes_corpus_free(corpus);
    cli_run_free(&r);
    return rc;
}

/* Opens a sketch operand ("-": stdin). */
static FILE *open_sketch(const char *path)
{
    if (strcmp(path, "-") == 0)
        return stdin;
    FILE *f = fopen(path, "rb");
    if (!f)
        cli_warn(path, "%s", strerror(errno));
    return f;
}

static void close_sketch(FILE *f)
{
    if (f && f != stdin)
        fclose(f);
}

/* Says why a sketch was refused; returns EXIT_USAGE. */
static int refused(const char *path, ndupes_status st, const char *msg)
{
    cli_warn(path, "%s", st == NDUPES_ERR_IO ? strerror(errno ? errno : EIO)
                         : *msg ? msg : ndupes_strerror(st));
    return EXIT_USAGE;
}

/* Reads every sketch's header and refuses sketches of different settings, naming both,
 * before any is read whole.  stdin is looked at when it is read. */
static int check_settings(char **files, int n, ndupes_sketch_info *first, int *first_at)
{
    *first_at = -1;
    for (int i = 0; i < n; i++) {
        if (strcmp(files[i], "-") == 0)
            continue;
        FILE *f = open_sketch(files[i]);
        if (!f)
            return EXIT_USAGE;
        ndupes_sketch_info info;
        char msg[300];
        errno = 0;
        ndupes_status st = ndupes_sketch_info_read(f, &info, msg, sizeof msg);
        close_sketch(f);
        if (st != NDUPES_OK)
            return refused(files[i], st, msg);
        if (*first_at < 0) {
            *first = info;
            *first_at = i;
        } else if (strcmp(info.settings, first->settings) != 0) {
            cli_warn(files[i], "made with other settings (%s) than %s (%s); sketch all the "
                     "parts alike", info.settings, files[*first_at], first->settings);
            return EXIT_USAGE;
        }
    }
    return 0;
}

/* group's options into r; *first is the first sketch's argument.  Returns -1 to go on, or
 * the exit status (help printed, or a usage error said). */
static int group_options(int argc, char **argv, cli_run *r, int *first)
{
    static const struct option opts[] = {
        {"null", no_argument, NULL, '0'},
        {"format", required_argument, NULL, 'f'},
        {"omit-first", no_argument, NULL, OPT_OMIT},
        {"threshold", required_argument, NULL, 't'},
        {"jobs", required_argument, NULL, 'j'},
        {"quiet", no_argument, NULL, 'q'},
        {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int omit = 0, c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, "0f:t:j:qvh", opts, NULL)) != -1) {
        unsigned long long u;
        switch (c) {
        case '0':
            r->nul = 1;
            break;
        case 'f':
            if (!cli_parse_format(optarg, &r->format))
                return cli_usage_error("group", "--format: unknown format '%s' (text, json, "
                                       "tsv)", optarg);
            break;
        case OPT_OMIT:
            omit = 1;
            break;
        case 't':
            if (!cli_parse_double(optarg, 1e-9, 1.0, &r->cfg.threshold))
                return cli_usage_error("group", "--threshold: '%s' is not a number in (0, 1]",
                                       optarg);
            break;
        case 'j':
            if (!cli_parse_uint(optarg, 1, 256, &u))
                return cli_usage_error("group", "--jobs: '%s' is not a whole number from 1 to "
                                       "256", optarg);
            r->cfg.jobs = (unsigned)u;
            break;
        case 'q':
            cli_verbose = -1;
            break;
        case 'v':
            cli_verbose = 1;
            break;
        case 'h':
            group_usage(stdout);
            return 0;
        default:
            return cli_bad_option("group", argv);
        }
    }
    *first = optind;
    int rc = cli_apply_omit("group", r, omit);
    return rc ? rc : -1;
}

/* Reads the sketches files[0..n) into corpus, one after another; *failed counts the
 * inputs their sketching could not read.  first/first_at: the settings of the first
 * sketch read (check_settings).  Returns 0 or the exit status (said). */
static int read_sketches(ndupes_corpus *corpus, char **files, int n,
                         ndupes_sketch_info *first, int first_at, uint64_t *failed)
{
    ndupes_sketch_info info;
    for (int i = 0; i < n; i++) {
        FILE *f = open_sketch(files[i]);
        if (!f)
            return EXIT_USAGE;
        errno = 0;
        ndupes_status st = ndupes_corpus_read_sketch(corpus, f, &info);
        close_sketch(f);
        if (cli_interrupted)
            return cli_stopped(NULL, false);
        if (st == NDUPES_ERR_ARG && info.version && first_at >= 0 &&
            strcmp(info.settings, first->settings) != 0) {
            cli_warn(files[i], "made with other settings (%s) than %s (%s); sketch all the "
                     "parts alike", info.settings, files[first_at], first->settings);
            return EXIT_USAGE;
        }
        if (st != NDUPES_OK)
            return refused(files[i], st, ndupes_corpus_errmsg(corpus));
        if (first_at < 0) {
            *first = info;
            first_at = i;
        }
        if (info.failed && cli_verbose >= 0)
            cli_warn(files[i], "%llu inputs could not be read when this sketch was made",
                     (unsigned long long)info.failed);
        *failed += info.failed;
    }
    return 0;
}

int cli_group_sketches(int argc, char **argv)
{
    cli_run r = {0};
    ndupes_config_init(&r.cfg);
    r.format = NDUPES_FORMAT_TEXT;
    int optend = 0, rc = group_options(argc, argv, &r, &optend);
    if (rc >= 0)
        return rc;
    char **files = argv + optend;
    int n = argc - optend, stdin_uses = 0;
    if (n == 0)
        return cli_usage_error("group", "no sketch given");
    for (int i = 0; i < n; i++)
        stdin_uses += strcmp(files[i], "-") == 0;
    if (stdin_uses > 1)
        return cli_usage_error("group", "'-' (a sketch on stdin) may be given once");
    ndupes_sketch_info first;
    int first_at;
    if ((rc = check_settings(files, n, &first, &first_at)) != 0)
        return rc;
    ndupes_status st;
    ndupes_corpus *corpus = ndupes_corpus_create(&r.cfg, &st);
    if (!corpus) {
        cli_warn(NULL, "%s", ndupes_strerror(st));
        return EXIT_USAGE;
    }
    if (cli_interrupted)
        ndupes_corpus_interrupt(corpus);
    ndupes_corpus_set_log(corpus, cli_log, NULL);
    uint64_t failed = 0;
    rc = read_sketches(corpus, files, n, &first, first_at, &failed);
    if (!rc) {
        st = ndupes_corpus_group(corpus);
        if (st == NDUPES_ERR_INTERRUPTED || cli_interrupted)
            rc = cli_stopped(NULL, false);
        else if (st != NDUPES_OK) {
            cli_warn(NULL, "%s", ndupes_strerror(st));
            rc = EXIT_USAGE;
        }
    }
    if (!rc) {
        if (cli_verbose > 0)
            cli_say_stats(corpus);
        r.inputs.failed = (size_t)failed;
        rc = cli_finish(&r, corpus);
    }
    ndupes_corpus_free(corpus);
    return rc;
}
