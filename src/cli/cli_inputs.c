/*
 * cli_inputs.c - turning command-line paths and stdin lists into the list of files.
 *
 * A run takes at most CLI_FILES_MAX files, and a list on stdin at most CLI_LIST_BYTES of
 * names, each at most CLI_NAME_MAX bytes: `yes | ndupes -` stops at the limit with a
 * message instead of growing until the machine runs out of memory.  Reading a list,
 * walking and the stats of a list's names stop as soon as the run is interrupted (a signal
 * handler sets cli_interrupted; the caller then ends the run).
 *
 * Directories are walked recursively in name order (so runs are reproducible), skipping
 * hidden entries (".git", ".cache", editor backups) and never following a symlink to a
 * directory: a symlink loop cannot trap the walk.  Symlinks to files are kept; the library
 * reads a file reached through two paths only once.  Only regular files are listed from a
 * directory; a FIFO or device named on the command line is passed on, and the library
 * refuses it without blocking.  A directory that cannot be opened is reported and counted.
 */
#define _GNU_SOURCE
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

bool cli_paths_add(cli_paths *p, const char *s, size_t len)
{
    if (p->n >= CLI_FILES_MAX) {
        p->over = true;
        return false;
    }
    if (p->n == p->cap) {
        size_t nc = p->cap ? p->cap * 2 : 256;
        char **v = realloc(p->v, nc * sizeof *v);
        if (!v)
            return false;
        p->v = v;
        p->cap = nc;
    }
    char *d = malloc(len + 1);
    if (!d)
        return false;
    memcpy(d, s, len);
    d[len] = '\0';
    p->v[p->n++] = d;
    return true;
}

void cli_paths_free(cli_paths *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->v[i]);
    free(p->v);
    p->v = NULL;
    p->n = p->cap = 0;
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a + 1, *(char *const *)b + 1);
}

/* Walks directory dir (depth limits runaway nesting). */
/* The names in a directory, sorted, hidden ones left out.  The entry type from readdir
 * saves a stat per file; the first byte of each name records it (d: directory, f: regular
 * file, ?: look with lstat).  Returns false when out of memory. */
static bool list_dir(cli_paths *p, const char *dir, DIR *d, char ***out, size_t *count)
{
    char **names = NULL;
    size_t n = 0, cap = 0;
    bool ok = true;
    struct dirent *e;
    errno = 0;
    while (!cli_interrupted && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **t = realloc(names, cap * sizeof *t);
            if (!t) {
                ok = false;
                break;
            }
            names = t;
        }
        size_t nl = strlen(e->d_name);
        char *nm = malloc(nl + 2);
        if (!nm) {
            ok = false;
            break;
        }
        nm[0] = e->d_type == DT_DIR ? 'd' : e->d_type == DT_REG ? 'f' : '?';
        memcpy(nm + 1, e->d_name, nl + 1);
        names[n++] = nm;
    }
    if (ok && errno) {
        cli_note(dir, "%s", strerror(errno));
        p->failed++;
    }
    if (n)
        qsort(names, n, sizeof *names, cmp_name);
    *out = names;
    *count = n;
    return ok;
}

static bool walk(cli_paths *p, const char *dir, unsigned depth);

/* One entry of a directory, full path FULL: a regular file is taken, a directory walked, a
 * symlink followed to a regular file only (symlinks to directories and dangling ones are
 * skipped).  TYPE is the entry's byte from list_dir. */
static bool take_entry(cli_paths *p, char *full, size_t len, char type, unsigned depth)
{
    struct stat sb;
    if (type == 'f')
        return cli_paths_add(p, full, len);
    if (type == 'd')
        return walk(p, full, depth + 1);
    if (lstat(full, &sb) != 0) {
        if (errno != ENOENT) { /* vanished since the listing: nothing to report */
            cli_note(full, "%s", strerror(errno));
            p->failed++;
        }
        return true;
    }
    if (S_ISDIR(sb.st_mode))
        return walk(p, full, depth + 1);
    if (S_ISREG(sb.st_mode))
        return cli_paths_add(p, full, len);
    struct stat tb;
    if (S_ISLNK(sb.st_mode) && stat(full, &tb) == 0 && S_ISREG(tb.st_mode))
        return cli_paths_add(p, full, len);
    return true;
}

static bool walk(cli_paths *p, const char *dir, unsigned depth)
{
    if (depth > 256) {
        cli_note(dir, "directory nesting too deep; skipped");
        p->failed++;
        return true;
    }
    DIR *d = opendir(dir);
    if (!d) {
        cli_note(dir, "%s", strerror(errno));
        p->failed++;
        return true;
    }
    char **names;
    size_t n;
    bool ok = list_dir(p, dir, d, &names, &n);
    closedir(d);
    size_t dl = strlen(dir);
    bool slash = dl > 0 && dir[dl - 1] == '/';
    for (size_t i = 0; i < n && ok && !cli_interrupted; i++) {
        const char *name = names[i] + 1;
        size_t len = dl + !slash + strlen(name);
        char *full = malloc(len + 1);
        if (!full) {
            ok = false;
            break;
        }
        snprintf(full, len + 1, "%s%s%s", dir, slash ? "" : "/", name);
        ok = take_entry(p, full, len, names[i][0], depth);
        free(full);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return ok;
}

bool cli_collect(cli_paths *p, const char *path, cli_paths *roots)
{
    struct stat sb;
    /* A path given is a root: with an index, what was stored under it and is gone is
     * forgotten (a path that does not exist any more included). */
    if (roots && !cli_paths_add(roots, path, strlen(path)))
        return false;
    if (stat(path, &sb) != 0) {
        cli_note(path, "%s", strerror(errno));
        p->failed++;
        return true;
    }
    if (S_ISDIR(sb.st_mode))
        return walk(p, path, 0);
    return cli_paths_add(p, path, strlen(path));
}

/* The stat of each name of a list, taken on worker threads: a cron run hands over every
 * file of a crawl directory, and 100,000 stats one after another are a third of a second
 * of a run that finds 1,000 new files. */
typedef struct stat_job {
    char **names;
    int *err;      /* 0, or errno of the failed stat */
    bool *dir;
} stat_job;

static void stat_one(void *ctx, size_t i)
{
    stat_job *j = ctx;
    struct stat sb;
    j->err[i] = stat(j->names[i], &sb) == 0 ? 0 : errno;
    j->dir[i] = j->err[i] == 0 && S_ISDIR(sb.st_mode);
}

/* The names of a list, in one buffer (NUL-terminated, one after another): a list of
 * 10,000,000 short names costs its bytes and an offset each, not a malloc each. */
typedef struct name_list {
    char *buf;
    size_t len, cap;
    size_t *off;
    size_t n, ncap;
} name_list;

static bool names_add(name_list *l, const char *s, size_t len)
{
    if (l->n == l->ncap) {
        size_t nc = l->ncap ? l->ncap * 2 : 1024;
        size_t *o = realloc(l->off, nc * sizeof *o);
        if (!o)
            return false;
        l->off = o;
        l->ncap = nc;
    }
    if (l->len + len + 1 > l->cap) {
        size_t nc = l->cap ? l->cap * 2 : 1 << 16;
        while (nc < l->len + len + 1)
            nc *= 2;
        char *b = realloc(l->buf, nc);
        if (!b)
            return false;
        l->buf = b;
        l->cap = nc;
    }
    l->off[l->n++] = l->len;
    memcpy(l->buf + l->len, s, len);
    l->buf[l->len + len] = '\0';
    l->len += len + 1;
    return true;
}

/* Splits the list on f into names, within the limits.  Returns false when memory ran out
 * or a limit was passed (p->over). */
static bool read_names(name_list *names, cli_paths *p, FILE *f, int sep)
{
    static char buf[1 << 16];
    char name[CLI_NAME_MAX + 1];
    size_t len = 0;
    bool toolong = false, nul = false;
    for (;;) {
        size_t got = fread(buf, 1, sizeof buf, f);
        for (size_t i = 0; i <= got; i++) {
            bool end = i < got ? buf[i] == (char)sep : got < sizeof buf && feof(f);
            if (!end) {
                if (i == got)
                    break;
                if (len < CLI_NAME_MAX)
                    name[len++] = buf[i];
                else
                    toolong = true;
                nul |= buf[i] == '\0';
                continue;
            }
            if (sep == '\n' && len && name[len - 1] == '\r')
                len--;
            if (toolong) {
                cli_note("-", "a file name in the list is longer than %d bytes; skipped",
                         CLI_NAME_MAX);
                p->failed++;
            } else if (nul) {
                cli_note("-", "a file name in the list contains a NUL byte (use -0 for "
                         "NUL-separated lists); skipped");
                p->failed++;
            } else if (len) {
                if (names->n >= CLI_FILES_MAX || names->len + len + 1 > CLI_LIST_BYTES) {
                    p->over = true; /* said by the caller */
                    return false;
                }
                if (!names_add(names, name, len))
                    return false;
            }
            len = 0;
            toolong = nul = false;
        }
        if (got == sizeof buf)
            continue;
        if (ferror(f) && errno == EINTR && !cli_interrupted) {
            clearerr(f); /* a signal that does not stop the run (SIGWINCH...) */
            continue;
        }
        break;
    }
    if (ferror(f) && !cli_interrupted) {
        cli_note("-", "reading the list of files: %s", strerror(errno));
        p->failed++;
    }
    return true;
}

bool cli_read_list(cli_paths *p, FILE *f, int sep, unsigned jobs, cli_paths *roots)
{
    name_list names = {0};
    bool ok = read_names(&names, p, f, sep);
    size_t n = names.n;
    stat_job j = {.names = calloc(n + 1, sizeof *j.names),
                  .err = calloc(n + 1, sizeof *j.err), .dir = calloc(n + 1, sizeof *j.dir)};
    if (ok && (!j.names || !j.err || !j.dir))
        ok = false;
    for (size_t i = 0; ok && i < n; i++)
        j.names[i] = names.buf + names.off[i];
    if (ok && !cli_interrupted)
        ndupes_parallel_for(n, n < 1024 ? 1 : jobs, stat_one, &j); /* few: not worth a thread */
    for (size_t i = 0; ok && i < n && !cli_interrupted; i++) {
        const char *nm = j.names[i];
        /* Folders, and names that do not exist (any more), are roots (cli_collect). */
        bool gone = j.err[i] == ENOENT || j.err[i] == ENOTDIR;
        if (roots && (j.dir[i] || gone) && !cli_paths_add(roots, nm, strlen(nm)))
            ok = false;
        else if (j.err[i]) {
            cli_note(nm, "%s", strerror(j.err[i]));
            p->failed++;
        } else if (j.dir[i]) {
            ok = walk(p, nm, 0);
        } else {
            ok = cli_paths_add(p, nm, strlen(nm));
        }
    }
    free(j.names);
    free(j.err);
    free(j.dir);
    free(names.buf);
    free(names.off);
    return ok;
}
