/*
 * cli_dist.c - `ndupes dist`: the steps of a run over a cluster, one command each, for an
 * engine that moves their outputs between machines (contrib/dask/ndupes-dask).
 *
 *   ndupes dist list [-0] [PATH...]          the files a run would read, NUL-terminated
 *   ndupes dist info SKETCH...               what each sketch's header says, a line each
 *   ndupes dist STEP [OPTIONS] [FILE...]     one step (ndupes_step in ndupes.h)
 *
 * A step's inputs are sketch files and record streams, told apart by their first bytes
 * ('-' is a record stream on stdin).  A step that partitions its output writes the parts
 * part-00000, part-00001, ... into the folder given with -o; the others write one file
 * (-o FILE, or stdout).  `cluster` prints the groups as a run does.  docs/SKETCH.md gives
 * the formats and the order of the steps.
 */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_PARTS 1000 /* parts one step writes: one open file each */

static void dist_usage(FILE *f)
{
    fputs("usage: ndupes dist list [-0] [PATH...]\n"
          "       ndupes dist info SKETCH...  ('-': stdin)\n"
          "       ndupes dist STEP [OPTIONS] [FILE...]\n"
          "\n"
          "The steps of a run over a cluster: an engine (contrib/dask/ndupes-dask) runs\n"
          "them on its workers and moves their outputs, and the groups are those of one\n"
          "run over the same files.  docs/SKETCH.md describes the formats and the order:\n"
          "\n"
          "  list         the files a run over PATH would read, each once, NUL-terminated\n"
          "  info         a line per sketch: articles, unreadable inputs, final (0/1),\n"
          "               settings, path (tab-separated)\n"
          "  paras        sketch, --base -> parts: paragraphs and short paragraphs\n"
          "  own          paragraph records -> parts: words of paragraphs of one text only\n"
          "  votes        own and short-paragraph records -> parts: template votes\n"
          "  templates    votes -> the site templates\n"
          "  finalize     sketch, --base, every template -> the final sketch\n"
          "  exact        final sketch -> parts: kept-text and page hashes\n"
          "  exact-edges  hashes -> pairs of articles with the same text\n"
          "  classes      every exact pair, --bounds -> parts by shard: exact classes\n"
          "  keys         final sketch, its shard's classes -> parts: LSH keys\n"
          "  buckets      keys -> parts: the pairs of each key's bucket\n"
          "  candidates   bucket pairs -> the candidate pairs\n"
          "  need         pairs, edges or classes, --bounds -> parts by shard: articles\n"
          "  select       final sketch, its shard's needs -> a sketch of those articles\n"
          "               (with -p N: N needs -> N sketches, part k from the k-th FILE\n"
          "               after the sketch)\n"
          "  score        candidate pairs, sketches of their articles -> edges\n"
          "  cluster      every edge and class, sketches of their articles -> the groups\n"
          "\n"
          "Options:\n"
          "  -o, --output PATH     a file ('-' or none: stdout), or the folder of the parts\n"
          "                        of a step that writes parts (made when absent)\n"
          "  -p, --parts N         parts to write, 1..1000 (paras own votes exact keys\n"
          "                        buckets; select: part k from record stream k)\n"
          "  -b, --bounds A,B,...  the run-wide index of each shard's first article, 0 first\n"
          "                        (classes, need: a part a shard)\n"
          "      --base N          the run-wide index of the sketch's first article (paras,\n"
          "                        finalize)\n"
          "  -t, --threshold X     pair score for duplicates (score, cluster)\n"
          "  -f, --format FMT      cluster: text (default), json, tsv\n"
          "      --omit-first      cluster: only the non-representatives\n"
          "  -0, --null            list: names on stdin are NUL-separated; cluster: text\n"
          "                        output ends each path with NUL\n"
          "  -q, --quiet, -v, --verbose, -h, --help\n"
          "FILE: sketches and record streams, told apart by their first bytes; '-' reads a\n"
          "record stream from stdin.  Exit status: 0 done; 1 (list) some inputs could not\n"
          "be listed; 2 usage or fatal error (a damaged input: nothing written).\n",
          f);
}

/* ---- list and info ---- */

/* A listed file's identity, and its place in the list. */
struct ident {
    uint64_t dev, ino;
    size_t at;
};

static int cmp_ident(const void *x, const void *y)
{
    const struct ident *a = x, *b = y;
    if (a->dev != b->dev)
        return a->dev < b->dev ? -1 : 1;
    if (a->ino != b->ino)
        return a->ino < b->ino ? -1 : 1;
    return (a->at > b->at) - (a->at < b->at);
}

static int dist_list(int argc, char **argv)
{
    cli_run r = {0};
    ndupes_config_init(&r.cfg);
    int c;
    opterr = 0;
    optind = 1;
    while ((c = getopt(argc, argv, "0")) != -1) {
        if (c != '0')
            return cli_usage_error("dist", "list: unknown option '-%c'", optopt);
        r.nul = 1;
    }
    int rc = cli_gather(&r, argc, argv, optind);
    if (rc)
        return rc;
    /* Each file once, as a run reads a file given twice (the same device and inode) once:
     * sorted by identity, every name after the first of an identity is dropped. */
    struct ident *id = malloc((r.inputs.n + 1) * sizeof *id);
    bool *drop = calloc(r.inputs.n + 1, sizeof *drop);
    if (!id || !drop) {
        free(id);
        free(drop);
        cli_run_free(&r);
        cli_warn(NULL, "out of memory");
        return EXIT_USAGE;
    }
    size_t m = 0;
    for (size_t i = 0; i < r.inputs.n; i++) {
        struct stat st;
        if (stat(r.inputs.v[i], &st) == 0) /* (one that cannot be looked at: the run says) */
            id[m++] = (struct ident){(uint64_t)st.st_dev, (uint64_t)st.st_ino, i};
    }
    qsort(id, m, sizeof *id, cmp_ident);
    for (size_t k = 1; k < m; k++)
        if (id[k].dev == id[k - 1].dev && id[k].ino == id[k - 1].ino)
            drop[id[k].at] = true;
    for (size_t i = 0; i < r.inputs.n; i++)
        if (!drop[i])
            fwrite(r.inputs.v[i], 1, strlen(r.inputs.v[i]) + 1, stdout);
    free(id);
    free(drop);
    rc = fflush(stdout) == 0 ? (r.inputs.failed ? EXIT_PARTIAL : 0) : EXIT_USAGE;
    if (rc == EXIT_USAGE)
        cli_warn("stdout", "%s", strerror(errno));
    cli_run_free(&r);
    return rc;
}

static int dist_info(int argc, char **argv)
{
    if (argc < 2)
        return cli_usage_error("dist", "info: no sketch given");
    for (int i = 1; i < argc; i++) {
        bool in = strcmp(argv[i], "-") == 0;
        FILE *f = in ? stdin : fopen(argv[i], "rb");
        if (!f) {
            cli_warn(argv[i], "%s", strerror(errno));
            return EXIT_USAGE;
        }
        ndupes_sketch_info info;
        char msg[300];
        errno = 0;
        ndupes_status st = ndupes_sketch_info_read(f, &info, msg, sizeof msg);
        if (!in)
            fclose(f);
        if (st != NDUPES_OK) {
            cli_warn(argv[i], "%s", st == NDUPES_ERR_IO ? strerror(errno ? errno : EIO) : msg);
            return EXIT_USAGE;
        }
        printf("%llu\t%llu\t%d\t%s\t%s\n", (unsigned long long)info.articles,
               (unsigned long long)info.failed, info.final, info.settings, argv[i]);
    }
    return fflush(stdout) == 0 ? 0 : EXIT_USAGE;
}

/* ---- the steps ---- */

enum { W_PARTS = 1, W_BOUNDS = 2, W_BASE = 4, W_CLUSTER = 8, W_MAYPART = 16 };

static unsigned step_writes(ndupes_step s)
{
    switch (s) {
    case NDUPES_STEP_PARAS:
        return W_PARTS | W_BASE;
    case NDUPES_STEP_FINALIZE:
        return W_BASE;
    case NDUPES_STEP_OWN: case NDUPES_STEP_VOTES: case NDUPES_STEP_EXACT:
    case NDUPES_STEP_KEYS: case NDUPES_STEP_BUCKETS:
        return W_PARTS;
    case NDUPES_STEP_CLASSES: case NDUPES_STEP_NEED:
        return W_PARTS | W_BOUNDS;
    case NDUPES_STEP_CLUSTER:
        return W_CLUSTER;
    case NDUPES_STEP_SELECT:
        return W_MAYPART;
    default:
        return 0;
    }
}

/* Parses "0,120,245": ascending whole numbers, the first 0. */
static bool parse_bounds(const char *s, uint64_t **out, size_t *n)
{
    size_t cap = 1;
    for (const char *p = s; *p; p++)
        cap += *p == ',';
    uint64_t *v = malloc(cap * sizeof *v);
    char *copy = strdup(s);
    if (!v || !copy) {
        free(v);
        free(copy);
        return false;
    }
    size_t m = 0;
    bool ok = true;
    char *save = NULL;
    for (char *t = strtok_r(copy, ",", &save); t && ok; t = strtok_r(NULL, ",", &save)) {
        unsigned long long u;
        ok = cli_parse_uint(t, 0, INT32_MAX, &u) && (m ? u >= v[m - 1] : u == 0);
        v[m++] = u;
    }
    free(copy);
    if (!ok || m != cap || m > MAX_PARTS) {
        free(v);
        return false;
    }
    *out = v;
    *n = m;
    return true;
}

/* The inputs: sketches and record streams, told apart by their first bytes. */
typedef struct inputs {
    FILE **sk, **rec;
    const char **skname, **recname;
    size_t nsk, nrec;
} inputs;

static void inputs_close(inputs *in)
{
    for (size_t i = 0; i < in->nsk; i++)
        fclose(in->sk[i]);
    for (size_t i = 0; i < in->nrec; i++)
        if (in->rec[i] != stdin)
            fclose(in->rec[i]);
    free(in->sk);
    free(in->rec);
    free(in->skname);
    free(in->recname);
}

static int inputs_open(inputs *in, char **files, int n)
{
    memset(in, 0, sizeof *in);
    size_t cap = (size_t)n + 1;
    in->sk = malloc(cap * sizeof *in->sk);
    in->rec = malloc(cap * sizeof *in->rec);
    in->skname = malloc(cap * sizeof *in->skname);
    in->recname = malloc(cap * sizeof *in->recname);
    if (!in->sk || !in->rec || !in->skname || !in->recname) {
        cli_warn(NULL, "out of memory");
        return EXIT_USAGE;
    }
    int stdin_uses = 0;
    for (int i = 0; i < n; i++) {
        if (strcmp(files[i], "-") == 0) {
            if (stdin_uses++)
                return cli_usage_error("dist", "'-' (records on stdin) may be given once");
            in->recname[in->nrec] = "stdin";
            in->rec[in->nrec++] = stdin;
            continue;
        }
        FILE *f = fopen(files[i], "rb");
        if (!f) {
            cli_warn(files[i], "%s", strerror(errno));
            return EXIT_USAGE;
        }
        char magic[8];
        size_t got = fread(magic, 1, sizeof magic, f);
        if (ferror(f) || fseek(f, 0, SEEK_SET) != 0) {
            cli_warn(files[i], "%s", strerror(errno));
            fclose(f);
            return EXIT_USAGE;
        }
        if (got == 8 && memcmp(magic, "NDSKETCH", 8) == 0) {
            in->skname[in->nsk] = files[i];
            in->sk[in->nsk++] = f;
        } else {
            in->recname[in->nrec] = files[i];
            in->rec[in->nrec++] = f;
        }
    }
    return 0;
}

/* The outputs: nparts part files in dir, or one file (stdout for NULL or "-"). */
typedef struct outputs {
    FILE **parts;
    size_t nparts;
    FILE *one;
    const char *dir, *file;
} outputs;

static void part_name(char *buf, size_t len, const char *dir, size_t k)
{
    snprintf(buf, len, "%s/part-%05zu", dir, k);
}

static int outputs_open(outputs *o, const char *path, size_t nparts, bool parts)
{
    memset(o, 0, sizeof *o);
    if (!parts) {
        o->file = path && strcmp(path, "-") != 0 ? path : NULL;
        if (!o->file && isatty(STDOUT_FILENO))
            return cli_usage_error("dist", "records are binary: not written to a terminal "
                                   "(-o FILE)");
        o->one = o->file ? fopen(o->file, "wb") : stdout;
        if (!o->one) {
            cli_warn(o->file, "%s", strerror(errno));
            return EXIT_USAGE;
        }
        return 0;
    }
    if (!path || strcmp(path, "-") == 0)
        return cli_usage_error("dist", "this step writes parts: -o FOLDER");
    if (mkdir(path, 0777) != 0 && errno != EEXIST) {
        cli_warn(path, "%s", strerror(errno));
        return EXIT_USAGE;
    }
    o->dir = path;
    o->parts = calloc(nparts, sizeof *o->parts);
    if (!o->parts) {
        cli_warn(NULL, "out of memory");
        return EXIT_USAGE;
    }
    o->nparts = nparts;
    char name[PATH_MAX];
    for (size_t k = 0; k < nparts; k++) {
        part_name(name, sizeof name, path, k);
        if (!(o->parts[k] = fopen(name, "wb"))) {
            cli_warn(name, "%s", strerror(errno));
            return EXIT_USAGE;
        }
    }
    return 0;
}

/* Closes the outputs; removes them when the step failed (ok false).  False when a close
 * failed. */
static bool outputs_close(outputs *o, bool ok)
{
    char name[PATH_MAX];
    for (size_t k = 0; k < o->nparts; k++) {
        if (o->parts[k] && fclose(o->parts[k]) != 0)
            ok = false;
        part_name(name, sizeof name, o->dir, k);
        if (!ok)
            unlink(name);
    }
    free(o->parts);
    if (o->one && o->one != stdout) {
        if (fclose(o->one) != 0)
            ok = false;
        if (!ok)
            unlink(o->file);
    } else if (o->one && fflush(stdout) != 0) {
        ok = false;
    }
    return ok;
}

enum { OPT_BASE = 256, OPT_OMIT };

/* The options of a step. */
typedef struct dist_args {
    cli_run r;             /* the threshold, and the output of cluster */
    const char *out;       /* -o: a file or a folder of parts */
    uint64_t *bounds, base;
    size_t nbounds;
    unsigned long long parts;
    int omit;
} dist_args;

/* One option of a step into a.  Returns -1 to go on, or the exit status (said). */
static int dist_option(int c, dist_args *a, char **argv)
{
    unsigned long long u;
    switch (c) {
    case 'o':
        a->out = optarg;
        return -1;
    case 'p':
        if (!cli_parse_uint(optarg, 1, MAX_PARTS, &a->parts))
            return cli_usage_error("dist", "--parts: '%s' is not a whole number from 1 to %d",
                                   optarg, MAX_PARTS);
        return -1;
    case 'b':
        free(a->bounds);
        a->bounds = NULL;
        if (!parse_bounds(optarg, &a->bounds, &a->nbounds))
            return cli_usage_error("dist", "--bounds: '%s' is not a list of ascending "
                                   "article indices, the first 0 (at most %d)", optarg,
                                   MAX_PARTS);
        return -1;
    case OPT_BASE:
        if (!cli_parse_uint(optarg, 0, INT32_MAX, &u))
            return cli_usage_error("dist", "--base: '%s' is not an article index", optarg);
        a->base = u;
        return -1;
    case 't':
        if (!cli_parse_double(optarg, 1e-9, 1.0, &a->r.cfg.threshold))
            return cli_usage_error("dist", "--threshold: '%s' is not a number in (0, 1]",
                                   optarg);
        return -1;
    case 'f':
        if (!cli_parse_format(optarg, &a->r.format))
            return cli_usage_error("dist", "--format: unknown format '%s' (text, json, tsv)",
                                   optarg);
        return -1;
    case OPT_OMIT:
        a->omit = 1;
        return -1;
    case '0':
        a->r.nul = 1;
        return -1;
    case 'q':
        cli_verbose = -1;
        return -1;
    case 'v':
        cli_verbose = 1;
        return -1;
    case 'h':
        dist_usage(stdout);
        return 0;
    default:
        return cli_bad_option("dist", argv);
    }
}

/* The options that go together for the step that writes *w (updated: W_PARTS when an
 * optional split is asked for).  Returns 0, or EXIT_USAGE (said). */
static int dist_check(const char *name, unsigned *w, dist_args *a)
{
    if ((*w & W_BOUNDS) && !a->bounds)
        return cli_usage_error("dist", "%s needs --bounds", name);
    if (!(*w & W_BOUNDS) && a->bounds)
        return cli_usage_error("dist", "%s takes no --bounds", name);
    if ((*w & W_BOUNDS) && a->parts && a->parts != a->nbounds)
        return cli_usage_error("dist", "%s writes a part a shard: --parts must be %zu", name,
                               a->nbounds);
    if ((*w & W_PARTS) && !(*w & W_BOUNDS) && !a->parts)
        return cli_usage_error("dist", "%s needs --parts N", name);
    if (!(*w & (W_PARTS | W_MAYPART)) && a->parts)
        return cli_usage_error("dist", "%s writes no parts", name);
    if (a->omit && a->r.format != NDUPES_FORMAT_TEXT)
        return cli_usage_error("dist", "--omit-first and --format cannot be combined");
    if (a->omit)
        a->r.format = NDUPES_FORMAT_OMIT_FIRST;
    if (*w & W_BOUNDS)
        a->parts = a->nbounds;
    if ((*w & W_MAYPART) && a->parts)
        *w |= W_PARTS;
    return 0;
}

/* Runs the step over its inputs into its outputs (or, for cluster, prints the groups).
 * Returns the exit status. */
static int dist_run(ndupes_step step, unsigned w, dist_args *a, char **files, int nfiles)
{
    const char *name = ndupes_step_name(step);
    inputs in;
    outputs o = {0};
    int rc = inputs_open(&in, files, nfiles);
    if (!rc && !(w & W_CLUSTER))
        rc = outputs_open(&o, a->out, (size_t)a->parts, (w & W_PARTS) != 0);
    ndupes_status st;
    ndupes_corpus *corpus = NULL;
    if (!rc && (w & W_CLUSTER) && !(corpus = ndupes_corpus_create(&a->r.cfg, &st))) {
        cli_warn(NULL, "%s", ndupes_strerror(st));
        rc = EXIT_USAGE;
    }
    if (rc) {
        outputs_close(&o, false);
        inputs_close(&in);
        return rc;
    }
    ndupes_step_io io = {
        .sketches = in.sk, .sketch_names = in.skname, .nsketches = in.nsk,
        .records = in.rec, .record_names = in.recname, .nrecords = in.nrec,
        .parts = o.parts, .nparts = o.nparts, .out = o.one, .bounds = a->bounds,
        .nbounds = a->nbounds, .base = a->base, .threshold = a->r.cfg.threshold,
        .corpus = corpus,
    };
    char msg[512] = "";
    uint64_t counts[2] = {0, 0};
    io.counts = counts;
    errno = 0;
    st = ndupes_step_run(step, &io, msg, sizeof msg);
    int e = errno ? errno : EIO;
    if (!outputs_close(&o, st == NDUPES_OK) && st == NDUPES_OK) {
        st = NDUPES_ERR_IO;
        e = errno;
    }
    if (st != NDUPES_OK) {
        if (st == NDUPES_ERR_IO && !*msg)
            cli_warn(NULL, "dist %s: %s", name, strerror(e));
        else
            cli_warn(NULL, "dist %s: %s", name, *msg ? msg : ndupes_strerror(st));
        rc = EXIT_USAGE;
    } else if (corpus) {
        rc = cli_finish(&a->r, corpus);
    }
    if (st == NDUPES_OK && cli_verbose > 0)
        cli_warn(NULL, "dist %s: %llu read, %llu written; peak RSS %.1f MB", name,
                 (unsigned long long)counts[0], (unsigned long long)counts[1],
                 cli_peak_rss_mb());
    ndupes_corpus_free(corpus);
    inputs_close(&in);
    return rc;
}

int cli_dist(int argc, char **argv)
{
    static const struct option opts[] = {
        {"output", required_argument, NULL, 'o'},
        {"parts", required_argument, NULL, 'p'},
        {"bounds", required_argument, NULL, 'b'},
        {"base", required_argument, NULL, OPT_BASE},
        {"threshold", required_argument, NULL, 't'},
        {"format", required_argument, NULL, 'f'},
        {"omit-first", no_argument, NULL, OPT_OMIT},
        {"null", no_argument, NULL, '0'},
        {"quiet", no_argument, NULL, 'q'},
        {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        if (argc < 2)
            return cli_usage_error("dist", "which step?");
        dist_usage(stdout);
        return 0;
    }
    if (strcmp(argv[1], "list") == 0)
        return dist_list(argc - 1, argv + 1);
    if (strcmp(argv[1], "info") == 0)
        return dist_info(argc - 1, argv + 1);
    ndupes_step step = NDUPES_STEP_COUNT;
    for (int s = 0; s < NDUPES_STEP_COUNT; s++)
        if (strcmp(argv[1], ndupes_step_name((ndupes_step)s)) == 0)
            step = (ndupes_step)s;
    if (step == NDUPES_STEP_COUNT)
        return cli_usage_error("dist", "unknown step '%s'", argv[1]);
    dist_args a = {0};
    ndupes_config_init(&a.r.cfg);
    a.r.format = NDUPES_FORMAT_TEXT;
    int c, rc = -1, help = 0;
    argc--;
    argv++;
    opterr = 0;
    optind = 1;
    while (rc < 0 && (c = getopt_long(argc, argv, "o:p:b:t:f:0qvh", opts, NULL)) != -1) {
        rc = dist_option(c, &a, argv);
        help = c == 'h';
    }
    if (help) {
        free(a.bounds);
        return 0;
    }
    unsigned w = step_writes(step);
    if (rc < 0) /* else the help was printed, or a usage error said */
        rc = dist_check(ndupes_step_name(step), &w, &a);
    if (!rc)
        rc = dist_run(step, w, &a, argv + optind, argc - optind);
    free(a.bounds);
    return rc;
}
