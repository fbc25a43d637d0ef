/*
 * cli_util.c - the tool's diagnostics and strict parsing of numbers.
 *
 * One format for every message, as err(3) has it: "ndupes: PATH: reason".  Numbers are
 * parsed whole, with strtod/strtoull and a range; "10x", "" and "-1" for a count are
 * errors that name the option, never silently zero as atoi would make them.
 */
#include "cli.h"

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

void cli_log(void *ctx, ndupes_level level, const char *path, const char *msg)
{
    (void)ctx;
    if (level == NDUPES_LOG_ERROR ? cli_verbose >= 0 : cli_verbose >= 1)
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

bool cli_parse_size(const char *s, unsigned long long *out)
{
    if (!s || !isdigit((unsigned char)*s))
        return false;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno)
        return false;
    unsigned shift = 0;
    if (*end) {
        switch (tolower((unsigned char)*end)) {
        case 'k': shift = 10; break;
        case 'm': shift = 20; break;
        case 'g': shift = 30; break;
        default: return false;
        }
        end++;
        if (*end == 'b' || *end == 'B')
            end++;
        if (*end)
            return false;
    }
    if (v > (~0ULL >> shift))
        return false;
    *out = v << shift;
    return true;
}

bool cli_parse_duration(const char *s, long long *seconds)
{
    if (!s || !isdigit((unsigned char)*s))
        return false;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno)
        return false;
    unsigned long long mul = 1;
    if (*end) {
        switch (*end) {
        case 's': mul = 1; break;
        case 'm': mul = 60; break;
        case 'h': mul = 3600; break;
        case 'd': mul = 86400; break;
        case 'w': mul = 7 * 86400; break;
        default: return false;
        }
        if (end[1])
            return false;
    }
    if (v == 0 || v > (unsigned long long)(1LL << 40) / mul)
        return false;
    *seconds = (long long)(v * mul);
    return true;
}
