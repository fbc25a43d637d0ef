/*
 * status.c - the library's version, its status codes in words, and the defaults of its
 * configuration.
 */
#include "nd_common.h"

const char *ndupes_version(void)
{
    return NDUPES_VERSION_STRING;
}

const char *ndupes_strerror(ndupes_status st)
{
    static const char *const msg[NDUPES_STATUS_COUNT] = {
        [NDUPES_OK] = "success",
        [NDUPES_ERR_NOMEM] = "out of memory",
        [NDUPES_ERR_ARG] = "invalid argument",
        [NDUPES_ERR_IO] = "input/output error",
        [NDUPES_ERR_NOTREG] = "not a regular file",
        [NDUPES_ERR_TOOBIG] = "file too large",
        [NDUPES_ERR_BINARY] = "binary data, not text",
        [NDUPES_ERR_PARSE] = "malformed input",
        [NDUPES_ERR_DB] = "database error",
        [NDUPES_ERR_DB_BUSY] = "database is locked by another run",
        [NDUPES_ERR_DB_SCHEMA] = "not an ndupes database, a damaged one, or from a newer version",
        [NDUPES_ERR_INTERRUPTED] = "interrupted",
    };
    if ((unsigned)st >= NDUPES_STATUS_COUNT)
        return "unknown status";
    return msg[st];
}

void ndupes_config_init(ndupes_config *cfg)
{
    cfg->threshold = NDUPES_DEFAULT_THRESHOLD;
    cfg->shingle = NDUPES_DEFAULT_SHINGLE;
    cfg->jobs = 0;
    cfg->max_size = NDUPES_DEFAULT_MAX_SIZE;
    cfg->baseline = 0;
    cfg->keep_boilerplate = 0;
    cfg->template_min_files = 3;
    cfg->exhaustive = 0;
}
