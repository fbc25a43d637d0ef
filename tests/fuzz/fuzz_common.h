/*
 * fuzz_common.h - what the fuzz targets share: CHECK, which aborts (so that libFuzzer keeps
 * the input) when a promise of the API is broken, and the sanitizers' defaults.
 *
 * The targets are built with -fsanitize-recover=undefined so that a known, already
 * reported UBSan finding can be suppressed by run.sh (UBSAN_OPTIONS=suppressions=...,
 * which works only for recoverable checks) while the fuzzer looks for the next bug;
 * halt_on_error=1 below makes every other UBSan report fatal, also when a target is run
 * by hand without any UBSAN_OPTIONS.
 */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <sanitizer/common_interface_defs.h>
#include <stdio.h>
#include <stdlib.h>

/* Says why on the sanitizers' report stream (stderr itself is closed by -close_fd_mask=2,
 * but libFuzzer keeps the report stream open) and aborts, so the input is saved. */
static inline void fuzz_fail(const char *file, int line, const char *what)
{
    char msg[1024];
    snprintf(msg, sizeof msg, "%s:%d: check failed: %s", file, line, what);
    __sanitizer_report_error_summary(msg);
    abort();
}

#define CHECK(cond)                                        \
    do {                                                   \
        if (!(cond))                                       \
            fuzz_fail(__FILE__, __LINE__, #cond);          \
    } while (0)

const char *__ubsan_default_options(void);
const char *__ubsan_default_options(void)
{
    return "halt_on_error=1:print_stacktrace=1";
}

#endif
