/*
 * test_fileio.c - reading one input file (src/read/fileio.c: nd_read_file, and
 * ndupes_doc_read on top of it).
 *
 * A crawl folder holds more than articles: a FIFO must be refused without waiting for a
 * writer (an alarm ends the test if the open or read blocks), a folder or a device
 * refused, a file over the maximum refused, a missing file reported with errno ENOENT.  A
 * regular file is read whole, NUL-terminated, with its mtime, device and inode; an empty
 * file is 0 bytes.  A file whose size the kernel does not know (/proc) is read to its end,
 * past the size fstat gives, and never past the maximum.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nd_internal.h"

static char dir[PATH_MAX];

static const char *path_of(const char *name)
{
    static char p[4][PATH_MAX + 320];
    static int k;
    k = (k + 1) % 4;
    snprintf(p[k], sizeof p[k], "%s/%s", dir, name);
    return p[k];
}

static void write_bytes(const char *name, const char *bytes, size_t n)
{
    FILE *f = fopen(path_of(name), "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, n, f), n);
    assert_int_equal(fclose(f), 0);
}

/* nd_read_file with the outputs preset to garbage; checks that a failure leaves no
 * buffer. */
typedef struct got {
    ndupes_status st;
    int err;
    char *buf;
    size_t len;
    int64_t mtime;
    uint64_t dev, ino;
} got;

static got read_path(const char *path, uint64_t max)
{
    got g = {.buf = (char *)1, .len = 77, .mtime = -5, .dev = 5, .ino = 5};
    errno = 0;
    g.st = nd_read_file(path, max, &g.buf, &g.len, &g.mtime, &g.dev, &g.ino);
    g.err = errno;
    if (g.st != NDUPES_OK) {
        assert_null(g.buf);
        assert_int_equal(g.len, 0);
    }
    return g;
}

static void on_alarm(int sig)
{
    (void)sig;
    static const char msg[] = "test_fileio: blocked on a FIFO\n";
    ssize_t w = write(2, msg, sizeof msg - 1);
    (void)w;
    _exit(3);
}

static void fifo_is_refused_without_blocking(void **state)
{
    (void)state;
    const char *fifo = path_of("pipe");
    assert_int_equal(mkfifo(fifo, 0600), 0);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    assert_int_equal(sigaction(SIGALRM, &sa, NULL), 0);
    alarm(10);
    got g = read_path(fifo, 1 << 20);
    assert_int_equal(g.st, NDUPES_ERR_NOTREG);
    ndupes_doc *doc = (ndupes_doc *)1;
    assert_int_equal(ndupes_doc_read(fifo, NULL, &doc), NDUPES_ERR_NOTREG);
    assert_null(doc);
    /* Through a symlink too. */
    assert_int_equal(symlink(fifo, path_of("link-to-pipe")), 0);
    g = read_path(path_of("link-to-pipe"), 1 << 20);
    assert_int_equal(g.st, NDUPES_ERR_NOTREG);
    alarm(0);
    unlink(path_of("link-to-pipe"));
    unlink(fifo);
}

static void folder_and_device_are_refused(void **state)
{
    (void)state;
    got g = read_path(dir, 1 << 20);
    assert_int_equal(g.st, NDUPES_ERR_NOTREG);
    g = read_path("/dev/null", 1 << 20);
    assert_int_equal(g.st, NDUPES_ERR_NOTREG);
    ndupes_doc *doc = NULL;
    assert_int_equal(ndupes_doc_read("/dev/null", NULL, &doc), NDUPES_ERR_NOTREG);
    assert_null(doc);
    assert_int_equal(ndupes_doc_read(dir, NULL, &doc), NDUPES_ERR_NOTREG);
    assert_null(doc);
}

static void file_over_the_maximum_is_refused(void **state)
{
    (void)state;
    char bytes[100];
    memset(bytes, 'a', sizeof bytes);
    write_bytes("hundred.txt", bytes, sizeof bytes);
    got g = read_path(path_of("hundred.txt"), 99);
    assert_int_equal(g.st, NDUPES_ERR_TOOBIG);
    g = read_path(path_of("hundred.txt"), 0);
    assert_int_equal(g.st, NDUPES_ERR_TOOBIG);
    /* At the maximum: read. */
    g = read_path(path_of("hundred.txt"), 100);
    assert_int_equal(g.st, NDUPES_OK);
    assert_int_equal(g.len, 100);
    nd_free(g.buf);
    /* Through ndupes_doc_read and cfg.max_size. */
    ndupes_config cfg;
    ndupes_config_init(&cfg);
    cfg.max_size = 99;
    ndupes_doc *doc = NULL;
    assert_int_equal(ndupes_doc_read(path_of("hundred.txt"), &cfg, &doc), NDUPES_ERR_TOOBIG);
    assert_null(doc);
    cfg.max_size = 100;
    assert_int_equal(ndupes_doc_read(path_of("hundred.txt"), &cfg, &doc), NDUPES_OK);
    assert_int_equal(ndupes_doc_count(doc), 1);
    ndupes_doc_free(doc);
    unlink(path_of("hundred.txt"));
}

static void missing_file_is_an_io_error_with_enoent(void **state)
{
    (void)state;
    got g = read_path(path_of("no-such-file.txt"), 1 << 20);
    assert_int_equal(g.st, NDUPES_ERR_IO);
    assert_int_equal(g.err, ENOENT);
    ndupes_doc *doc = (ndupes_doc *)1;
    errno = 0;
    assert_int_equal(ndupes_doc_read(path_of("no-such-file.txt"), NULL, &doc), NDUPES_ERR_IO);
    assert_int_equal(errno, ENOENT);
    assert_null(doc);
    /* A path through a file: ENOTDIR. */
    write_bytes("plain.txt", "x", 1);
    char through[PATH_MAX + 400];
    snprintf(through, sizeof through, "%s/inside", path_of("plain.txt"));
    g = read_path(through, 1 << 20);
    assert_int_equal(g.st, NDUPES_ERR_IO);
    assert_int_equal(g.err, ENOTDIR);
    unlink(path_of("plain.txt"));
    /* Arguments. */
    assert_int_equal(ndupes_doc_read(NULL, NULL, &doc), NDUPES_ERR_ARG);
    assert_int_equal(ndupes_doc_read(path_of("x"), NULL, NULL), NDUPES_ERR_ARG);
}

/* A read that fails after the open (/proc/self/mem: a regular file whose first page is
 * not mapped, EIO): NDUPES_ERR_IO with the read's errno, nothing left allocated. */
static void failed_read_is_an_io_error_with_its_errno(void **state)
{
    (void)state;
    const char *p = "/proc/self/mem";
    struct stat sb;
    if (stat(p, &sb) != 0 || !S_ISREG(sb.st_mode))
        skip();
    got g = read_path(p, 1 << 20);
    assert_int_equal(g.st, NDUPES_ERR_IO);
    assert_int_equal(g.err, EIO);
    ndupes_doc *doc = (ndupes_doc *)1;
    errno = 0;
    assert_int_equal(ndupes_doc_read(p, NULL, &doc), NDUPES_ERR_IO);
    assert_int_equal(errno, EIO);
    assert_null(doc);
}

static void unreadable_file_is_an_io_error_with_eacces(void **state)
{
    (void)state;
    if (geteuid() == 0)
        skip(); /* root reads it anyway */
    write_bytes("secret.txt", "hidden text", 11);
    assert_int_equal(chmod(path_of("secret.txt"), 0), 0);
    got g = read_path(path_of("secret.txt"), 1 << 20);
    assert_int_equal(g.st, NDUPES_ERR_IO);
    assert_int_equal(g.err, EACCES);
    unlink(path_of("secret.txt"));
}

static void regular_file_is_read_whole_with_its_identity(void **state)
{
    (void)state;
    /* Bytes of every value, NULs included: read as they are. */
    char bytes[600];
    for (size_t i = 0; i < sizeof bytes; i++)
        bytes[i] = (char)(i * 7 + 3);
    write_bytes("bytes.bin", bytes, sizeof bytes);
    struct timespec ts[2] = {{1111111111, 0}, {1234567890, 0}}; /* atime, mtime */
    assert_int_equal(utimensat(AT_FDCWD, path_of("bytes.bin"), ts, 0), 0);
    struct stat sb;
    assert_int_equal(stat(path_of("bytes.bin"), &sb), 0);
    /* A freed block of the size the reader asks for, dirtied: the allocator hands it out
     * again, so the terminating NUL must be written, not found. */
    char *dirty = malloc(sizeof bytes + 2);
    assert_non_null(dirty);
    memset(dirty, 0xAB, sizeof bytes + 2);
    void (*volatile release)(void *) = free; /* (the compiler may not drop the memset) */
    release(dirty);
    got g = read_path(path_of("bytes.bin"), 1 << 20);
    assert_int_equal(g.st, NDUPES_OK);
    assert_int_equal(g.len, sizeof bytes);
    assert_memory_equal(g.buf, bytes, sizeof bytes);
    assert_int_equal(g.buf[g.len], '\0');
    assert_int_equal(g.mtime, 1234567890);
    assert_int_equal(g.dev, (uint64_t)sb.st_dev);
    assert_int_equal(g.ino, (uint64_t)sb.st_ino);
    nd_free(g.buf);
    /* A hard link: the same file (device and inode); another file: another inode. */
    assert_int_equal(link(path_of("bytes.bin"), path_of("hard.bin")), 0);
    got h = read_path(path_of("hard.bin"), 1 << 20);
    assert_int_equal(h.st, NDUPES_OK);
    assert_int_equal(h.dev, g.dev);
    assert_int_equal(h.ino, g.ino);
    nd_free(h.buf);
    write_bytes("other.bin", bytes, sizeof bytes);
    h = read_path(path_of("other.bin"), 1 << 20);
    assert_int_equal(h.st, NDUPES_OK);
    assert_int_not_equal(h.ino, g.ino);
    nd_free(h.buf);
    unlink(path_of("hard.bin"));
    unlink(path_of("other.bin"));
    unlink(path_of("bytes.bin"));
}

static void empty_file_reads_as_zero_bytes(void **state)
{
    (void)state;
    write_bytes("empty.txt", "", 0);
    got g = read_path(path_of("empty.txt"), 1 << 20);
    assert_int_equal(g.st, NDUPES_OK);
    assert_int_equal(g.len, 0);
    assert_non_null(g.buf);
    assert_int_equal(g.buf[0], '\0');
    nd_free(g.buf);
    /* Even with a maximum of 0. */
    g = read_path(path_of("empty.txt"), 0);
    assert_int_equal(g.st, NDUPES_OK);
    assert_int_equal(g.len, 0);
    nd_free(g.buf);
    ndupes_doc *doc = NULL;
    assert_int_equal(ndupes_doc_read(path_of("empty.txt"), NULL, &doc), NDUPES_OK);
    assert_non_null(doc);
    assert_int_equal(ndupes_doc_count(doc), 0);
    ndupes_doc_free(doc);
    unlink(path_of("empty.txt"));
}

/* /proc files say they are empty (st_size 0) and are not: the reader grows its buffer. */
static void file_larger_than_its_size_is_read_to_the_end_within_the_maximum(void **state)
{
    (void)state;
    const char *p = "/proc/self/status";
    struct stat sb;
    if (stat(p, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size != 0)
        skip();
    got g = read_path(p, 1 << 20);
    assert_int_equal(g.st, NDUPES_OK);
    assert_true(g.len > 100);
    assert_int_equal(strlen(g.buf), g.len);
    assert_memory_equal(g.buf, "Name:", 5);
    assert_int_equal(g.buf[g.len - 1], '\n');
    size_t whole = g.len;
    nd_free(g.buf);
    /* A maximum below its length: refused, whatever fstat said. */
    g = read_path(p, 64);
    assert_int_equal(g.st, NDUPES_ERR_TOOBIG);
    g = read_path(p, whole / 2);
    assert_int_equal(g.st, NDUPES_ERR_TOOBIG);
}

/* /proc/self/cmdline: also said to be empty, and of a length known here (argv[0] and its
 * NUL): read at a maximum of exactly its length, refused one byte below. */
static const char *argv0;

static void growing_file_at_exactly_the_maximum_is_read(void **state)
{
    (void)state;
    const char *p = "/proc/self/cmdline";
    struct stat sb;
    if (stat(p, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size != 0)
        skip();
    size_t len = strlen(argv0) + 1;
    got g = read_path(p, len);
    assert_int_equal(g.st, NDUPES_OK);
    assert_int_equal(g.len, len);
    assert_memory_equal(g.buf, argv0, len);
    nd_free(g.buf);
    g = read_path(p, len - 1);
    assert_int_equal(g.st, NDUPES_ERR_TOOBIG);
    g = read_path(p, len + 1);
    assert_int_equal(g.st, NDUPES_OK);
    assert_int_equal(g.len, len);
    nd_free(g.buf);
}

static int setup(void **state)
{
    (void)state;
    const char *t = getenv("TMPDIR");
    char tmpl[PATH_MAX];
    snprintf(tmpl, sizeof tmpl, "%s/ndupes-fileio.XXXXXX", t && *t ? t : "/tmp");
    return mkdtemp(tmpl) && realpath(tmpl, dir) ? 0 : -1;
}

/* Removes the folder, with what a failed test may have left in it. */
static int teardown(void **state)
{
    (void)state;
    alarm(0);
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    struct dirent *e;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            remove(path_of(e->d_name));
    closedir(d);
    return rmdir(dir);
}

int main(int argc, char **argv)
{
    (void)argc;
    argv0 = argv[0];
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fifo_is_refused_without_blocking),
        cmocka_unit_test(folder_and_device_are_refused),
        cmocka_unit_test(file_over_the_maximum_is_refused),
        cmocka_unit_test(missing_file_is_an_io_error_with_enoent),
        cmocka_unit_test(failed_read_is_an_io_error_with_its_errno),
        cmocka_unit_test(unreadable_file_is_an_io_error_with_eacces),
        cmocka_unit_test(regular_file_is_read_whole_with_its_identity),
        cmocka_unit_test(empty_file_reads_as_zero_bytes),
        cmocka_unit_test(file_larger_than_its_size_is_read_to_the_end_within_the_maximum),
        cmocka_unit_test(growing_file_at_exactly_the_maximum_is_read),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
