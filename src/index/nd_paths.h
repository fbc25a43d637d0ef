/*
 * nd_paths.h - a file's identity: its canonical path (src/index/paths.c).
 * Library-internal (nd_ prefix); the tool includes only ndupes.h.
 */
#ifndef ND_PATHS_H
#define ND_PATHS_H

#include "nd_common.h"

/* ---- paths.c: a file's identity in the index ---- */
/* The canonical absolute path of path (nd_malloc'd): realpath(3) when it exists, else made
 * absolute and cleaned lexically with its longest existing folder resolved.  NULL when
 * memory ran out or path is empty. */
char *nd_canon_path(const char *path);
/* One input file, canonicalised: path (nd_malloc'd, NULL when ok is false) and its stat. */
typedef struct nd_canon_file {
    char *path;
    bool ok;  /* the file could be looked at (stat) */
    bool reg; /* a regular file */
    uint64_t size, dev, ino;
    int64_t mtime;
} nd_canon_file;
/* Canonicalises paths[0..n) into out[0..n) on `jobs` threads (each folder resolved once);
 * out is all zero from where it stopped when run was stopped. */
void nd_canon_files(const nd_run *run, const char *const *paths, size_t n, unsigned jobs,
                    nd_canon_file *out);

#endif /* ND_PATHS_H */
