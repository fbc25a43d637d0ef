/*
 * fuzz_filelist.c - libFuzzer target for the stdin file-list parser (src/cli/cli_inputs.c):
 * the input is read by cli_read_list through fmemopen, once with '\n' and once with '\0'
 * as the separator, and each name is handed to cli_collect (stat, and a walk when it is a
 * directory).
 *
 * Each input is read in a small sandbox made at start-up (a temporary directory holding a
 * file, a directory, a symlink loop, a dangling link and a FIFO), the working directory
 * while the input runs, so relative names reach real entries of every kind.  opendir is
 * wrapped (-Wl,--wrap=opendir): a directory outside the sandbox is refused with EACCES, so
 * that a fuzzed "/" or "../.." never walks the machine (and the refusal exercises the
 * "cannot be listed" path).  Checks: every listed path is a non-empty string without NUL,
 * and a name given with '\n' separators never keeps its '\n'.
 */
#define _GNU_SOURCE
#include "cli.h"
#include "fuzz_common.h"

#include <dirent.h>
#include <ftw.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>


static char sandbox[PATH_MAX];
static size_t sandbox_len;
static int sandbox_fd = -1, home_fd = -1; /* the sandbox, and the directory we started in */
static int confined; /* set while an input runs: libFuzzer's own opendir calls are free */

DIR *__real_opendir(const char *name);

DIR *__wrap_opendir(const char *name)
{
    char real[PATH_MAX];
    if (!confined)
        return __real_opendir(name);
    if (!realpath(name, real))
        return NULL; /* errno set by realpath */
    if (strncmp(real, sandbox, sandbox_len) != 0 ||
        (real[sandbox_len] != '\0' && real[sandbox_len] != '/')) {
        errno = EACCES;
        return NULL;
    }
    return __real_opendir(name);
}

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path) == 0 || errno == ENOENT ? 0 : -1;
}

/* Removes the sandbox at a normal exit (after a crash it stays, with the crash). */
static void remove_sandbox(void)
{
    if (sandbox[0])
        nftw(sandbox, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static void make(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *tmp = getenv("TMPDIR");
    char tmpl[PATH_MAX];
    snprintf(tmpl, sizeof tmpl, "%s/fuzz_filelist.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    home_fd = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (home_fd < 0 || !mkdtemp(tmpl) || !realpath(tmpl, sandbox) || chdir(sandbox) != 0 ||
        (sandbox_fd = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
        perror("fuzz_filelist: sandbox");
        exit(1);
    }
    sandbox_len = strlen(sandbox);
    atexit(remove_sandbox);
    make("a.txt", "An article.\n");
    mkdir("d", 0755);
    make("d/b.txt", "Another article.\n");
    make("d/.hidden.txt", "hidden\n");
    mkdir("d/e", 0755);
    make("d/e/c.txt", "A third.\n");
    if (symlink(".", "d/loop") || symlink("../a.txt", "d/link.txt") ||
        symlink("nowhere", "d/dangling") || symlink("d/x", "d/y") || symlink("d/y", "d/x"))
        perror("fuzz_filelist: symlink");
    mkfifo("d/fifo", 0644);
    mkdir("locked", 0);
    /* Back home: libFuzzer opens the corpus directories, given relative to it, after this.
     */
    if (fchdir(home_fd) != 0) {
        perror("fuzz_filelist: fchdir");
        exit(1);
    }
    return 0;
}

static void one(const uint8_t *data, size_t size, int sep)
{
    FILE *f = fmemopen((void *)data, size, "r");
    if (!f)
        return; /* fmemopen of 0 bytes fails on older glibc */
    cli_paths p = {0};
    bool ok = cli_read_list(&p, f, sep, 1, NULL);
    CHECK(ok);
    fclose(f);
    for (size_t i = 0; i < p.n; i++) {
        CHECK(p.v[i] != NULL && p.v[i][0] != '\0');
        if (sep == '\n')
            CHECK(strchr(p.v[i], '\n') == NULL);
    }
    cli_paths_free(&p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0 || size > 1 << 16)
        return 0;
    cli_verbose = 0;
    CHECK(fchdir(sandbox_fd) == 0);
    confined = 1;
    one(data, size, '\n');
    one(data, size, '\0');
    confined = 0;
    CHECK(fchdir(home_fd) == 0);
    return 0;
}
