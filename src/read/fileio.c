/*
 * fileio.c - reading one input file safely.
 *
 * A crawl directory holds more than articles: FIFOs, devices, files that vanish or grow
 * while they are read.  The file is opened with O_NONBLOCK (so opening a FIFO never waits
 * for a writer) and checked with fstat on the open descriptor (so a path swapped between
 * a stat and the open cannot fool us); anything but a regular file is refused, and no
 * more than max bytes are ever read, whatever the file claims or grows to.
 */
#define _GNU_SOURCE
#include "nd_read.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

ndupes_status nd_read_file(const char *path, uint64_t max, char **buf, size_t *len,
                           int64_t *mtime, uint64_t *dev, uint64_t *ino)
{
    *buf = NULL;
    *len = 0;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return NDUPES_ERR_IO;
    struct stat sb;
    ndupes_status st = NDUPES_ERR_IO;
    char *p = NULL;
    if (fstat(fd, &sb) != 0)
        goto fail;
    if (!S_ISREG(sb.st_mode)) {
        st = NDUPES_ERR_NOTREG;
        goto fail;
    }
    if ((uint64_t)sb.st_size > max) {
        st = NDUPES_ERR_TOOBIG;
        goto fail;
    }
    *mtime = (int64_t)sb.st_mtime;
    *dev = (uint64_t)sb.st_dev;
    *ino = (uint64_t)sb.st_ino;
    size_t cap = (size_t)sb.st_size + 1, n = 0;
    p = nd_malloc(cap + 1);
    if (!p) {
        st = NDUPES_ERR_NOMEM;
        goto fail;
    }
    for (;;) {
        if (n == cap) { /* the file grew while we read it */
            if (cap >= max) {
                st = NDUPES_ERR_TOOBIG;
                goto fail;
            }
            size_t nc = cap * 2 > max ? (size_t)max + 1 : cap * 2;
            char *q = nd_realloc(p, nc + 1);
            if (!q) {
                st = NDUPES_ERR_NOMEM;
                goto fail;
            }
            p = q;
            cap = nc;
        }
        ssize_t r = read(fd, p + n, cap - n);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            goto fail;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    if (n > max) {
        st = NDUPES_ERR_TOOBIG;
        goto fail;
    }
    close(fd);
    p[n] = '\0';
    *buf = p;
    *len = n;
    return NDUPES_OK;
fail:;
    int e = errno;
    nd_free(p);
    close(fd);
    errno = e;
    return st;
}
