# End-to-end: inputs that are not what a crawl directory is supposed to hold, and the ways a run can be
# cut short.  Each case checks the exit status, what stderr says ("ndupes: PATH: reason" for every input
# that was skipped) and that the samples given alongside are still grouped on stdout.  Every command runs
# under `timeout`, so a hang is a failure (status 124), never a stuck suite; any sanitizer report on
# stderr is a failure whatever the exit status.  Last, the inputs the fuzzers found (tests/fuzz/regress/)
# are replayed through the tool.
#
# Run by ctest from the repository root with NDUPES, SRCDIR and BUILDDIR set (tests/CMakeLists.txt).
. "$SRCDIR/tests/e2e/lib.sh"
export LC_ALL=C
SAMPLES=$SRCDIR/samples
T=30      # seconds any one command may take
T_BIG=120 # ... except the run over 100,000 files, which a sanitizer build on a loaded CI machine needs

EXPECTED="cgtn-florida.txt,moscowtimes-florida.txt;foxnews-odesa.txt,internewscast-odesa.txt,trn-odesa.txt"

# sanitizer_clean WHAT: fails when stderr ($TMP/err) holds an ASan/UBSan/LSan report.
sanitizer_clean() {
  if grep -Eq 'runtime error:|ERROR: AddressSanitizer|ERROR: LeakSanitizer|UndefinedBehaviorSanitizer' "$TMP/err"; then
    fail "$1: sanitizer report: $(grep -Em2 'runtime error:|ERROR: ' "$TMP/err" | tr '\n' ' ')"
  else
    pass
  fi
}

# run [-t SECONDS] CMD...: runs with a time limit, stdin from /dev/null; sets rc, out, err, secs.
run() {
  local limit=$T
  if [ "$1" = -t ]; then limit=$2; shift 2; fi
  local t0=$SECONDS
  timeout "$limit" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
  rc=$?
  secs=$((SECONDS - t0))
  out=$(tr -d '\0' <"$TMP/out")
  err=$(cat "$TMP/err")
}

# check WHAT RC: the exit status, a clean stderr (sanitizers) and the sample groups on stdout.
check() {
  expect_eq "$1: exit status (124 = hung)" "$2" "$rc"
  sanitizer_clean "$1"
  expect_eq "$1: the samples still grouped" "$EXPECTED" "$(canon <"$TMP/out")"
}

# skipped WHAT PATH: stderr names PATH as skipped, in the one diagnostic format.
skipped() {
  expect_match "$1: stderr names the file as skipped" "^ndupes: $(re "$2"): .*skipped" "$err"
}

# section NAME: a progress line on stderr, with the time so far (the slow cases show in CI logs).
section() { echo "-- ${SECONDS}s: $1" >&2; }

# re TEXT: TEXT with the characters special in an extended regex escaped.
re() { printf '%s' "$1" | sed 's/[][\.*^$(){}+?|/]/\\&/g'; }

# --- an empty file --------------------------------------------------------------------------------
section "an empty file"
# An empty page is a page without text: no diagnostic (except with -v), in no group, exit 0.
: >"$TMP/empty.txt"
run "$NDUPES" "$TMP/empty.txt" "$SAMPLES"
check "empty file" 0
expect_eq "empty file: nothing on stderr" "" "$err"
case $out in *empty.txt*) fail "empty file: it is in a group: $out" ;; *) pass ;; esac
run "$NDUPES" "$TMP/empty.txt" "$TMP/empty.txt"
expect_eq "empty file alone: exit status" 0 "$rc"
sanitizer_clean "empty file alone"
expect_eq "empty file alone: stdout" "" "$out"
# An empty directory, and one holding only an empty file: nothing to read, not an error.
mkdir -p "$TMP/emptydir" "$TMP/emptyfiledir"
: >"$TMP/emptyfiledir/empty.txt"
run "$NDUPES" "$TMP/emptydir" "$TMP/emptyfiledir" "$SAMPLES"
check "empty directories" 0
expect_eq "empty directories: nothing on stderr" "" "$err"

# --- binary data named .txt -----------------------------------------------------------------------
section "binary data named .txt"
mkdir "$TMP/bin"
{ printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR'; head -c 8192 /dev/urandom; } >"$TMP/bin/image.txt"
cp /bin/ls "$TMP/bin/ls.txt"
run "$NDUPES" "$TMP/bin/image.txt" "$TMP/bin/ls.txt" "$SAMPLES"
check "binary files" 1
skipped "PNG named .txt" "$TMP/bin/image.txt"
skipped "/bin/ls named .txt" "$TMP/bin/ls.txt"
expect_match "binary files: the reason is binary data" 'binary' "$err"
# Found by a directory walk, the same.
cp "$SAMPLES"/*.txt "$TMP/bin/"
run "$NDUPES" "$TMP/bin"
check "binary files in a directory" 1
skipped "PNG in a directory" "$TMP/bin/image.txt"
skipped "/bin/ls in a directory" "$TMP/bin/ls.txt"

# --- Windows-1252 text ----------------------------------------------------------------------------
section "Windows-1252 text"
# The Fox page re-encoded: its curly quotes and dashes become single cp1252 bytes.  It must be read (as
# Windows-1252, said only with -v) and grouped with the Odesa story as the UTF-8 original is.
mkdir "$TMP/cp"
cp "$SAMPLES"/*.txt "$TMP/cp/"
if iconv -f UTF-8 -t CP1252//TRANSLIT "$SAMPLES/foxnews-odesa.txt" >"$TMP/cp/foxnews-odesa.txt" 2>/dev/null &&
  ! cmp -s "$TMP/cp/foxnews-odesa.txt" "$SAMPLES/foxnews-odesa.txt"; then
  if LC_ALL=C grep -q $'[\x80-\xff]' "$TMP/cp/foxnews-odesa.txt" && ! iconv -f UTF-8 -t UTF-8 "$TMP/cp/foxnews-odesa.txt" >/dev/null 2>&1; then
    pass
  else
    fail "cp1252: the re-encoded copy is still valid UTF-8; the case would prove nothing"
  fi
  run "$NDUPES" "$TMP/cp"
  check "Windows-1252 copy of the Fox page" 0
  expect_eq "Windows-1252: nothing on stderr" "" "$err"
  run "$NDUPES" -v "$TMP/cp"
  expect_match "Windows-1252, -v: the file is said to be re-decoded" \
    "^ndupes: $(re "$TMP/cp/foxnews-odesa.txt"): .*(1252|decod)" "$err"
  run "$NDUPES" strip "$TMP/cp/foxnews-odesa.txt"
  expect_eq "Windows-1252, strip: exit status" 0 "$rc"
  expect_match "Windows-1252, strip: says it read Windows-1252" 'Windows-1252' "$out"
else
  fail "cp1252: iconv cannot make a CP1252 copy (iconv -t CP1252//TRANSLIT)"
fi

# --- NUL bytes inside text ------------------------------------------------------------------------
section "NUL bytes inside text"
# A few NULs (a truncated write, a bad crawl) do not make a page binary: it is read, and still grouped.
mkdir "$TMP/nul"
cp "$SAMPLES"/*.txt "$TMP/nul/"
{ # NULs at bytes 1000, 2000 (two) and 3000
  head -c 1000 "$SAMPLES/foxnews-odesa.txt"
  printf '\0'
  tail -c +1001 "$SAMPLES/foxnews-odesa.txt" | head -c 1000
  printf '\0\0'
  tail -c +2001 "$SAMPLES/foxnews-odesa.txt" | head -c 1000
  printf '\0'
  tail -c +3001 "$SAMPLES/foxnews-odesa.txt"
} >"$TMP/nul/foxnews-odesa.txt"
nuls=$(tr -cd '\000' <"$TMP/nul/foxnews-odesa.txt" | wc -c)
expect_eq "NULs: the test page has four NUL bytes" 4 "$nuls"
run "$NDUPES" "$TMP/nul"
check "page with NUL bytes" 0
expect_eq "page with NUL bytes: nothing on stderr" "" "$err"

# --- files over --max-size ------------------------------------------------------------------------
section "files over --max-size"
# Refused from their size alone, before a byte is read: a 4 GB sparse file (reading it would take far
# longer than the limit below, and 4 GB of memory) and a 200 kB page with --max-size 100k.
mkdir "$TMP/big"
if truncate -s 4G "$TMP/big/huge.txt" 2>/dev/null; then
  run "$NDUPES" "$TMP/big/huge.txt" "$SAMPLES"
  check "4 GB file over the default --max-size" 1
  skipped "4 GB file" "$TMP/big/huge.txt"
  expect_match "4 GB file: the reason is its size" 'larger|size|too large' "$err"
  [ "$secs" -le 10 ] && pass || fail "4 GB file: took ${secs}s; a file over --max-size must not be read"
else
  fail "max-size: cannot make a 4 GB sparse file in $TMP"
fi
for i in $(seq 1 40); do cat "$SAMPLES/cgtn-florida.txt"; done >"$TMP/big/long.txt"
run "$NDUPES" --max-size 100k "$TMP/big/long.txt" "$SAMPLES"
check "200 kB page with --max-size 100k" 1
skipped "--max-size 100k" "$TMP/big/long.txt"
run "$NDUPES" --max-size 1k "$SAMPLES/trn-odesa.txt"
expect_eq "--max-size 1k, one sample: exit status" 1 "$rc"
skipped "--max-size 1k" "$SAMPLES/trn-odesa.txt"

# --- one 10 MB line without a newline -------------------------------------------------------------
section "one 10 MB line without a newline"
awk 'BEGIN { srand(3); while (n < 10485760) { w = "w" int(rand() * 100000) " "; printf "%s", w; n += length(w) } }' \
  >"$TMP/big/oneline.txt"
run "$NDUPES" "$TMP/big/oneline.txt" "$SAMPLES"
check "10 MB single line" 0
run "$NDUPES" strip "$TMP/big/oneline.txt"
expect_eq "10 MB single line, strip: exit status" 0 "$rc"
sanitizer_clean "10 MB single line, strip"

# --- FIFOs and character devices named as inputs ----------------------------------------------------
section "FIFOs and character devices named as inputs"
# Never opened for a blocking read (a FIFO without a writer would hang; /dev/zero never ends).
mkfifo "$TMP/fifo.txt"
for dev in "$TMP/fifo.txt" /dev/zero /dev/null; do
  [ -e "$dev" ] || { fail "$dev is missing"; continue; }
  run "$NDUPES" "$dev" "$SAMPLES"
  check "$dev given as a path" 1
  skipped "$dev" "$dev"
done
printf '%s\n' "$TMP/fifo.txt" /dev/zero "$SAMPLES"/*.txt >"$TMP/list"
timeout $T "$NDUPES" - <"$TMP/list" >"$TMP/out" 2>"$TMP/err"
rc=$?
err=$(cat "$TMP/err")
check "FIFO and /dev/zero in a stdin list" 1
skipped "FIFO in a stdin list" "$TMP/fifo.txt"

# --- a file gone between listing and reading --------------------------------------------------------
section "a file gone between listing and reading"
# (Hard to time; a stdin list naming a file that does not exist is the same to the reader.)
printf '%s\n' "$SAMPLES"/*.txt "$TMP/gone.txt" >"$TMP/list"
timeout $T "$NDUPES" - <"$TMP/list" >"$TMP/out" 2>"$TMP/err"
rc=$?
err=$(cat "$TMP/err")
check "missing file in a stdin list" 1
expect_match "missing file in a stdin list: named on stderr" "^ndupes: $(re "$TMP/gone.txt"): " "$err"
printf '%s\0' "$TMP/gone.txt" "$SAMPLES"/*.txt >"$TMP/list0"
timeout $T "$NDUPES" -0 - <"$TMP/list0" >"$TMP/out" 2>"$TMP/err"
rc=$?
err=$(cat "$TMP/err")
expect_eq "missing file in a -0 stdin list: exit status" 1 "$rc"
sanitizer_clean "missing file in a -0 stdin list"
expect_match "missing file in a -0 stdin list: named on stderr" "^ndupes: $(re "$TMP/gone.txt"): " "$err"
expect_eq "missing file in a -0 stdin list: groups" "$EXPECTED" "$(tr '\0' '\n' <"$TMP/out" | canon)"
# A long list (its names are stat'ed on several threads): the same files many times, a
# directory, a missing file in the middle.
{
  for i in $(seq 220); do printf '%s\n' "$SAMPLES"/*.txt; [ "$i" = 110 ] && printf '%s\n' "$TMP/gone.txt" "$SAMPLES"; done
} >"$TMP/longlist"
timeout $T "$NDUPES" - <"$TMP/longlist" >"$TMP/out" 2>"$TMP/err"
rc=$?
err=$(cat "$TMP/err")
check "missing file in a list of $(wc -l <"$TMP/longlist") names" 1
expect_eq "missing file in a long list: named once" 1 "$(grep -c "^ndupes: $(re "$TMP/gone.txt"): " "$TMP/err")"
expect_eq "missing file in a long list: groups" "$EXPECTED" "$(canon <"$TMP/out")"

# --- symlink loops ----------------------------------------------------------------------------------
section "symlink loops"
L="$TMP/loops"
mkdir "$L"
cp "$SAMPLES"/*.txt "$L/"
ln -s . "$L/loop"
ln -s a "$L/b"
ln -s b "$L/a"
mkdir "$L/sub"
ln -s .. "$L/sub/up"
run "$NDUPES" "$L"
check "symlink loops under a directory" 0
expect_eq "symlink loops: no path printed twice" "" "$(printf '%s\n' "$out" | grep . | sort | uniq -d)"
expect_eq "symlink loops: five paths printed" 5 "$(printf '%s\n' "$out" | grep -c .)"
case $out in */loop/* | */up/*) fail "symlink loops: a path through a symlinked directory: $out" ;; *) pass ;; esac
run "$NDUPES" "$L/loop" "$L"
check "a symlink loop given as a path, and its directory" 0
expect_eq "symlink loop given as a path: five paths printed" 5 "$(printf '%s\n' "$out" | grep -c .)"
run "$NDUPES" "$L/a" "$SAMPLES"
check "a two-link loop given as a path" 1
expect_match "a two-link loop given as a path: named" "^ndupes: $(re "$L/a"): " "$err"

# --- the same file through two paths ---------------------------------------------------------------
section "the same file through two paths"
S="$TMP/same"
mkdir "$S"
cp "$SAMPLES"/*.txt "$S/"
ln -s "$S/trn-odesa.txt" "$TMP/link-to-trn.txt"
ln "$S/cgtn-florida.txt" "$TMP/hardlink-to-cgtn.txt"
run "$NDUPES" "$S" "$S/foxnews-odesa.txt" "$S/" "$TMP/link-to-trn.txt" "$TMP/hardlink-to-cgtn.txt" \
  "$S/./internewscast-odesa.txt"
check "the same files through several paths" 0
expect_eq "same files: five paths printed, each once" 5 "$(printf '%s\n' "$out" | grep -c .)"

# --- file names with spaces, newlines, tabs, backslashes and bytes that are not UTF-8 ---------------
section "file names with spaces, newlines, tabs, backslashes and bytes that are not UTF-8"
N="$TMP/names"
mkdir "$N"
n_fox="$N/fox news odesa.txt"
n_int="$N/inter"$'\n'"newscast.txt"
n_trn="$N/trn-"$'\xff\xfe'"-odesa.txt"
n_cgtn="$N/cgtn"$'\t'"florida.txt"
n_mt="$N/moscow\\times \"florida\".txt"
cp "$SAMPLES/foxnews-odesa.txt" "$n_fox"
cp "$SAMPLES/internewscast-odesa.txt" "$n_int"
cp "$SAMPLES/trn-odesa.txt" "$n_trn"
cp "$SAMPLES/cgtn-florida.txt" "$n_cgtn"
cp "$SAMPLES/moscowtimes-florida.txt" "$n_mt"
printf '%s\n' "$n_fox" "$n_int" "$n_trn" "$n_cgtn" "$n_mt" | sort >"$TMP/names.want"
# -0 text: every path NUL-terminated, a group ends with an empty record; the names come back exactly.
run "$NDUPES" -0 "$N"
expect_eq "odd names, -0: exit status" 0 "$rc"
sanitizer_clean "odd names, -0"
got=()
records=0
while IFS= read -r -d '' p; do
  records=$((records + 1))
  [ -n "$p" ] && got+=("$p")
done <"$TMP/out"
expect_eq "odd names, -0: the output ends with NUL" "00" "$(tail -c1 "$TMP/out" | od -An -tx1 | tr -d ' \n')"
expect_eq "odd names, -0: two groups, five paths, one separator" "5 6" "${#got[@]} $records"
printf '%s\n' "${got[@]}" | sort >"$TMP/names.got"
if cmp -s "$TMP/names.want" "$TMP/names.got"; then pass; else
  fail "odd names, -0: the paths do not round-trip: $(od -c "$TMP/names.got" | head -5)"
fi
# --omit-first -0: the three non-representatives, NUL-terminated, exactly.
run "$NDUPES" --omit-first -0 "$N"
expect_eq "odd names, --omit-first -0: exit status" 0 "$rc"
n=0
while IFS= read -r -d '' p; do
  n=$((n + 1))
  grep -Fqx -- "$p" "$TMP/names.want" 2>/dev/null || [ -e "$p" ] || fail "odd names, --omit-first -0: not an input: $p"
done <"$TMP/out"
expect_eq "odd names, --omit-first -0: three paths" 3 "$n"
# TSV: one line a member, exactly three fields; tab, newline, CR and backslash escaped, so unescaping
# gives the names back.
run "$NDUPES" -f tsv "$N"
expect_eq "odd names, tsv: exit status" 0 "$rc"
sanitizer_clean "odd names, tsv"
expect_eq "odd names, tsv: five lines" 5 "$(grep -c '' "$TMP/out")"
expect_eq "odd names, tsv: three fields a line" "" "$(awk -F'\t' 'NF != 3' "$TMP/out")"
expect_eq "odd names, tsv: group and score fields" "" "$(awk -F'\t' '$1 !~ /^[0-9]+$/ || $2 !~ /^[01]\.[0-9]+$/' "$TMP/out")"
while IFS=$'\t' read -r g s p; do printf '%b\n' "$p"; done <"$TMP/out" | sort >"$TMP/names.got"
if cmp -s "$TMP/names.want" "$TMP/names.got"; then pass; else
  fail "odd names, tsv: unescaped paths differ: $(od -c "$TMP/names.got" | head -5)"
fi
# JSON Lines: each line valid JSON (checked with python3 when present), and valid UTF-8.
run "$NDUPES" -f json "$N"
expect_eq "odd names, json: exit status" 0 "$rc"
sanitizer_clean "odd names, json"
expect_eq "odd names, json: two lines" 2 "$(grep -c '' "$TMP/out")"
if iconv -f UTF-8 -t UTF-8 "$TMP/out" >/dev/null 2>&1; then pass; else fail "odd names, json: output is not valid UTF-8"; fi
if command -v python3 >/dev/null 2>&1; then
  if python3 - "$TMP/out" <<'EOF'; then pass; else fail "odd names, json: not valid JSON Lines (see above)"; fi
import json, os, sys
names = []
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        g = json.loads(line)
        assert g["representative"] == g["members"][0]["path"], g
        names += [m["path"] for m in g["members"]]
assert len(names) == 5, names
assert any("\n" in n for n in names) and any("\t" in n for n in names), names
assert any("\\" in n and '"' in n for n in names), names
assert any(b"\xff\xfe" in os.fsencode(n) for n in names), names  # invalid bytes: surrogateescape
EOF
else
  echo "odd names, json: python3 not found; JSON syntax not checked" >&2
fi

# --- a huge directory ---------------------------------------------------------------------------------
section "a huge directory"
# 100,000 one-line files in one directory (made by split, one process), with the samples.
H="$TMP/huge"
mkdir "$H"
if timeout 300 sh -c 'awk "BEGIN { for (i = 0; i < 100000; i++) printf \"Item %d: the council met on day %d to discuss proposal %d.\\n\", i, i % 365, i * 7 }" |
     split -l 1 -a 5 -d --additional-suffix=.txt - "$1/item-"' sh "$H" 2>/dev/null &&
  [ "$(ls -f "$H" | wc -l)" -ge 100000 ]; then
  cp "$SAMPLES"/*.txt "$H/"
  run -t $T_BIG "$NDUPES" "$H"
  check "100,000 files in one directory" 0
  expect_eq "100,000 files: nothing on stderr" "" "$err"
else
  echo "SKIP: 100,000 files: could not create them within 300 s in $TMP" >&2
fi
rm -rf "$H"

# --- as an unprivileged user: a directory that cannot be listed, a file that cannot be read ---------
section "as an unprivileged user: a directory that cannot be listed, a file that cannot be read"
# As root, permission bits do not stop a read: run ndupes as nobody, from a copy of the binary in a tree
# nobody can read.  A missing setpriv while root is a failure, never a silent pass, and each case first
# checks that the entry is really closed to the user.
P="$TMP/perm"
mkdir -p "$P/bin" "$P/in/closed" "$P/in/open"
cp "$NDUPES" "$P/bin/ndupes"
cp "$SAMPLES"/*-florida.txt "$SAMPLES"/trn-odesa.txt "$SAMPLES"/foxnews-odesa.txt "$P/in/open/"
cp "$SAMPLES"/internewscast-odesa.txt "$P/in/open/unreadable.txt"
cp "$SAMPLES"/*.txt "$P/in/closed/"
chmod -R a+rX "$TMP"
chmod 000 "$P/in/open/unreadable.txt" "$P/in/closed"
as_user=()
ok=1
if [ "$(id -u)" -eq 0 ]; then
  if ! command -v setpriv >/dev/null 2>&1; then
    fail "permissions: running as root and setpriv is missing: cannot drop privileges"
    ok=0
  elif ! id nobody >/dev/null 2>&1; then
    fail "permissions: running as root and there is no user 'nobody'"
    ok=0
  else
    as_user=(setpriv --reuid="$(id -u nobody)" --regid="$(id -g nobody)" --clear-groups)
  fi
fi
if [ $ok -eq 1 ]; then
  if "${as_user[@]}" cat "$P/in/open/unreadable.txt" >/dev/null 2>&1 || "${as_user[@]}" ls "$P/in/closed" >/dev/null 2>&1; then
    fail "permissions: the closed file or directory can still be read; the test would prove nothing"
  elif ! "${as_user[@]}" "$P/bin/ndupes" --version >/dev/null 2>&1; then
    fail "permissions: the copied binary does not run as the unprivileged user"
  else
    UNREAD="cgtn-florida.txt,moscowtimes-florida.txt;foxnews-odesa.txt,trn-odesa.txt"
    (cd / && timeout $T "${as_user[@]}" "$P/bin/ndupes" "$P/in/open" "$P/in/closed") >"$TMP/out" 2>"$TMP/err"
    rc=$?
    err=$(cat "$TMP/err")
    expect_eq "unlistable directory and unreadable file: exit status" 1 "$rc"
    sanitizer_clean "unlistable directory and unreadable file"
    expect_match "unlistable directory: named on stderr" "^ndupes: $(re "$P/in/closed"): .+" "$err"
    expect_match "unreadable file: named on stderr" "^ndupes: $(re "$P/in/open/unreadable.txt"): .+" "$err"
    expect_eq "unreadable file: the rest still grouped" "$UNREAD" "$(canon <"$TMP/out")"
    (cd / && timeout $T "${as_user[@]}" "$P/bin/ndupes" "$P/in/open"/*.txt) >"$TMP/out" 2>"$TMP/err"
    rc=$?
    err=$(cat "$TMP/err")
    expect_eq "unreadable file given explicitly: exit status" 1 "$rc"
    expect_match "unreadable file given explicitly: named" "^ndupes: $(re "$P/in/open/unreadable.txt"): .+" "$err"
    expect_eq "unreadable file given explicitly: the rest grouped" "$UNREAD" "$(canon <"$TMP/out")"
  fi
fi
chmod 755 "$P/in/closed"
chmod 644 "$P/in/open/unreadable.txt"

# --- output cut short: ndupes DIR | head -1 --------------------------------------------------------------
section "output cut short: ndupes DIR | head -1"
# 1,500 pairs with long names: far more output than a pipe holds, so ndupes is still writing when head
# exits.  It must end quietly (killed by SIGPIPE, or exit 0): nothing on stderr, no "Broken pipe".
B="$TMP/pairs"
mkdir "$B"
awk -v n=1500 -v dir="$B" 'BEGIN {
  srand(7); split("the of and to in a that said for on was with he it as at by from", sw, " ")
  for (i = 0; i < n; i++) {
    txt = ""
    for (p = 0; p < 4; p++) {
      line = ""
      for (w = 0; w < 40; w++)
        line = line (w ? " " : "") (w == 20 ? "\"" : "") ((w % 3 == 1) ? sw[1 + int(rand() * 18)] : "w" int(rand() * 50000)) (w == 32 ? "\"" : "")
      txt = txt line ".\n\n"
    }
    name = sprintf("%s/article-%05d-with-a-long-name-so-that-the-output-fills-the-pipe", dir, i)
    printf "%s", txt > (name "-a.txt"); close(name "-a.txt")
    printf "%s", txt > (name "-b.txt"); close(name "-b.txt")
  }
}'
# (The pipeline is not inside $(...): PIPESTATUS would then be the assignment's.)
timeout $T "$NDUPES" "$B" 2>"$TMP/err" | head -1 >"$TMP/first"
rc=${PIPESTATUS[0]}
first=$(cat "$TMP/first")
err=$(cat "$TMP/err")
case $rc in 0 | 141) pass ;; *) fail "ndupes DIR | head -1: exit status $rc (124 = hung; 141 = SIGPIPE is fine)" ;; esac
expect_eq "ndupes DIR | head -1: nothing on stderr" "" "$err"
expect_match "ndupes DIR | head -1: the first line is a path" "^$(re "$B")/article-" "$first"
timeout $T "$NDUPES" "$B" >"$TMP/out" 2>"$TMP/err"
rc=$?
expect_eq "pairs, whole output: exit status" 0 "$rc"
expect_eq "pairs, whole output: 1,500 groups" 1500 "$(grep -c '^$' "$TMP/out" | awk '{ print $1 + 1 }')"
# The same with an index: the run is committed before anything is printed, so it is stored; the
# closed stdout ends it with 141 (as SIGPIPE would), and stderr says that the run is stored and how
# to print every group.  The index can be read and used.
timeout $T "$NDUPES" --db "$TMP/cut.db" "$B" 2>"$TMP/err" | head -1 >"$TMP/first"
rc=${PIPESTATUS[0]}
err=$(cat "$TMP/err")
expect_eq "ndupes --db DB DIR | head -1: exit status (141, as SIGPIPE)" 141 "$rc"
expect_match "ndupes --db DB DIR | head -1: says the run is stored and how to list it" \
  'stdout: Broken pipe; the run is stored.*--all' "$err"
run "$NDUPES" db stats --db "$TMP/cut.db"
expect_eq "db stats after a run cut short: exit status" 0 "$rc"
sanitizer_clean "db stats after a run cut short"
expect_eq "db stats after a run cut short: nothing on stderr" "" "$err"
expect_match "db stats after a run cut short: the 3,000 articles are stored" 'articles +3000' "$out"
run "$NDUPES" --db "$TMP/cut.db" --all -f tsv
expect_eq "--all after a run cut short: the 1,500 groups" 1500 "$(cut -f1 <<<"$out" | sort -u | wc -l)"
run "$NDUPES" --db "$TMP/cut.db" "$SAMPLES"
check "a run on the index after a run cut short" 0

# --- the fuzzers' findings ---------------------------------------------------------------------------------
section "the fuzzers' findings"
# tests/fuzz/regress/<target>/ holds the inputs that once made a fuzz target fail; the ones that reach the
# tool as files are replayed here, so that the normal (sanitizer) suite keeps them tested.
REG="$SRCDIR/tests/fuzz/regress"
n=0
for f in "$REG"/reader/*; do
  [ -f "$f" ] || continue
  n=$((n + 1))
  name=regress/reader/${f##*/}
  run "$NDUPES" strip "$f"
  [ "$rc" -lt 128 ] && [ "$rc" -ne 124 ] && pass || fail "$name: ndupes strip: exit status $rc"
  sanitizer_clean "$name: ndupes strip"
  run "$NDUPES" "$f" "$SAMPLES/"
  [ "$rc" -lt 128 ] && [ "$rc" -ne 124 ] && pass || fail "$name: ndupes FILE samples/: exit status $rc"
  sanitizer_clean "$name: ndupes FILE samples/"
  expect_eq "$name: the samples still grouped" "$EXPECTED" "$(canon <"$TMP/out")"
done
# A damaged index is reported (exit 2) or used, never a crash, and a refused file is left untouched.
for f in "$REG"/dbload/*; do
  [ -f "$f" ] || continue
  n=$((n + 1))
  name=regress/dbload/${f##*/}
  rm -f "$TMP/reg.db" "$TMP/reg.db-wal" "$TMP/reg.db-shm"
  cp "$f" "$TMP/reg.db"
  run "$NDUPES" db stats --db "$TMP/reg.db"
  case $rc in 0 | 2) pass ;; *) fail "$name: db stats: exit status $rc" ;; esac
  sanitizer_clean "$name: db stats"
  if [ "$rc" -eq 2 ]; then
    if cmp -s "$f" "$TMP/reg.db"; then pass; else
      fail "$name: db stats refused the index (exit 2) but changed the file: $(cmp "$f" "$TMP/reg.db" 2>&1 | head -1)"
    fi
  fi
  cp "$f" "$TMP/reg.db"
  rm -f "$TMP/reg.db-wal" "$TMP/reg.db-shm"
  run "$NDUPES" --db "$TMP/reg.db" "$SAMPLES/trn-odesa.txt"
  case $rc in 0 | 1 | 2) pass ;; *) fail "$name: ndupes --db: exit status $rc" ;; esac
  sanitizer_clean "$name: ndupes --db"
done
# A file list is replayed from a directory like the fuzz harness's sandbox; lists naming absolute paths or
# leaving it with .. are not (they would walk the machine).
LB="$TMP/listbox"
mkdir -p "$LB/d/e" "$LB/locked"
cp "$SAMPLES/trn-odesa.txt" "$LB/a.txt"
cp "$SAMPLES/foxnews-odesa.txt" "$LB/d/b.txt"
cp "$SAMPLES/internewscast-odesa.txt" "$LB/d/e/c.txt"
ln -s . "$LB/d/loop"
ln -s ../a.txt "$LB/d/link.txt"
ln -s nowhere "$LB/d/dangling"
mkfifo "$LB/d/fifo"
for f in "$REG"/filelist/*; do
  [ -f "$f" ] || continue
  name=regress/filelist/${f##*/}
  if tr '\0' '\n' <"$f" | grep -Eq '^/|(^|/)\.\.(/|$)'; then
    echo "$name: names an absolute path or ..; replayed only by tests/fuzz/run.sh" >&2
    continue
  fi
  n=$((n + 1))
  for sep in '' -0; do
    (cd "$LB" && timeout $T "$NDUPES" $sep - <"$f") >"$TMP/out" 2>"$TMP/err"
    rc=$?
    [ "$rc" -lt 128 ] && [ "$rc" -ne 124 ] && pass || fail "$name: ndupes ${sep:+$sep }-: exit status $rc"
    sanitizer_clean "$name: ndupes ${sep:+$sep }-"
  done
done
echo "replayed $n fuzz regression inputs"

finish
