# End-to-end: the five sample pages form exactly two groups, however the file names reach ndupes.
# The expected groups come from samples/README.md: the Odesa story (Fox original, Internewscast spun
# copy, TRN AI rewrite) and the Florida story (CGTN, Moscow Times).  Group and member order are free,
# so outputs are compared as sets of sets of base names.
. "$SRCDIR/tests/e2e/lib.sh"
export LC_ALL=C

ODESA="foxnews-odesa.txt,internewscast-odesa.txt,trn-odesa.txt"
FLORIDA="cgtn-florida.txt,moscowtimes-florida.txt"
EXPECTED="$FLORIDA;$ODESA" # groups sorted, members sorted

# Every sample named in the README must be here, or the expectations above are meaningless.
for f in ${ODESA//,/ } ${FLORIDA//,/ }; do
  if [ -f "samples/$f" ]; then pass; else fail "samples/$f is missing"; fi
done

# canon: text output (groups of paths separated by blank lines) on stdin ->
# "a,b;c,d,e": base names sorted within each group, groups sorted.
canon() {
  awk 'function isort(a, n,   i, j, t) {
         for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
       }
       BEGIN { RS = ""; FS = "\n" }
       { for (i = 1; i <= NF; i++) { b = $i; sub(/.*\//, "", b); m[i] = b "" }
         isort(m, NF); l = m[1]; for (i = 2; i <= NF; i++) l = l "," m[i]; g[++ng] = l }
       END { isort(g, ng); l = g[1]; for (i = 2; i <= ng; i++) l = l ";" g[i]; print l }'
}

# check_text WHAT FILE: the structure of a text output: no leading blank line, groups separated by
# exactly one blank line, every line an existing file, no file listed twice (also by another name).
check_text() {
  local what=$1 file=$2 prev=start line n=0 ids
  while IFS= read -r line || [ -n "$line" ]; do
    n=$((n + 1))
    if [ -z "$line" ]; then
      if [ "$prev" = start ]; then fail "$what: line $n: output starts with a blank line"; return; fi
      if [ "$prev" = blank ]; then fail "$what: line $n: two blank lines in a row"; return; fi
      prev=blank
    else
      if [ ! -f "$line" ]; then fail "$what: line $n: [$line] is not an existing file"; return; fi
      prev=path
    fi
  done <"$file"
  ids=$(grep -v '^$' "$file" | tr '\n' '\0' | xargs -0 -r stat -L -c '%d:%i' | sort)
  if [ "$ids" != "$(printf '%s\n' "$ids" | sort -u)" ]; then
    fail "$what: a file is listed twice: $(tr '\n' ' ' <"$file")"
    return
  fi
  pass
}

# run_case WHAT CMD...: runs CMD (a shell snippet, stdin from CMD itself), expects exit 0, empty
# stderr, the two groups, and a well-formed text output.  With -0 the text output ends each path with
# NUL (see ndupes --help): such a case is run through run_case0, which checks that and converts.
run_case() {
  local what=$1 rc
  shift
  bash -c "$*" >"$TMP/out" 2>"$TMP/err"
  rc=$?
  check_case "$what" "$rc"
}
run_case0() {
  local what=$1 rc
  shift
  bash -c "$*" >"$TMP/out0" 2>"$TMP/err"
  rc=$?
  if [ -s "$TMP/out0" ] && [ "$(tr -cd '\n' <"$TMP/out0" | wc -c)" -eq 0 ] &&
    [ "$(tail -c 1 "$TMP/out0" | od -An -c | tr -d ' ')" = '\0' ]; then
    pass
  else
    fail "$what: the output is not NUL-terminated paths: [$(od -c "$TMP/out0" | head -5)]"
  fi
  tr '\0' '\n' <"$TMP/out0" >"$TMP/out"
  check_case "$what" "$rc"
}
check_case() {
  local what=$1 rc=$2
  expect_eq "$what: exit status" 0 "$rc"
  expect_eq "$what: stderr" "" "$(cat "$TMP/err")"
  expect_eq "$what: groups" "$EXPECTED" "$(canon <"$TMP/out")"
  check_text "$what" "$TMP/out"
}

export NDUPES
run_case "ndupes samples/" '"$NDUPES" samples/'
run_case "ndupes samples" '"$NDUPES" samples'
run_case "ndupes samples/*.txt" '"$NDUPES" samples/*.txt'
run_case0 "find -print0 | ndupes -0 -" "find samples -name '*.txt' -print0 | \"\$NDUPES\" -0 -"
run_case0 "find -print0 | ndupes --null -" "find samples -name '*.txt' -print0 | \"\$NDUPES\" --null -"
run_case "ls | ndupes -" 'ls samples/*.txt | "$NDUPES" -'
run_case "ls | ndupes (no PATH, stdin a pipe)" 'ls samples/*.txt | "$NDUPES"'
run_case "ndupes < file list (no PATH, stdin a file)" 'ls samples/*.txt >"'"$TMP"'/list"; "$NDUPES" <"'"$TMP"'/list"'
run_case "the same files twice" '"$NDUPES" samples/*.txt samples/*.txt'
run_case "the same directory twice" '"$NDUPES" samples samples/'
run_case "dir + file in it" '"$NDUPES" samples samples/foxnews-odesa.txt'
run_case "file + dir holding it" '"$NDUPES" samples/cgtn-florida.txt samples'
run_case "dir + the same file by another name" '"$NDUPES" samples ./samples/trn-odesa.txt'
run_case "a file twice in the stdin list" '{ ls samples/*.txt; echo samples/trn-odesa.txt; } | "$NDUPES" -'
run_case "a CRLF list on stdin" "ls samples/*.txt | sed 's/\$/\r/' | \"\$NDUPES\" -"
run_case "a list without a final newline" 'ls samples/*.txt | head -c -1 | "$NDUPES" -'

# A walk skips hidden entries (DESIGN.md): a hidden copy of a sample, or a copy inside a hidden
# directory, would otherwise join its story's group.
mkdir -p "$TMP/walk/.git" "$TMP/walk/sub"
cp samples/*-florida.txt "$TMP/walk/"
cp samples/*-odesa.txt "$TMP/walk/sub/"
cp samples/foxnews-odesa.txt "$TMP/walk/.hidden-fox.txt"
cp samples/cgtn-florida.txt "$TMP/walk/.git/cgtn-copy.txt"
run_case "a walk with hidden copies (and a subdirectory)" '"$NDUPES" "'"$TMP"'/walk"'

# The grouping must not depend on the number of threads: byte-identical output, several runs.
"$NDUPES" -j 1 samples >"$TMP/j1" 2>&1
expect_eq "-j 1 groups" "$EXPECTED" "$(canon <"$TMP/j1")"
for run in 1 2 3; do
  "$NDUPES" -j 2 samples >"$TMP/j2" 2>&1
  if cmp -s "$TMP/j1" "$TMP/j2"; then pass; else fail "-j 1 and -j 2 differ (run $run): [$(cat "$TMP/j1")] vs [$(cat "$TMP/j2")]"; fi
done
"$NDUPES" samples >"$TMP/jdef" 2>&1
if cmp -s "$TMP/j1" "$TMP/jdef"; then pass; else fail "-j 1 and the default -j differ"; fi
"$NDUPES" -j 1 --format json samples >"$TMP/j1.json" 2>&1
"$NDUPES" --jobs=2 --format json samples >"$TMP/j2.json" 2>&1
if cmp -s "$TMP/j1.json" "$TMP/j2.json"; then pass; else fail "--format json: -j 1 and --jobs=2 differ"; fi

finish
