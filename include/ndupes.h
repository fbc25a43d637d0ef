/*
 * ndupes.h - the public API of libndupes, a near-duplicate finder for news articles.
 *
 * The library turns plain-text article pages into groups of near-duplicates:
 *
 *   reader -> fingerprinter -> candidate index -> scorer -> clusterer -> writer
 *
 * A page is decoded (UTF-8, or Windows-1252 when it is not valid UTF-8), normalised
 * (NFKC, case folding, one form for quotes and dashes), split into paragraphs, and each
 * paragraph is classified as content or boilerplate with a reason.  The content is
 * fingerprinted (word shingles hashed with XXH3, a bottom-k sketch of the article, the
 * shingles of its direct quotes, MinHash band keys of each paragraph).  Articles that
 * share a similar paragraph become candidate pairs (LSH, never all pairs), each pair is
 * scored on Jaccard, containment in both directions and shared quotes, and the pairs above
 * the threshold are grouped with a guard against chaining.
 *
 * Conventions, as in zstd and xxHash:
 *  - Every function that can fail returns an ndupes_status; ndupes_strerror() names it.
 *  - Handles are opaque, created by a create or read function and released by the matching free,
 *    which accepts NULL.
 *  - Inputs are borrowed and const; what the library keeps, it copies.
 *  - The library never prints, exits or aborts on bad input.  Per-file problems reach the
 *    caller through an ndupes_log_fn callback.
 *  - Thread safety: distinct handles may be used from distinct threads; one handle must
 *    not be used from two threads at once.  The library runs its own worker threads
 *    (ndupes_config.jobs).
 */
#ifndef NDUPES_H
#define NDUPES_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(NDUPES_BUILDING) && defined(__GNUC__)
#define NDUPES_API __attribute__((visibility("default")))
#else
#define NDUPES_API
#endif

#define NDUPES_VERSION_MAJOR 0
#define NDUPES_VERSION_MINOR 1
#define NDUPES_VERSION_PATCH 0
#define NDUPES_VERSION_STRING "0.1.0"

/** @return the library's version string, e.g. "0.1.0" (static storage). */
NDUPES_API const char *ndupes_version(void);

/* ------------------------------------------------------------------------------------
 * Status codes
 * ---------------------------------------------------------------------------------- */
typedef enum ndupes_status {
    NDUPES_OK = 0,
    NDUPES_ERR_NOMEM,       /* an allocation failed */
    NDUPES_ERR_ARG,         /* a parameter is invalid (NULL where not allowed, out of range) */
    NDUPES_ERR_IO,          /* a system call failed; errno-derived text in the log message */
    NDUPES_ERR_NOTREG,      /* not a regular file (FIFO, device, directory, socket) */
    NDUPES_ERR_TOOBIG,      /* larger than ndupes_config.max_size */
    NDUPES_ERR_BINARY,      /* looks like binary data, not text */
    NDUPES_ERR_PARSE,       /* malformed input to a parser (truth file, duration, ...) */
    NDUPES_ERR_DB,          /* the database reported an error */
    NDUPES_ERR_DB_BUSY,     /* the database is held by another run */
    NDUPES_ERR_DB_SCHEMA,   /* not an ndupes database, a damaged one, or one of a newer
                               version */
    NDUPES_ERR_INTERRUPTED, /* the run was interrupted (ndupes_interrupt) */
    NDUPES_STATUS_COUNT
} ndupes_status;

/** @return a short English description of st (static storage; never NULL). */
NDUPES_API const char *ndupes_strerror(ndupes_status st);

/* ------------------------------------------------------------------------------------
 * Configuration
 * ---------------------------------------------------------------------------------- */
typedef struct ndupes_config {
    double threshold;   /* pair score at or above which two articles are duplicates (0..1] */
    unsigned shingle;   /* words per shingle, 2..8 */
    unsigned jobs;      /* worker threads; 0 = one per online CPU */
    uint64_t max_size;  /* files larger than this many bytes are skipped (NDUPES_ERR_TOOBIG) */
    int baseline;       /* 1: the naive baseline (no boilerplate stripping, whole-document
                           Jaccard at threshold, single-link); for measurement only */
    int keep_boilerplate; /* 1: classify but keep every paragraph (for experiments) */
    unsigned template_min_files; /* a short paragraph seen in at least this many files is a
                                    site template; 0 disables cross-file template learning */
    int exhaustive;     /* 1: score every pair of articles instead of the LSH candidates
                           (quadratic; for checking the candidate index on small sets) */
} ndupes_config;

#define NDUPES_DEFAULT_THRESHOLD 0.35
#define NDUPES_DEFAULT_SHINGLE 5
#define NDUPES_DEFAULT_MAX_SIZE (16u << 20)

/** Fills *cfg with the defaults.  cfg must not be NULL. */
NDUPES_API void ndupes_config_init(ndupes_config *cfg);

/* ------------------------------------------------------------------------------------
 * Diagnostics callback
 * ---------------------------------------------------------------------------------- */
typedef enum ndupes_level { NDUPES_LOG_ERROR, NDUPES_LOG_WARN, NDUPES_LOG_INFO } ndupes_level;

/**
 * Called by the library for a per-file problem (level ERROR: the file was skipped), a
 * remark (WARN: e.g. decoded as Windows-1252) or progress (INFO).  path may be NULL when the
 * message is not about one file.  Called from worker threads, but never from two at once.
 */
typedef void (*ndupes_log_fn)(void *ctx, ndupes_level level, const char *path, const char *msg);

/* ------------------------------------------------------------------------------------
 * Reader: one page -> paragraphs classified as content or boilerplate
 * ---------------------------------------------------------------------------------- */
typedef enum ndupes_reason {
    NDUPES_KEEP = 0,      /* article content */
    NDUPES_DROP_CUE,      /* a cue of site chrome: cookies, subscribe, share, copyright ... */
    NDUPES_DROP_CONTACT,  /* a short paragraph with an e-mail address, @handle or URL */
    NDUPES_DROP_TEASER,   /* part of a run of headline-like lines, or a truncated teaser */
    NDUPES_DROP_SHORT,    /* short with few stopwords: a title, menu, caption or label */
    NDUPES_DROP_REPEAT,   /* repeats an earlier paragraph of the same page */
    NDUPES_DROP_TAIL,     /* after an end-of-article marker ("You may also like", ...) */
    NDUPES_DROP_TEMPLATE, /* recurs across many files of the corpus (a site's template) */
    NDUPES_DROP_LANGUAGE, /* in another language than the page's (an English notice on a
                             German page) */
    NDUPES_DROP_CODE,     /* program code or markup rendered as text (scripts, styles) */
    NDUPES_REASON_COUNT
} ndupes_reason;

/** @return a one-word name of r ("keep", "cue", ...), static storage, never NULL. */
NDUPES_API const char *ndupes_reason_name(ndupes_reason r);

typedef struct ndupes_doc ndupes_doc;

/** What the reader found about one paragraph. */
typedef struct ndupes_para {
    const char *text;     /* the paragraph as read: decoded, spaces collapsed (NUL-terminated) */
    const char *norm;     /* normalised: NFKC, case-folded, one quote/dash form (NUL-terminated) */
    unsigned line;        /* 1-based line of the page where the paragraph starts */
    unsigned words;       /* word tokens in norm */
    ndupes_reason reason; /* NDUPES_KEEP or why it was dropped */
    const char *detail;   /* the cue or rule that fired (static storage), or "" */
} ndupes_para;

/**
 * Parses a page held in memory.
 * @param buf   the page's bytes (may contain anything; need not be NUL-terminated);
 *              may be NULL when len is 0.
 * @param cfg   configuration, or NULL for the defaults.
 * @param out   receives the document; free with ndupes_doc_free().
 * @return NDUPES_OK; NDUPES_ERR_BINARY when the bytes are not text; NDUPES_ERR_NOMEM;
 *         NDUPES_ERR_ARG when out is NULL.  An empty page is OK with no paragraphs.
 */
NDUPES_API ndupes_status ndupes_doc_parse(const void *buf, size_t len, const ndupes_config *cfg,
                                          ndupes_doc **out);

/**
 * Reads and parses a file, never blocking on a FIFO or device and never reading more
 * than cfg->max_size bytes.
 * @return as ndupes_doc_parse(), plus NDUPES_ERR_IO (errno is kept), NDUPES_ERR_NOTREG,
 *         NDUPES_ERR_TOOBIG.
 */
NDUPES_API ndupes_status ndupes_doc_read(const char *path, const ndupes_config *cfg,
                                         ndupes_doc **out);

/** @return the number of paragraphs of doc (0 if doc is NULL). */
NDUPES_API size_t ndupes_doc_count(const ndupes_doc *doc);

/** @return paragraph i of doc (borrowed, valid until ndupes_doc_free), or NULL if out of range. */
NDUPES_API const ndupes_para *ndupes_doc_para(const ndupes_doc *doc, size_t i);

/* The reader's limits per page: a page with more paragraphs or word tokens is cut there
 * (ndupes_doc_was_cut), so that one odd file (megabytes of one-word lines, a dump) never
 * takes more than a few tens of megabytes.  A news article has tens of paragraphs and a
 * few thousand words. */
#define NDUPES_MAX_PARAGRAPHS 20000
#define NDUPES_MAX_TOKENS 1000000

/** @return 1 if the page was cut at NDUPES_MAX_PARAGRAPHS or NDUPES_MAX_TOKENS, else 0. */
NDUPES_API int ndupes_doc_was_cut(const ndupes_doc *doc);

/** @return 1 if the page was not valid UTF-8 and was decoded as Windows-1252, else 0. */
NDUPES_API int ndupes_doc_was_cp1252(const ndupes_doc *doc);

/** What the reader decided about a page's language (see ndupes_doc_language). */
typedef struct ndupes_lang_info {
    const char *code;   /* ISO 639 code ("de", "ja"), or "und" when it could not be told */
    const char *name;   /* its English name ("German"), or "unknown" */
    const char *script; /* the page's main script ("Latin", "Cyrillic", "Han", "Kana", ...) */
    int by_script;      /* 1: told by the script alone (kana, Hangul, Thai, Hebrew, ...) */
    unsigned hits;      /* function words of that language found on the page */
    unsigned second;    /* ... and of the runner-up language of the same script */
} ndupes_lang_info;

/**
 * The language the reader decided for doc: by its script, then by the function words of
 * the languages written in that script.  Rules keyed to a language's words (function-word
 * density, chrome phrases, end-of-article headings) apply to that language only; a page
 * whose language is "und" gets only the rules that need no word list.  The strings are
 * static storage.
 * @return NDUPES_OK, or NDUPES_ERR_ARG when doc or out is NULL.
 */
NDUPES_API ndupes_status ndupes_doc_language(const ndupes_doc *doc, ndupes_lang_info *out);

/** Releases doc; NULL is allowed. */
NDUPES_API void ndupes_doc_free(ndupes_doc *doc);

/* ------------------------------------------------------------------------------------
 * Scoring two documents
 * ---------------------------------------------------------------------------------- */
typedef struct ndupes_score {
    double score;        /* the pair's score, 0..1: what the threshold is compared with */
    double jaccard;      /* shingle Jaccard of the kept text */
    double contain_a;    /* share of A's shingles found in B */
    double contain_b;    /* share of B's shingles found in A */
    double quote_a;      /* share of A's quote shingles found in B (0 if A has no quotes) */
    double quote_b;      /* share of B's quote shingles found in A */
    unsigned shared;     /* estimated number of shingles the two share */
    unsigned shared_quote; /* estimated number of quote shingles the two share */
    unsigned shared_quotes; /* distinct direct quotes the two share word for word */
    unsigned shingles_a, shingles_b; /* distinct shingles of each side */
} ndupes_score;

/**
 * Scores two parsed documents as the grouping does (without cross-file template learning).
 * @return NDUPES_OK, NDUPES_ERR_ARG if a pointer is NULL, NDUPES_ERR_NOMEM.
 */
NDUPES_API ndupes_status ndupes_doc_compare(const ndupes_doc *a, const ndupes_doc *b,
                                            const ndupes_config *cfg, ndupes_score *out);

/**
 * Jaccard similarity of the word shingles of paragraph i of a and paragraph j of b
 * (exact, on the normalised text).  @return a value in [0,1], or -1 when an index is out of
 * range or memory ran out.
 */
NDUPES_API double ndupes_para_similarity(const ndupes_doc *a, size_t i, const ndupes_doc *b,
                                         size_t j, const ndupes_config *cfg);

/* ------------------------------------------------------------------------------------
 * A corpus: many articles, grouped
 * ---------------------------------------------------------------------------------- */
typedef struct ndupes_corpus ndupes_corpus;

/**
 * Creates an empty corpus.  cfg may be NULL for the defaults; it is copied.
 * @return the corpus, or NULL when memory ran out or cfg is out of range (*st says which;
 *         st may be NULL).  Free with ndupes_corpus_free().
 */
NDUPES_API ndupes_corpus *ndupes_corpus_create(const ndupes_config *cfg, ndupes_status *st);

/** Releases c; NULL is allowed. */
NDUPES_API void ndupes_corpus_free(ndupes_corpus *c);

/** Installs the diagnostics callback (fn may be NULL to silence). */
NDUPES_API void ndupes_corpus_set_log(ndupes_corpus *c, ndupes_log_fn fn, void *ctx);

/**
 * Progress of ndupes_corpus_add_files: done of total files read.  Called from a worker
 * thread every few hundred files (never from two threads at once) and once at the end.
 */
typedef void (*ndupes_progress_fn)(void *ctx, size_t done, size_t total);

/** Installs the progress callback (fn may be NULL). */
NDUPES_API void ndupes_corpus_set_progress(ndupes_corpus *c, ndupes_progress_fn fn, void *ctx);

/**
 * Reads and fingerprints files, in parallel over cfg.jobs threads.  A file that cannot be
 * read is reported through the log callback (level ERROR) and skipped; it does not stop
 * the others.  Paths are copied.  The same path (or the same device and inode) given twice
 * is read once.  With an index attached, each file is known and named by its canonical
 * absolute path (ndupes_corpus_name and the groups give that name), and the index's own
 * files (the database, its -wal, -shm and -journal) are skipped.
 * @return NDUPES_OK (even when some files failed: see ndupes_corpus_failed),
 *         NDUPES_ERR_NOMEM, NDUPES_ERR_INTERRUPTED, NDUPES_ERR_ARG.
 */
NDUPES_API ndupes_status ndupes_corpus_add_files(ndupes_corpus *c, const char *const *paths,
                                                 size_t n);

/**
 * Adds one article from memory under the given name (copied), with a time (seconds since
 * the epoch; when the text cannot tell which member of a group is the original, the
 * oldest is the representative).  With an index attached, name is taken as the path of
 * the article's file and stored canonical and absolute; a later run that finds no such
 * file forgets the article.  As for a file, a name stored with the same bytes is the
 * stored article (nothing is added), a name stored with other bytes replaces it, and a
 * name the run was given already (as a file or a text) is refused (NDUPES_ERR_ARG).
 * @return NDUPES_OK, NDUPES_ERR_BINARY (not added), NDUPES_ERR_NOMEM, NDUPES_ERR_ARG (also
 * for an empty name), NDUPES_ERR_DB.
 */
NDUPES_API ndupes_status ndupes_corpus_add_text(ndupes_corpus *c, const char *name,
                                                const void *buf, size_t len, int64_t mtime);

/** @return how many files given to ndupes_corpus_add_files() could not be read. */
NDUPES_API size_t ndupes_corpus_failed(const ndupes_corpus *c);

/** @return how many articles the corpus holds. */
NDUPES_API size_t ndupes_corpus_size(const ndupes_corpus *c);

/**
 * Finds the groups: learns site templates, builds the LSH index, scores candidate pairs
 * and clusters them.  May be called again after more articles are added.
 * @return NDUPES_OK, NDUPES_ERR_NOMEM, NDUPES_ERR_INTERRUPTED.
 */
NDUPES_API ndupes_status ndupes_corpus_group(ndupes_corpus *c);

/** @return the number of groups of two or more articles found by the last ndupes_corpus_group. */
NDUPES_API size_t ndupes_corpus_ngroups(const ndupes_corpus *c);

/** @return the number of members of group g (0 if out of range). */
NDUPES_API size_t ndupes_group_size(const ndupes_corpus *c, size_t g);

/**
 * Member i of group g; i = 0 is the representative: the original the others derive from,
 * judged by the text (a copy is a cut of its source, nearly all found in it and clearly
 * shorter, or a rewrite of it, sharing only part and longer; each pair of members whose
 * score reaches the threshold votes, and a member that leads the others by more than one
 * vote is the original), then the earliest mtime, then the earliest first-seen time (with
 * an index), then the most words, then the name.  Groups are ordered by their
 * representative's name, members by descending score then name.
 * @param score  if not NULL, receives the member's best link into the group: its highest
 *               pair score with another member (1.0 for the representative itself).
 * @return the member's name (borrowed), or NULL if out of range.
 */
NDUPES_API const char *ndupes_group_member(const ndupes_corpus *c, size_t g, size_t i,
                                           double *score);

/** @return the group (0-based, as for ndupes_group_member) of article i, or SIZE_MAX when
 *  article i is in no group or out of range. */
NDUPES_API size_t ndupes_corpus_group_of(const ndupes_corpus *c, size_t i);

/** @return the name of article i (0 <= i < ndupes_corpus_size; input order), or NULL. */
NDUPES_API const char *ndupes_corpus_name(const ndupes_corpus *c, size_t i);

/**
 * Scores articles i and j of the corpus as the grouping does (after ndupes_corpus_group,
 * templates included).  @return NDUPES_OK, or NDUPES_ERR_ARG when an index is out of range.
 */
NDUPES_API ndupes_status ndupes_corpus_compare(const ndupes_corpus *c, size_t i, size_t j,
                                               ndupes_score *out);

/** Statistics of the last run, for -v and the benchmark. */
typedef struct ndupes_stats {
    size_t articles, failed, empty, cp1252;
    uint64_t bytes;
    size_t paragraphs, kept, templates;
    size_t candidates, scored, edges, merges_refused;
    double t_read, t_template, t_lsh, t_score, t_cluster; /* seconds, wall time */
} ndupes_stats;

/** Fills *out with the corpus's statistics. */
NDUPES_API void ndupes_corpus_stats(const ndupes_corpus *c, ndupes_stats *out);

/**
 * Interrupts every corpus created (or resumed) before the call: its running and later
 * ndupes_corpus_add_files, ndupes_corpus_group, ndupes_corpus_commit and
 * ndupes_write_groups stop within about a second and return NDUPES_ERR_INTERRUPTED, and an
 * index attached to it is rolled back when it is freed.  A corpus created after the call
 * is not affected.  Async-signal-safe (it adds one to an atomic counter): meant for a
 * SIGINT/SIGTERM handler.
 */
NDUPES_API void ndupes_interrupt(void);

/** Interrupts c alone, as ndupes_interrupt() does every corpus.  Async-signal-safe; may be
 *  called from any thread while another uses c.  NULL is allowed (nothing happens). */
NDUPES_API void ndupes_corpus_interrupt(ndupes_corpus *c);

/** @return 1 when c was interrupted (by ndupes_interrupt or ndupes_corpus_interrupt) since
 *  it was created or last resumed, else 0 (also for NULL). */
NDUPES_API int ndupes_corpus_interrupted(const ndupes_corpus *c);

/**
 * Clears c's interruption, so that later calls run normally.  Nothing interrupted is
 * resumed: an interrupted ndupes_corpus_add_files added none of its files, and an
 * interrupted ndupes_corpus_group left no groups (call it again).  NULL is allowed.
 */
NDUPES_API void ndupes_corpus_resume(ndupes_corpus *c);

/**
 * Calls fn(ctx, i) for every i in [0, n) on up to JOBS threads (0: one per CPU), the
 * calling thread among them, and returns when all are done; items are handed out in small
 * chunks, so uneven items do not idle a thread.  The library's own thread pool, for a
 * caller that prepares its inputs in parallel (the tool takes the stat of a list of files
 * with it).  ndupes_interrupt() during the call stops it before the next item.  fn must be
 * safe to call from several threads at once.
 */
NDUPES_API void ndupes_parallel_for(size_t n, unsigned jobs, void (*fn)(void *ctx, size_t i),
                                    void *ctx);

/* ------------------------------------------------------------------------------------
 * The persistent index (incremental runs)
 * ---------------------------------------------------------------------------------- */
/**
 * Attaches the SQLite index at path (created when absent) to an empty corpus, and starts
 * the run's transaction, waiting up to wait_seconds for another run that holds it.  From
 * then on, ndupes_corpus_add_files reads only new or changed files, ndupes_corpus_group
 * matches them against the stored articles, stores them and the groups, and
 * ndupes_corpus_commit makes the run durable; ndupes_corpus_free without a commit rolls
 * everything back.  `now` (seconds since the epoch) is the articles' first-seen time.
 * @return NDUPES_OK; NDUPES_ERR_DB_BUSY when another run holds the index past the wait;
 *         NDUPES_ERR_DB_SCHEMA when the file is not an ndupes index (not SQLite, another
 *         application's, corrupt, a newer schema, another shingle size): it is not modified;
 *         NDUPES_ERR_DB; NDUPES_ERR_ARG.  ndupes_corpus_errmsg() says more.
 */
NDUPES_API ndupes_status ndupes_corpus_open_db(ndupes_corpus *c, const char *path,
                                               double wait_seconds, int64_t now);

/** As ndupes_corpus_open_db, but read-only: no file is created, no lock is taken (a
 *  running run does not block it), nothing can be written.  The corpus takes the index's
 *  settings (its shingle size), whatever it was created with.  c must hold no article.
 *  For `ndupes db stats`. */
NDUPES_API ndupes_status ndupes_corpus_open_db_readonly(ndupes_corpus *c, const char *path);

/**
 * As ndupes_corpus_open_db, for looking after an index (`ndupes db prune`, `db forget`):
 * the file must exist and hold an index (else NDUPES_ERR_DB, nothing created), and the
 * corpus takes the index's settings (its shingle size) instead of refusing other ones.
 * c must hold no article.
 * @return as ndupes_corpus_open_db.
 */
NDUPES_API ndupes_status ndupes_corpus_open_db_existing(ndupes_corpus *c, const char *path,
                                                        double wait_seconds, int64_t now);

/** @return a message on the last index error (borrowed; "" when none). */
NDUPES_API const char *ndupes_corpus_errmsg(const ndupes_corpus *c);

/** With all = 1, ndupes_corpus_group reports every stored group, not only the groups that
 *  gained a member in this run (the default with an index). */
NDUPES_API void ndupes_corpus_report_all(ndupes_corpus *c, int all);

/** Commits the run.  @return NDUPES_OK, NDUPES_ERR_DB, NDUPES_ERR_ARG (no index). */
NDUPES_API ndupes_status ndupes_corpus_commit(ndupes_corpus *c);

/** Removes the articles first seen before `before` (seconds since the epoch); their groups
 *  keep their ids while any member remains.  *removed (may be NULL) receives the count. */
NDUPES_API ndupes_status ndupes_corpus_prune(ndupes_corpus *c, int64_t before, size_t *removed);

/** Removes the article stored under path, given in any spelling (relative, absolute,
 *  through a symlinked folder: it is canonicalised as stored paths are); *found (may be
 *  NULL) says whether there was one.
 *  @return NDUPES_OK, NDUPES_ERR_DB, NDUPES_ERR_NOMEM, NDUPES_ERR_ARG (no index). */
NDUPES_API ndupes_status ndupes_corpus_forget(ndupes_corpus *c, const char *path, int *found);

/**
 * Makes the index follow the disk: removes the stored articles whose file no longer exists
 * (or is no longer a regular file) and that lie under one of roots: a root that names a
 * file (existing or not) covers that file, one that names a folder every file below it.
 * A run calls it with the paths it was given, after ndupes_corpus_add_files (whose files
 * are known to exist and are not looked at again).  Files elsewhere are left alone: a run
 * over a list of new files does not forget the older ones.  (Stored articles that a run
 * loads to match new ones, or that --all lists, are looked at too, wherever they are.)
 * @param removed  if not NULL, receives how many articles were removed.
 * @return NDUPES_OK, NDUPES_ERR_DB, NDUPES_ERR_DB_SCHEMA (a damaged index), NDUPES_ERR_NOMEM,
 *         NDUPES_ERR_INTERRUPTED, NDUPES_ERR_ARG (no index).
 */
NDUPES_API ndupes_status ndupes_corpus_forget_gone(ndupes_corpus *c, const char *const *roots,
                                                   size_t n, size_t *removed);

/** What the index holds. */
typedef struct ndupes_db_counts {
    int64_t articles, groups, grouped, oldest, newest;
} ndupes_db_counts;
NDUPES_API ndupes_status ndupes_corpus_db_counts(const ndupes_corpus *c, ndupes_db_counts *out);

/** @return how many files given to ndupes_corpus_add_files were already in the index
 *  (unchanged, touched or renamed) and so not added again. */
NDUPES_API size_t ndupes_corpus_unchanged(const ndupes_corpus *c);

/** @return 1 when an index is attached (ndupes_corpus_open_db), else 0. */
NDUPES_API int ndupes_corpus_has_db(const ndupes_corpus *c);

/** @return group g's stable id: with an index, the id kept across runs; else g + 1. */
NDUPES_API int64_t ndupes_group_id(const ndupes_corpus *c, size_t g);

/** @return 1 when member i of group g was read in this run, else 0. */
NDUPES_API int ndupes_group_member_is_new(const ndupes_corpus *c, size_t g, size_t i);

/* ------------------------------------------------------------------------------------
 * Sketches: a run as a map (files -> a sketch file, on any machine) and a reduce (sketch
 * files -> the groups of one run over the same files in the same order).  The format is
 * described in docs/SKETCH.md: versioned, every record and the whole file checksummed,
 * the bytes a function of the files and the settings alone (no time of sketching).
 * ---------------------------------------------------------------------------------- */
/** What the header of a sketch file says. */
typedef struct ndupes_sketch_info {
    unsigned version;   /* the file format's version (1) */
    unsigned shingle;   /* words per shingle of its fingerprints */
    unsigned reader;    /* the reader's version (what is kept of a page) */
    int final;          /* 1: made by a distributed step (templates applied, global article
                           indices); 0: made by ndupes_corpus_write_sketch */
    uint64_t articles;  /* articles it holds */
    uint64_t failed;    /* inputs that could not be read when it was made */
    char settings[128]; /* the fingerprint format, the reader and the shingle size as one
                           string ("fp3-rd2-...-w20-s5"): sketches group together only when
                           their settings are equal */
} ndupes_sketch_info;

/**
 * Writes the articles of c to out as a sketch: in input order, each with its name as
 * given, size, mtime, the XXH3 hash of its bytes, and its fingerprint as read (before
 * ndupes_corpus_group learns the site templates: the short paragraphs awaiting that
 * decision and the hashes of the kept paragraphs are in it).
 * @param c       a corpus filled by ndupes_corpus_add_files or ndupes_corpus_add_text,
 *                with no index attached and not grouped yet.
 * @param failed  how many inputs could not be read, recorded in the header (a group over
 *                the sketch exits 1 for them, as the run would).
 * @return NDUPES_OK; NDUPES_ERR_IO when a write failed (errno kept); NDUPES_ERR_ARG (a
 *         NULL pointer, an index attached, c already grouped); NDUPES_ERR_NOMEM.
 */
NDUPES_API ndupes_status ndupes_corpus_write_sketch(const ndupes_corpus *c, FILE *out,
                                                    uint64_t failed);

/**
 * Reads the header of a sketch (its first bytes; the rest of in is not read), checking its
 * magic, version and checksum.  For comparing the settings of sketches before reading them.
 * @param err  receives a message on failure (may be NULL; errlen bytes at most).
 * @return NDUPES_OK; NDUPES_ERR_PARSE (not a sketch, a damaged header, a newer version);
 *         NDUPES_ERR_IO (errno kept); NDUPES_ERR_ARG.
 */
NDUPES_API ndupes_status ndupes_sketch_info_read(FILE *in, ndupes_sketch_info *out, char *err,
                                                 size_t errlen);

/**
 * Reads a whole sketch (from its first byte to its end) and adds its articles to c, after
 * those c holds, as ndupes_corpus_add_files would have added the files: then
 * ndupes_corpus_group over sketches of contiguous parts of a list of files gives the
 * groups of one run over the list.  All or nothing: every record's checksum, every
 * fingerprint, the count and the checksum of the whole file are checked before any article
 * is added.  An article whose name is already in c (from an earlier sketch) is not added
 * again, and the log callback says so (WARN), as a run reads a file given twice once.
 * The first sketch read into an empty corpus sets its shingle size.
 * @param info  if not NULL, receives the sketch's header (info->version is 0 when the
 *              header could not be read).
 * @return NDUPES_OK; NDUPES_ERR_PARSE (not a sketch, damaged, cut short, a newer version, or
 *         a final sketch of the distributed steps); NDUPES_ERR_ARG (other settings than the
 *         articles c holds, an index attached, c already grouped, a NULL pointer);
 *         NDUPES_ERR_IO (errno kept); NDUPES_ERR_NOMEM.  ndupes_corpus_errmsg says more.
 */
NDUPES_API ndupes_status ndupes_corpus_read_sketch(ndupes_corpus *c, FILE *in,
                                                   ndupes_sketch_info *info);

/* ------------------------------------------------------------------------------------
 * Distributed steps: a run over a cluster (contrib/dask/ndupes-dask), where an engine
 * moves record streams between the steps and no process holds every sketch.  Each step
 * is one function of ndupes's own code; an engine only splits the list of files, sends
 * each record to the part its key chose, and joins parts.  docs/SKETCH.md gives the
 * record streams' format and the order of the steps; `ndupes dist STEP` runs one.
 *
 * "Base" is the run-wide index of a sketch's first article (the articles of the sketches
 * before it); a finalised sketch carries each article's run-wide index.  P is nparts.
 * ---------------------------------------------------------------------------------- */
typedef enum ndupes_step {
    /* Template learning (the site templates of the whole run):
     * PARAS      sketch[0] (as read), base -> parts: each distinct kept text's paragraph
     *            hashes (by paragraph) and short paragraphs (by content hash)
     * OWN        records by paragraph -> parts: the words of paragraphs found in one text
     *            only, by content hash (the short paragraphs pass through)
     * VOTES      records by content hash -> parts: the short paragraphs of each voter
     *            (a text with enough words of its own), by paragraph
     * TEMPLATES  records by paragraph -> out: the paragraphs with template_min_files votes
     * FINALIZE   sketch[0] (as read), base, records (every TEMPLATES output) -> out: the
     *            sketch with the templates removed, final, with run-wide indices */
    NDUPES_STEP_PARAS, NDUPES_STEP_OWN, NDUPES_STEP_VOTES, NDUPES_STEP_TEMPLATES,
    NDUPES_STEP_FINALIZE,
    /* The candidate index:
     * EXACT      sketch[0] (final) -> parts: each article's kept-text and page hashes
     * EXACT_EDGES records by hash -> out: pairs of articles with the same text
     * CLASSES    records (every EXACT_EDGES output), bounds -> parts by shard: each article
     *            of an exact class with the first article of its class
     * KEYS       sketch[0] (final), records (its shard's CLASSES part) -> parts: the LSH
     *            band and run keys of the first article of each class, by key
     * BUCKETS    records by key -> parts: the pairs each key's bucket gives (lsh.c's
     *            rules: every pair of a small bucket, a window of a large one), by pair
     * CANDIDATES records by pair -> out: the candidate pairs (a band key, or ND_RUN_PAIR
     *            run keys, shared) */
    NDUPES_STEP_EXACT, NDUPES_STEP_EXACT_EDGES, NDUPES_STEP_CLASSES, NDUPES_STEP_KEYS,
    NDUPES_STEP_BUCKETS, NDUPES_STEP_CANDIDATES,
    /* Scoring and clustering:
     * NEED       records (pairs, edges, classes), bounds -> parts by shard: the articles
     *            they name
     * SELECT     sketch[0] (final), records (NEED parts for its shard) -> out: a final
     *            sketch of those articles, without their LSH keys; or, with nparts,
     *            records[k] -> parts[k] (one reading of the sketch for every part)
     * SCORE      sketches (final, those holding every article named), records (pairs),
     *            threshold -> out: the pairs scoring at or above threshold, with scores
     * CLUSTER    sketches (final, those holding every article named), records (every
     *            SCORE output and every CLASSES part), threshold, corpus -> the groups,
     *            in corpus (the chaining guard scores pairs that were no candidates) */
    NDUPES_STEP_NEED, NDUPES_STEP_SELECT, NDUPES_STEP_SCORE, NDUPES_STEP_CLUSTER,
    NDUPES_STEP_COUNT
} ndupes_step;

/** The inputs and outputs of a step; what a step does not use may be left zero. */
typedef struct ndupes_step_io {
    FILE *const *sketches;           /* sketch files read, each from its first byte */
    const char *const *sketch_names; /* their names for messages (may be NULL) */
    size_t nsketches;
    FILE *const *records;            /* record streams read (each may hold many blocks) */
    const char *const *record_names; /* their names for messages (may be NULL) */
    size_t nrecords;
    FILE *const *parts;              /* partitioned output: nparts streams */
    size_t nparts;
    FILE *out;                       /* single output: records, or a sketch */
    const uint64_t *bounds;          /* run-wide index of each shard's first article,
                                        ascending, bounds[0] = 0; nparts = nbounds */
    size_t nbounds;
    uint64_t base;                   /* PARAS, FINALIZE: run-wide index of article 0 */
    double threshold;                /* SCORE, CLUSTER (0: NDUPES_DEFAULT_THRESHOLD) */
    unsigned template_min_files;     /* TEMPLATES (0: the default of ndupes_config_init) */
    ndupes_corpus *corpus;           /* CLUSTER: an empty corpus that receives the articles
                                        named and the groups (created with the run's
                                        threshold); write them with ndupes_write_groups */
    uint64_t *counts;                /* if not NULL, receives counts[0], the records and
                                        articles read, and counts[1], those written (the
                                        edges given to the clustering, for CLUSTER) */
} ndupes_step_io;

/**
 * Runs one distributed step (see ndupes_step).  Outputs are written whole or the step
 * fails; record streams and sketches given as input are checked as ndupes_corpus_read_sketch
 * checks a sketch, and refused on any fault.
 * @param err  receives a message on failure (may be NULL).
 * @return NDUPES_OK; NDUPES_ERR_PARSE (a damaged or unexpected input); NDUPES_ERR_ARG (a
 *         missing input or output, sketches of other settings, records naming an article no
 *         sketch given holds, more than 2^31 articles); NDUPES_ERR_IO (errno kept);
 *         NDUPES_ERR_NOMEM.
 */
NDUPES_API ndupes_status ndupes_step_run(ndupes_step step, const ndupes_step_io *io, char *err,
                                         size_t errlen);

/** @return the name of step as `ndupes dist` spells it ("paras", "exact-edges", ...), or
 *  NULL when out of range. */
NDUPES_API const char *ndupes_step_name(ndupes_step step);

/* ------------------------------------------------------------------------------------
 * Writer
 * ---------------------------------------------------------------------------------- */
typedef enum ndupes_format {
    NDUPES_FORMAT_TEXT,  /* groups of paths, representative first, blank line between groups */
    NDUPES_FORMAT_JSON,  /* JSON Lines, one object per group */
    NDUPES_FORMAT_TSV,   /* group<TAB>score<TAB>path */
    NDUPES_FORMAT_OMIT_FIRST /* only the non-representatives, one per line */
} ndupes_format;

/* Flags of ndupes_write_groups_flags. */
#define NDUPES_WRITE_NUL 1u    /* TEXT and OMIT_FIRST: end each path with NUL, not a newline */
#define NDUPES_WRITE_ESCAPE 2u /* TEXT and OMIT_FIRST: escape paths as TSV does (for a
                                  terminal: a control character in a name is shown, not run) */

/**
 * Writes the groups of the last ndupes_corpus_group() to out: each group's members in
 * order, the representative first.  TSV escapes tab, newline, carriage return and
 * backslash as \t \n \r \\, and every other control character (C0, DEL, C1) and byte
 * that is not UTF-8 as \xHH; JSON escapes paths as ndupes_json_write_string does.
 * @param flags  NDUPES_WRITE_NUL, NDUPES_WRITE_ESCAPE, or 0.
 * @return NDUPES_OK; NDUPES_ERR_IO when writing failed (errno kept); NDUPES_ERR_INTERRUPTED
 *         when c was interrupted (checked between groups); NDUPES_ERR_ARG.
 */
NDUPES_API ndupes_status ndupes_write_groups_flags(const ndupes_corpus *c, FILE *out,
                                                   ndupes_format fmt, unsigned flags);

/** As ndupes_write_groups_flags with flags NDUPES_WRITE_NUL when nul is 1, else 0. */
NDUPES_API ndupes_status ndupes_write_groups(const ndupes_corpus *c, FILE *out,
                                             ndupes_format fmt, int nul);

/**
 * Writes s as a JSON string (with the quotes) to out: ", \, the control characters (C0,
 * DEL and the C1 controls U+0080..U+009F) and U+2028/U+2029 escaped, other valid UTF-8
 * copied, and each byte that is not part of valid UTF-8 written as \udcXX (XX its value:
 * the lone surrogate of Python's surrogateescape), so that the output is valid JSON and
 * UTF-8 and the bytes can be recovered (Python: os.fsencode(json.loads(...))).
 * @return 0 on success, -1 when writing failed.
 */
NDUPES_API int ndupes_json_write_string(FILE *out, const char *s, size_t len);

/* ------------------------------------------------------------------------------------
 * Measuring: pairwise precision, recall, F1 and the adjusted Rand index
 * ---------------------------------------------------------------------------------- */
typedef struct ndupes_metrics {
    double precision, recall, f1, ari;
    uint64_t tp, fp, fn; /* pairs */
} ndupes_metrics;

/**
 * Compares two labelings of the same n items: truth[i] and pred[i] are cluster labels
 * (any integers; equal labels mean the same cluster).
 * @return NDUPES_OK, NDUPES_ERR_NOMEM, NDUPES_ERR_ARG (a NULL array with n > 0).
 */
NDUPES_API ndupes_status ndupes_metrics_compute(const size_t *truth, const size_t *pred, size_t n,
                                                ndupes_metrics *out);

#ifdef __cplusplus
}
#endif
#endif /* NDUPES_H */
