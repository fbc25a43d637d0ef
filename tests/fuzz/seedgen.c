/*
 * seedgen.c - writes valid fingerprint blobs (the bytes the index stores in article.fp)
 * for the fuzz_dbload seed corpus: for each FILE, OUTDIR/NAME.fp (short paragraphs merged)
 * and OUTDIR/NAME.pend.fp (short paragraphs held as pending, as a run stores them).
 *
 *   fuzz_seedgen OUTDIR FILE...
 *
 * Not a fuzzer: built with the fuzz targets and run by make_corpus.sh.
 */
#include "store.h"

#include <stdio.h>
#include <string.h>

static int write_blob(const char *dir, const char *file, const char *suffix, const nd_fp *fp)
{
    uint8_t *blob;
    size_t len;
    if (!nd_fp_encode(fp, &blob, &len))
        return -1;
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    char out[4096];
    snprintf(out, sizeof out, "%s/%s%s", dir, base, suffix);
    FILE *f = fopen(out, "wb");
    int rc = f && fwrite(blob, 1, len, f) == len ? 0 : -1;
    if (f && fclose(f) != 0)
        rc = -1;
    nd_free(blob);
    if (rc)
        fprintf(stderr, "fuzz_seedgen: %s: cannot write\n", out);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fputs("usage: fuzz_seedgen OUTDIR FILE...\n", stderr);
        return 2;
    }
    ndupes_config cfg;
    ndupes_config_init(&cfg);
    int rc = 0;
    for (int i = 2; i < argc; i++) {
        ndupes_doc *doc;
        ndupes_status st = ndupes_doc_read(argv[i], &cfg, &doc);
        if (st != NDUPES_OK) {
            fprintf(stderr, "fuzz_seedgen: %s: %s\n", argv[i], ndupes_strerror(st));
            rc = 1;
            continue;
        }
        for (int defer = 0; defer <= 1; defer++) {
            nd_fp fp;
            if (!nd_fp_build(doc, &cfg, defer, &fp)) {
                rc = 1;
                continue;
            }
            if (write_blob(argv[1], argv[i], defer ? ".pend.fp" : ".fp", &fp) != 0)
                rc = 1;
            nd_fp_free(&fp);
        }
        ndupes_doc_free(doc);
    }
    return rc;
}
