# End-to-end: with --db, results only after the commit (issue #11, point 4).  A run computes its
# groups, commits them, and only then prints them:
#  - when the commit (or any write to the index) fails, as on a full disk, nothing is printed, the
#    exit status is 2, stderr says the run is not stored, and the next run reports the same groups
#    (before: the groups were printed, exit 2, and reported again by the next run);
#  - when stdout fails after the commit (a full disk behind stdout), the run is stored, and stderr
#    says so and how to print every group (before: the run was rolled back, and said nothing of it).
# (`| head -1`, a reader that goes away, is in test_badinput.sh.)  A full disk is made with
# `ulimit -f` (SIGXFSZ ignored: a write past the limit fails with EFBIG).
. "$SRCDIR/tests/e2e/lib.sh"
export LC_ALL=C

S=$TMP/s
mkdir -p "$S"
cp "$SRCDIR"/samples/*-odesa.txt "$SRCDIR"/samples/*-florida.txt "$S/"
ODESA="foxnews-odesa.txt,internewscast-odesa.txt,trn-odesa.txt"
EXPECTED="cgtn-florida.txt,moscowtimes-florida.txt;$ODESA"
# limited KB CMD...: CMD with files limited to KB kilobytes; sets rc, out, err.
limited() {
  local kb=$1
  shift
  (trap '' XFSZ; ulimit -f "$kb"; exec timeout 60 "$@") >"$TMP/out" 2>"$TMP/err" </dev/null
  rc=$?
  out=$(cat "$TMP/out")
  err=$(cat "$TMP/err")
}

# --- a new index on a full disk -------------------------------------------------------------------------
D=$TMP/new.db
limited 40 "$NDUPES" --db "$D" "$S"
expect_eq "full disk, new index: exit status" 2 "$rc"
expect_eq "full disk, new index: nothing printed" "" "$out"
expect_match "full disk, new index: says the run is not stored" "new\\.db: .*the run is not stored" "$err"
limited 100000 "$NDUPES" --db "$D" "$S"
expect_eq "the next run, room enough: exit status" 0 "$rc"
expect_eq "the next run, room enough: reports the groups" "$EXPECTED" "$(canon <<<"$out")"

# --- an existing index, its WAL on a full disk ------------------------------------------------------------
D=$TMP/old.db
limited 100000 "$NDUPES" --db "$D" "$S/foxnews-odesa.txt" "$S/internewscast-odesa.txt" \
  "$S/cgtn-florida.txt" "$S/moscowtimes-florida.txt"
expect_eq "four samples indexed" 4 "$(articles "$D")"
limited 40 "$NDUPES" --db "$D" "$S"
expect_eq "full disk, a new article: exit status" 2 "$rc"
expect_eq "full disk, a new article: nothing printed" "" "$out"
expect_match "full disk, a new article: says the run is not stored" "the run is not stored" "$err"
expect_eq "full disk, a new article: the index as it was" 4 "$(articles "$D")"
limited 100000 "$NDUPES" --db "$D" "$S"
expect_eq "the next run: exit status" 0 "$rc"
expect_eq "the next run: reports the Odesa group that gained a member" "$ODESA" "$(canon <<<"$out")"

# --- stdout on a full disk, after the commit ----------------------------------------------------------------
D=$TMP/full.db
if [ -w /dev/full ]; then
  timeout 60 "$NDUPES" --db "$D" "$S" >/dev/full 2>"$TMP/err"
  rc=$?
  expect_eq "stdout on /dev/full: exit status" 2 "$rc"
  expect_match "stdout on /dev/full: says the run is stored and how to list it" \
    "stdout: No space left on device; the run is stored in the index, and 'ndupes --db .*full\\.db --all' prints" \
    "$(cat "$TMP/err")"
  expect_eq "stdout on /dev/full: the run is stored" 5 "$(articles "$D")"
  timeout 60 "$NDUPES" --db "$D" --all >"$TMP/out" 2>/dev/null
  expect_eq "stdout on /dev/full: --all prints its groups" "$EXPECTED" "$(canon <"$TMP/out")"
else
  echo "SKIP: /dev/full not writable" >&2
fi

finish
