/*
 * cli_util.c - the tool's diagnostics and strict parsing of numbers.
 *
 * One format for every message, as err(3) has it: "ndupes: PATH: reason".  Numbers are
 * parsed whole, with strtod/strtoull and a range; "10x", "" and "-1" for a count are
 * errors that name the option, never silently zero as atoi would make them.
 */
#include "cli.h"

#include <getopt.h>

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

int cli_verbose;
int cli_progress_shown;

void cli_warn(const char *path, const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    if (cli_progress_shown) { /* a diagnostic replaces the progress line */
        fputs("\r\033[K", stderr);
        cli_progress_shown = 0;
    }
    fputs("ndupes: ", stderr);
    if (path)
        fprintf(stderr, "%s: ", path);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fputs("ndupes: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    if (cmd)
        fprintf(stderr, "ndupes: try 'ndupes %s --help'\n", cmd);
    else
        fputs("ndupes: try 'ndupes --help'\n", stderr);
    return EXIT_USAGE;
}

int cli_bad_option(const char *cmd, char **argv)
{
    if (optopt && optopt < 256)
        return cli_usage_error(cmd, "unknown or incomplete option '-%c'", optopt);
    return cli_usage_error(cmd, "unknown or incomplete option '%s'", argv[optind - 1]);
}

void cli_log(void *ctx, ndupes_level level, const char *path, const char *msg)
{
    (void)ctx;
    if (level == NDUPES_LOG_INFO ? cli_verbose >= 1 : cli_verbose >= 0)
        cli_warn(path, "%s", msg);
}

void cli_note(const char *path, const char *fmt, ...)
{
    if (cli_verbose < 0)
        return;
    va_list ap;
    char buf[1024];
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    cli_warn(path, "%s", buf);
}

bool cli_parse_double(const char *s, double lo, double hi, double *out)
{
    if (!s || !*s || isspace((unsigned char)*s))
        return false;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || *end || !isfinite(v) || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

bool cli_parse_uint(const char *s, unsigned long long lo, unsigned long long hi,
                    unsigned long long *out)
{
    if (!s || !isdigit((unsigned char)*s))
        return false;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

/* A whole number with a one-letter unit after it (or none): the number, the multiplier of
 * its unit from units[] ("k1024" style pairs of letter and value), and checks against
 * overflow.  Used for sizes and durations. */
typedef struct unit {
    char letter;
    unsigned long long mul;
} unit;

static bool parse_with_unit(const char *s, const unit *units, size_t nunits, bool allow_b,
                            unsigned long long *out)
{
    if (!s || !isdigit((unsigned char)*s))
        return false;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10), mul = 1;
    if (errno)
        return false;
    if (*end) {
        size_t u = 0;
        while (u < nunits && units[u].letter != *end)
            u++;
        if (u == nunits)
            return false;
        mul = units[u].mul;
        end++;
        if (allow_b && (*end == 'b' || *end == 'B'))
            end++;
        if (*end)
            return false;
    }
    if (v > ~0ULL / mul)
        return false;
    *out = v * mul;
    return true;
}

bool cli_parse_size(const char *s, unsigned long long *out)
{
    static const unit units[] = {{'k', 1ULL << 10}, {'K', 1ULL << 10}, {'m', 1ULL << 20},
                                 {'M', 1ULL << 20}, {'g', 1ULL << 30}, {'G', 1ULL << 30}};
    return parse_with_unit(s, units, sizeof units / sizeof units[0], true, out);
}

bool cli_parse_duration(const char *s, long long *seconds)
{
    /* A unit is required: "--max-age 7" meant a week to one user and seven seconds to the
     * parser, which then forgot the whole index.  Lower case only: M is not minutes. */
    static const unit units[] = {{'s', 1}, {'m', 60}, {'h', 3600}, {'d', 86400},
                                 {'w', 7 * 86400}};
    unsigned long long v;
    size_t n = s ? strlen(s) : 0;
    if (n < 2 || !isdigit((unsigned char)s[n - 2]) || !strchr("smhdw", s[n - 1]) ||
        !parse_with_unit(s, units, sizeof units / sizeof units[0], false, &v) || v == 0 ||
        v > (1ULL << 40))
        return false;
    *seconds = (long long)v;
    return true;
}

bool cli_parse_format(const char *s, ndupes_format *f)
{
    static const struct {
        const char *name;
        ndupes_format format;
    } formats[] = {
        {"text", NDUPES_FORMAT_TEXT},
        {"json", NDUPES_FORMAT_JSON},
        {"tsv", NDUPES_FORMAT_TSV},
    };
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(s, formats[i].name) == 0) {
            *f = formats[i].format;
            return true;
        }
    return false;
}

int cli_apply_omit(const char *cmd, cli_run *r, int omit)
{
    if (!omit)
        return 0;
    if (r->format != NDUPES_FORMAT_TEXT)
        return cli_usage_error(cmd, "--omit-first and --format %s cannot be combined",
                               r->format == NDUPES_FORMAT_JSON ? "json" : "tsv");
    r->format = NDUPES_FORMAT_OMIT_FIRST;
    return 0;
}
