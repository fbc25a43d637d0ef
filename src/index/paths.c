/*
 * paths.c - canonical absolute paths: a file's identity in the persistent index.
 *
 * With an index, an article is stored under the canonical absolute path of its file, so
 * that "in/a.txt", "./in/a.txt", "$PWD/in/a.txt" and a path through a symlinked folder
 * are one article, not four (and `--omit-first | xargs rm` cannot delete every copy of a
 * story because each spelling was grouped with another).  A file that exists is resolved
 * by realpath(3); one that does not (a file deleted since it was stored, a path given to
 * `db forget`) is made absolute against the current directory and cleaned lexically, its
 * longest existing folder resolved, so that it still meets the path it was stored under.
 *
 * Canonicalising 100,000 walked paths one by one would cost a realpath each (a readlink
 * per component); nd_canon_files resolves each folder once and joins the file's name,
 * which gives the same answer for everything but a symlinked file, which it resolves whole.
 */
#define _GNU_SOURCE
#include "nd_paths.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* realpath(3) into nd_malloc'd memory, or NULL (errno set). */
static char *real(const char *path)
{
    char *r = realpath(path, NULL);
    if (!r)
        return NULL;
    char *c = nd_strdup(r);
    free(r);
    if (!c)
        errno = ENOMEM;
    return c;
}

/* Joins dir and name with one slash ("/" + "a" is "/a"); nd_malloc'd. */
static char *join(const char *dir, size_t dl, const char *name, size_t nl)
{
    bool slash = dl > 0 && dir[dl - 1] == '/';
    char *p = nd_malloc(dl + !slash + nl + 1);
    if (!p)
        return NULL;
    memcpy(p, dir, dl);
    if (!slash)
        p[dl++] = '/';
    memcpy(p + dl, name, nl);
    p[dl + nl] = '\0';
    return p;
}

/* path made absolute and cleaned without looking at the disk: no ".", no "..", no empty
 * component ("/.." is "/"). */
static char *lexical(const char *path)
{
    char *abs;
    if (path[0] == '/') {
        abs = nd_strdup(path);
    } else {
        char *cwd = getcwd(NULL, 0);
        if (!cwd)
            return NULL;
        abs = join(cwd, strlen(cwd), path, strlen(path));
        free(cwd);
    }
    if (!abs)
        return NULL;
    /* Cleaned in place: the output never runs ahead of the input. */
    size_t o = 0, n = strlen(abs);
    for (size_t i = 0; i < n;) {
        while (i < n && abs[i] == '/')
            i++;
        size_t s = i;
        while (i < n && abs[i] != '/')
            i++;
        size_t len = i - s;
        if (len == 0 || (len == 1 && abs[s] == '.'))
            continue;
        if (len == 2 && abs[s] == '.' && abs[s + 1] == '.') {
            while (o > 0 && abs[o - 1] != '/')
                o--;
            if (o > 0)
                o--; /* the slash before the dropped component */
            continue;
        }
        abs[o++] = '/';
        memmove(abs + o, abs + s, len);
        o += len;
    }
    if (o == 0)
        abs[o++] = '/';
    abs[o] = '\0';
    return abs;
}

char *nd_canon_path(const char *path)
{
    if (!path || !*path)
        return NULL;
    char *r = real(path);
    if (r || errno == ENOMEM)
        return r;
    char *lex = lexical(path);
    if (!lex)
        return NULL;
    /* The longest existing folder resolved (a symlinked folder above a deleted file). */
    size_t len = strlen(lex);
    for (size_t cut = len; cut > 0; cut--) {
        if (lex[cut - 1] != '/' || cut == 1)
            continue;
        lex[cut - 1] = '\0';
        char *dir = real(lex);
        lex[cut - 1] = '/';
        if (dir) {
            char *p = join(dir, strlen(dir), lex + cut, len - cut);
            nd_free(dir);
            nd_free(lex);
            return p;
        }
        if (errno == ENOMEM)
            break;
    }
    return lex;
}

/* ---- many files at once ---- */

#define CANON_BLOCK 256 /* paths a worker canonicalises in order, with one folder cache */

typedef struct canon_job {
    const char *const *paths;
    nd_canon_file *out;
    size_t n;
} canon_job;

static void canon_one(const char *path, nd_canon_file *f, char **cdir, char **cache,
                      size_t *cachelen)
{
    struct stat sb;
    f->path = NULL;
    f->ok = false;
    if (lstat(path, &sb) != 0)
        return;
    if (S_ISLNK(sb.st_mode)) {
        if (stat(path, &sb) != 0)
            return;
        f->path = real(path);
    } else {
        const char *slash = strrchr(path, '/');
        const char *name = slash ? slash + 1 : path;
        size_t dl = slash ? (size_t)(slash - path) : 0;
        if (!slash) {
            dl = 1;
            path = ".";
        } else if (dl == 0) {
            dl = 1; /* "/name" */
        }
        /* The folder as written, and its canonical form, kept from the previous path. */
        if (!*cache || *cachelen != dl || memcmp(*cache, path, dl) != 0) {
            nd_free(*cache);
            nd_free(*cdir);
            *cdir = NULL;
            *cache = nd_malloc(dl + 1);
            if (!*cache)
                return;
            memcpy(*cache, path, dl);
            (*cache)[dl] = '\0';
            *cachelen = dl;
            *cdir = real(*cache);
        }
        if (*cdir && strcmp(name, ".") != 0 && strcmp(name, "..") != 0)
            f->path = join(*cdir, strlen(*cdir), name, strlen(name));
        else
            f->path = real(slash ? path : name);
    }
    if (!f->path)
        return;
    f->ok = true;
    f->reg = S_ISREG(sb.st_mode);
    f->size = (uint64_t)sb.st_size;
    f->mtime = (int64_t)sb.st_mtime;
    f->dev = (uint64_t)sb.st_dev;
    f->ino = (uint64_t)sb.st_ino;
}

static void canon_block(void *ctx, size_t b)
{
    canon_job *j = ctx;
    char *cdir = NULL, *cache = NULL;
    size_t cachelen = 0;
    size_t end = (b + 1) * CANON_BLOCK < j->n ? (b + 1) * CANON_BLOCK : j->n;
    for (size_t i = b * CANON_BLOCK; i < end; i++)
        canon_one(j->paths[i], &j->out[i], &cdir, &cache, &cachelen);
    nd_free(cdir);
    nd_free(cache);
}

void nd_canon_files(const nd_run *run, const char *const *paths, size_t n, unsigned jobs,
                    nd_canon_file *out)
{
    memset(out, 0, n * sizeof *out);
    canon_job j = {paths, out, n};
    nd_parallel_for_run(run, (n + CANON_BLOCK - 1) / CANON_BLOCK, jobs, canon_block, &j);
}
