#!/bin/bash
# make_corpus.sh - builds the seed corpora of the fuzz targets.
#
#   tests/fuzz/make_corpus.sh BUILDDIR OUTDIR
#
# BUILDDIR is the fuzz build (it holds ndupes, fuzz_seedgen and fuzz_ndgen); OUTDIR receives
# one directory of seeds per target, and options.dict (a libFuzzer dictionary of the option
# names).  Run from anywhere; the repository is found from this script's location.
#
#   reader    samples/*.txt, 30 generated pages (ndgen -n 30 -s 3, when the BBC corpus of
#             ../shared is there), and small pages of the awkward kinds (Windows-1252, CRLF,
#             hard-wrapped lines, HTML entities, NULs, a BOM, a single long line)
#   filelist  newline- and NUL-separated lists naming the harness's sandbox entries
#   options   option lines from the man page (docs/ndupes.1: OPTIONS and EXAMPLES), NUL-split
#   dbload    fingerprint blobs of the samples (fuzz_seedgen), a small index made by
#             `ndupes --db` on the samples (as written, and re-packed with 512-byte pages when
#             sqlite3 or python3 is there), one built with --shingle 3, and foreign databases
#   sketch    sketches of the samples (as read, final, selected), the record streams of the
#             distributed steps over them, and a final sketch with its edges (4-byte length,
#             sketch, records: the form fuzz_sketch.c cuts its input by)
set -eu
BUILD=$(cd "$1" && pwd)
OUT=$2
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
cd "$ROOT"

# --- reader ---------------------------------------------------------------------------------------
R=$OUT/reader
mkdir -p "$R"
cp samples/*.txt "$R/"
NDGEN=$BUILD/tests/fuzz/fuzz_ndgen
[ -x "$NDGEN" ] || NDGEN=$ROOT/build/tests/bench/ndgen
if [ -x "$NDGEN" ] && [ -d ../shared/corpus/bbc ]; then
  G=$(mktemp -d)
  if "$NDGEN" -n 30 -s 3 "$G/gen" >/dev/null 2>&1; then
    for f in "$G"/gen/*/*.txt; do
      d=${f%/*}
      cp "$f" "$R/ndgen-${d##*/}-${f##*/}"
    done
  else
    echo "make_corpus: ndgen failed; no generated pages" >&2
  fi
  rm -rf "$G"
else
  echo "make_corpus: no ndgen or no ../shared/corpus/bbc; no generated pages" >&2
fi
iconv -f UTF-8 -t CP1252//TRANSLIT samples/foxnews-odesa.txt >"$R/cp1252.txt" 2>/dev/null || true
head -c 3000 samples/trn-odesa.txt | sed 's/$/\r/' >"$R/crlf.txt"
fold -s -w 72 samples/moscowtimes-florida.txt >"$R/wrapped.txt"
printf '\xEF\xBB\xBFA &ldquo;quoted&rdquo; line &amp; more &#8212; &#x2019; &nbsp; &bogus; &#0; &#x110000;\n\nSecond\tparagraph\x0b\x0c with\x1b controls.\rA CR line.\n' >"$R/entities.txt"
head -c 2000 samples/cgtn-florida.txt | sed 's/ the /\x00the /; s/ a / \x00 /' >"$R/nuls.txt"
awk 'BEGIN { for (i = 0; i < 2000; i++) printf "word%d \"quoted %d\" ", i, i % 7 }' >"$R/oneline.txt"
printf '\xC3\x28 \xE2\x82 \xF0\x9F\x98 \xED\xA0\x80 \xF4\x90\x80\x80 \xC0\xAF \xE2\x80\x9Cfancy\xE2\x80\x9D\n' >"$R/badutf8.txt"

# --- filelist -------------------------------------------------------------------------------------
# Names of the sandbox that fuzz_filelist.c builds: a.txt, d/, d/b.txt, d/e/c.txt, d/loop,
# d/link.txt, d/dangling, d/x <-> d/y, d/fifo, locked/.
L=$OUT/filelist
mkdir -p "$L"
printf 'a.txt\nd\n' >"$L/lines"
printf 'a.txt\0d/\0d/loop/b.txt\0' >"$L/nul"
printf 'a.txt\r\n\r\nd/e/c.txt\r\n' >"$L/crlf"
printf 'd/x\nd/dangling\nd/fifo\nlocked\nno-such-file\n/\n..\n' >"$L/odd"
printf 'name with spaces.txt\n\xff\xfe.txt\nd/link.txt' >"$L/bytes"
printf './d//e/../b.txt\0\n\0' >"$L/mixed"

# --- options --------------------------------------------------------------------------------------
O=$OUT/options
mkdir -p "$O"
args() { printf '%s\0' "$@" | head -c -1; } # NUL-separated, no NUL after the last
# An example value for each placeholder of the man page.
value() {
  case $1 in
    FMT) echo json ;; X) echo 0.5 ;; N) echo 3 ;; SIZE) echo 512k ;; FILE) echo index.db ;;
    AGE) echo 7d ;; SECONDS) echo 1.5 ;; *) echo 1 ;;
  esac
}
# The option lines: ".BR \-t ", " \-\-threshold " " \fIX\fR" -> "-t X" and "--threshold X".
n=0
: >"$OUT/options.dict"
sed -n '/^\.SH OPTIONS/,/^\.SH /p' docs/ndupes.1 | grep -E '^\.B[IR]? +\\-' |
  sed -e 's/\\f[BIR]//g' -e 's/\\-/-/g' -e 's/"//g' -e 's/^\.B[IR]* *//' -e 's/ , / /g' |
  while read -r line; do
    set -- $line
    arg=
    for w in "$@"; do case $w in -*) ;; *) arg=$w ;; esac; done
    for w in "$@"; do
      case $w in
        -*)
          n=$((n + 1))
          printf '"%s"\n' "$w" >>"$OUT/options.dict"
          if [ -n "$arg" ]; then
            printf '%s\0%s\0samples' "$w" "$(value "$arg")" >"$O/opt-$n"
            case $w in --*) printf '%s=%s\0-' "$w" "$(value "$arg")" >"$O/opt-$n-eq" ;; esac
          else
            printf '%s\0samples' "$w" >"$O/opt-$n"
          fi
          ;;
      esac
    done
  done
# The examples: "ndupes ARGS" lines, the program name dropped, arguments NUL-separated.
sed -n '/^\.SH EXAMPLES/,/^\.SH /p' docs/ndupes.1 | sed -e 's/\\-/-/g' | grep -E '^ndupes ' |
  while read -r line; do
    n=$((n + 1))
    set -- ${line%%|*}
    shift
    args "$@" >"$O/example-$n"
  done
args --db x.db --all --max-age 36h --wait 0 -f tsv -j 256 --shingle 8 -qv0 -- - >"$O/combo"
args --baseline -t 1e-9 --max-size 18446744073709551615 --omit-first -f text >"$O/edges"
args --keep-boilerplate -0v --format=tsv -j1 -t1 samples >"$O/clustered"
i=0
for v in 1k 16M 1G 0 9999999999999999999G 1kb 2w 90m 3600s nan inf -1 0x10 1e400 ' 1'; do
  i=$((i + 1))
  args --max-size "$v" --db d --max-age "$v" --wait "$v" -t "$v" >"$O/value-$i"
done
printf '"--omit-first"\n"--keep-boilerplate"\n"text"\n"json"\n"tsv"\n"--"\n"="\n"\\x00"\n' >>"$OUT/options.dict"

# --- dbload ---------------------------------------------------------------------------------------
D=$OUT/dbload
mkdir -p "$D"
"$BUILD/tests/fuzz/fuzz_seedgen" "$D" samples/*.txt
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mkdir "$T/s"
cp samples/*.txt "$T/s/"
(cd "$T" && "$BUILD/ndupes" -q --db index.db s >/dev/null) || true
(cd "$T" && "$BUILD/ndupes" -q --db k3.db --shingle 3 s/cgtn-florida.txt s/moscowtimes-florida.txt >/dev/null) || true
[ -f "$T/index.db" ] && cp "$T/index.db" "$D/samples.db"
[ -f "$T/k3.db" ] && cp "$T/k3.db" "$D/shingle3.db"
sql() { # sql DB STATEMENTS: through sqlite3 or python3, whichever is there
  if command -v sqlite3 >/dev/null 2>&1; then
    sqlite3 "$1" "$2" >/dev/null
  elif command -v python3 >/dev/null 2>&1; then
    python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.executescript(sys.argv[2])' "$1" "$2"
  else
    return 1
  fi
}
if [ -f "$T/index.db" ]; then
  cp "$T/index.db" "$T/small.db"
  if sql "$T/small.db" "PRAGMA journal_mode=DELETE; PRAGMA page_size=512; VACUUM;"; then
    cp "$T/small.db" "$D/samples-512.db"
    cp "$T/small.db" "$T/v99.db"
    sql "$T/v99.db" "UPDATE meta SET value = 99 WHERE key = 'schema_version';" && cp "$T/v99.db" "$D/schema99.db"
    cp "$T/small.db" "$T/v1.db" # the schema before band_recent, which a run upgrades
    sql "$T/v1.db" "INSERT OR IGNORE INTO band SELECT * FROM band_recent; DROP TABLE band_recent; UPDATE meta SET value = 1 WHERE key = 'schema_version'; VACUUM;" && cp "$T/v1.db" "$D/schema1.db"
    cp "$T/small.db" "$T/nobands.db"
    sql "$T/nobands.db" "DROP TABLE band; VACUUM;" && cp "$T/nobands.db" "$D/nobands.db"
    cp "$T/small.db" "$T/badfp.db"
    sql "$T/badfp.db" "UPDATE fingerprint SET fp = substr(fp, 1, 40) WHERE id = 1; UPDATE fingerprint SET fp = x'' WHERE id = 2;" &&
      cp "$T/badfp.db" "$D/badfp.db"
    # Values out of their type or range, and code stored in the index (storeopen.c, store.c).
    hostile() { # hostile NAME STATEMENTS
      cp "$T/small.db" "$T/$1.db"
      sql "$T/$1.db" "$2" && cp "$T/$1.db" "$D/$1.db"
    }
    hostile textgrp "UPDATE article SET grp = 'abc' WHERE grp = (SELECT min(grp) FROM article);"
    hostile bigscore "UPDATE article SET score = 1e300 WHERE grp IS NOT NULL;"
    hostile version64 "UPDATE meta SET value = 4294967298 WHERE key = 'schema_version';"
    hostile bandrows "INSERT OR REPLACE INTO meta VALUES ('band_rows', 9223372036854775000), ('recent_rows', -1), ('merge_slice', 'x');"
    hostile trigger "CREATE TABLE pwned(x); CREATE TRIGGER t AFTER UPDATE ON article BEGIN INSERT INTO pwned VALUES (1); END;"
    hostile view "CREATE VIEW v AS SELECT * FROM article;"
    hostile relpath "UPDATE article SET path = 'relative.txt' WHERE id = 1;"
    hostile textid "UPDATE band SET id = 'x' WHERE key IN (SELECT key FROM band LIMIT 3);"
  fi
  sql "$T/foreign.db" "PRAGMA page_size=512; CREATE TABLE t(x); INSERT INTO t VALUES (1);" &&
    cp "$T/foreign.db" "$D/foreign.db"
  sql "$T/emptyschema.db" "PRAGMA page_size=512; PRAGMA user_version=1;" &&
    [ -s "$T/emptyschema.db" ] && cp "$T/emptyschema.db" "$D/emptyschema.db"
fi
printf 'SQLite format 3\0' >"$D/header-only"
printf 'x' >"$D/one-byte"
printf 'not a database at all\n' >"$D/text"
# --- sketch ---------------------------------------------------------------------------------------
K=$OUT/sketch
mkdir -p "$K"
nd=$BUILD/ndupes
"$nd" sketch -q -o "$K/samples.sk" samples/*.txt || true
"$nd" sketch -q --shingle 3 -o "$K/two-k3.sk" samples/foxnews-odesa.txt samples/trn-odesa.txt || true
if [ -s "$K/samples.sk" ]; then
  "$nd" dist paras --base 0 -p 1 -o "$T/paras" "$K/samples.sk" && cp "$T/paras/part-00000" "$K/paras.rec"
  "$nd" dist own -p 1 -o "$T/own" "$K/paras.rec" && cp "$T/own/part-00000" "$K/own.rec"
  "$nd" dist votes -p 1 -o "$T/votes" "$K/own.rec" && cp "$T/votes/part-00000" "$K/votes.rec"
  "$nd" dist templates -o "$K/templates.rec" "$K/votes.rec"
  "$nd" dist finalize --base 0 -o "$K/final.sk" "$K/samples.sk" "$K/templates.rec"
  "$nd" dist exact -p 1 -o "$T/exact" "$K/final.sk" && cp "$T/exact/part-00000" "$K/exact.rec"
  "$nd" dist keys -p 1 -o "$T/keys" "$K/final.sk" && cp "$T/keys/part-00000" "$K/keys.rec"
  "$nd" dist buckets -p 1 -o "$T/buckets" "$K/keys.rec" && cp "$T/buckets/part-00000" "$K/buckets.rec"
  "$nd" dist candidates -o "$K/candidates.rec" "$K/buckets.rec"
  "$nd" dist score -o "$K/edges.rec" "$K/candidates.rec" "$K/final.sk"
  "$nd" dist need -b 0,3 -o "$T/need" "$K/edges.rec" && cp "$T/need/part-00000" "$K/need.rec"
  "$nd" dist select -o "$K/selected.sk" "$K/final.sk" "$K/need.rec"
  for rec in edges candidates need; do # 4-byte length, the final sketch, its records
    n=$(wc -c <"$K/final.sk")
    { printf "$(printf '\\%03o\\%03o\\%03o\\%03o' $((n & 255)) $((n >> 8 & 255)) $((n >> 16 & 255)) $((n >> 24 & 255)))"
      cat "$K/final.sk" "$K/$rec.rec"; } >"$K/final+$rec"
  done
fi
for t in reader filelist options dbload sketch; do
  echo "make_corpus: $t: $(ls "$OUT/$t" | wc -l) seeds"
done
