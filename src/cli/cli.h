/*
 * cli.h - what the files of the ndupes tool share.  The tool uses only the library's
 * public API (ndupes.h); these are its own helpers (tool_ in curl, cli_ here).
 */
#ifndef NDUPES_CLI_H
#define NDUPES_CLI_H

#include "ndupes.h"

#include <stdbool.h>
#include <stddef.h>
#include <signal.h>
#include <stdio.h>

#define EXIT_PARTIAL 1 /* done, but some inputs could not be read */
#define EXIT_USAGE 2   /* usage or fatal error */
#define EXIT_BUSY 75   /* the database is held by another run (EX_TEMPFAIL) */
/* 128 + the signal: interrupted by SIGHUP (129), SIGINT (130) or SIGTERM (143). */

#define CLI_FILES_MAX 10000000 /* files one run takes (listed, walked) */
#define CLI_LIST_BYTES (1 << 30) /* bytes of names one list on stdin may hold */
#define CLI_NAME_MAX 4096        /* bytes of one name in a list */

extern int cli_verbose; /* -1 quiet, 0 normal, 1 verbose */
extern int cli_progress_shown; /* a progress line is on stderr (a terminal) */
extern volatile sig_atomic_t cli_interrupted; /* the signal that interrupted the run, or 0 */
/* Catches SIGINT, SIGTERM and SIGHUP (the run ends with 128 + the signal, its index rolled
 * back), and ignores SIGPIPE (a closed stdout is a write error, reported). */
void cli_signals(void);
/* Says that the run was interrupted (and what became of the index, when there is one:
 * "unchanged", or "stored" once committed); returns 128 + the signal. */
int cli_stopped(const char *db, bool committed);

/* Diagnostics: "ndupes: PATH: message" (path may be NULL) on stderr. */
void cli_warn(const char *path, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A per-file diagnostic (an input skipped): as cli_warn, but silenced by -q. */
void cli_note(const char *path, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A usage error: the message, then "ndupes: try 'ndupes --help'"; returns EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* getopt_long's '?' for cmd: names the unknown or incomplete option; returns EXIT_USAGE. */
int cli_bad_option(const char *cmd, char **argv);
/* The library's log callback: errors and warnings always, INFO only with -v, nothing
 * with -q. */
void cli_log(void *ctx, ndupes_level level, const char *path, const char *msg);

/* Strict number parsing: the whole string, within [lo, hi]; false otherwise. */
bool cli_parse_double(const char *s, double lo, double hi, double *out);
bool cli_parse_uint(const char *s, unsigned long long lo, unsigned long long hi,
                    unsigned long long *out);
/* A duration: a whole number and a unit, s, m, h, d or w (90s, 30m, 12h, 7d, 2w); a bare
 * number, another unit or 0 is refused. */
#define CLI_DURATION_HELP "a number and a unit, s, m, h, d or w (90s, 30m, 12h, 7d, 2w)"
bool cli_parse_duration(const char *s, long long *seconds);
/* A size such as 16M, 512k, 1G or a plain byte count. */
bool cli_parse_size(const char *s, unsigned long long *out);

/* A growable list of paths. */
typedef struct cli_paths {
    char **v;
    size_t n, cap;
    size_t failed; /* inputs that could not be listed (reported already) */
    bool over;     /* more than CLI_FILES_MAX (or a list over CLI_LIST_BYTES) */
} cli_paths;
/* Adds a copy of s; false when memory ran out or the list is full (p->over). */
bool cli_paths_add(cli_paths *p, const char *s, size_t len);
void cli_paths_free(cli_paths *p);
/* Adds a file, or a directory's regular files (recursively, hidden entries and symlinked
 * directories skipped, sorted by name).  Problems are reported and counted.  path is added
 * to roots (may be NULL).  False when memory ran out or p is full; stops early, with
 * true, when the run is interrupted. */
bool cli_collect(cli_paths *p, const char *path, cli_paths *roots);
/* Reads path names from f, one a line (sep '\n') or NUL-terminated (sep '\0'), and
 * collects each like cli_collect (their stats on jobs threads; 0: all cores); folders and
 * names that do not exist go to roots (may be NULL).  False when memory ran out or a limit
 * was passed (p->over). */
bool cli_read_list(cli_paths *p, FILE *f, int sep, unsigned jobs, cli_paths *roots);

/* Subcommands: argc/argv start at the subcommand's name. */
int cli_strip(int argc, char **argv);
int cli_explain(int argc, char **argv);
int cli_eval(int argc, char **argv);

/* The grouping run shared by the default command and eval. */
typedef struct cli_run {
    ndupes_config cfg;
    ndupes_format format;
    int nul;
    cli_paths inputs;
    cli_paths roots;    /* with --db: the paths given, folders and missing names of a list */
    const char *db;     /* --db FILE, or NULL */
    double wait;        /* --wait SECONDS */
    long long max_age;  /* --max-age, seconds; 0 = keep everything */
    int all;            /* --all */
} cli_run;

/* --format: text, json or tsv into *f; false for another name. */
bool cli_parse_format(const char *s, ndupes_format *f);
/* --omit-first (when omit) with the --format given: 0 with r->format set, or EXIT_USAGE
 * (said) when a format was asked for too. */
int cli_apply_omit(const char *cmd, cli_run *r, int omit);

/* Exit status for a library error from the index (75 when busy, else 2), after saying it. */
int cli_db_error(const char *db, ndupes_corpus *c, ndupes_status st);
int cli_db(int argc, char **argv);

/* Parses the run's options (cmd: the subcommand's name for messages, or NULL).  Returns
 * 0 with *first the index of the first operand; 1 when --help/--version was handled;
 * -1 for --help of a subcommand (the caller prints its help); EXIT_USAGE on misuse. */
int cli_parse_run(int argc, char **argv, const char *cmd, cli_run *r, int *first);
/* Lists the files of argv[first..] (and stdin); returns 0 or an exit status. */
int cli_gather(cli_run *r, int argc, char **argv, int first);
/* Reads and groups r->inputs; returns 0 with the corpus in *out, or an exit status. */
int cli_group(cli_run *r, ndupes_corpus **out);
/* Frees what cli_parse_run and cli_gather allocated. */
void cli_run_free(cli_run *r);
/* With --db, commits; then prints the groups of c in r's format.  Returns the exit status:
 * 1 when ndupes_corpus_failed(c) or r->inputs.failed. */
int cli_finish(cli_run *r, ndupes_corpus *c);
/* Peak resident memory of this process so far, in MB. */
double cli_peak_rss_mb(void);
/* The -v line: articles, templates, pairs, the time of each stage, peak RSS. */
void cli_say_stats(const ndupes_corpus *c);

/* cli_sketch.c: `ndupes sketch` (files -> a sketch file) and `ndupes group` (sketch files
 * -> the groups of one run); cli_dist.c: `ndupes dist STEP`, the steps of a run over a
 * cluster (contrib/dask/ndupes-dask). */
int cli_sketch(int argc, char **argv);
int cli_group_sketches(int argc, char **argv);
int cli_dist(int argc, char **argv);

#endif
