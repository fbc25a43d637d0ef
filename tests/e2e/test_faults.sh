# End-to-end: the plain faults of issue #11, point 8.
#  - A duration needs a unit (90s, 30m, 12h, 7d, 2w): a bare number (`--max-age 7` was 7 seconds,
#    and forgot the whole index) and an unknown unit (7D) exit 2 with a message that lists the units.
#  - `eval` exits 2 when no file given has a truth line (it printed F1 1.0), and says which truth
#    lines name no file given.
#  - The index and its -wal/-shm/-journal files are never inputs, even inside the folder walked
#    (the second run read the index as an article, and exited 1).
#  - Text output to a terminal shows control characters escaped (raw when piped); TSV escapes
#    every control character.
#  - `explain` names the signal that decided.
#  - `db stats` counts a member left alone by a forget in no group.
#  - --help, the man page and the README say what a member's score is (its best link into the
#    group) and what a duration looks like.
. "$SRCDIR/tests/e2e/lib.sh"
export LC_ALL=C

run() {
  timeout 60 "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
  rc=$?
  out=$(cat "$TMP/out")
  err=$(cat "$TMP/err")
}
S=$TMP/s
mkdir -p "$S"
cp "$SRCDIR"/samples/*-odesa.txt "$SRCDIR"/samples/*-florida.txt "$S/"

# --- durations -------------------------------------------------------------------------------------------
run "$NDUPES" --db "$TMP/d.db" "$S"
for bad in 7 7D 1M 0d 7days d 1.5d -7d; do
  run "$NDUPES" --db "$TMP/d.db" --max-age "$bad" "$S"
  expect_eq "--max-age $bad: exit status" 2 "$rc"
  expect_match "--max-age $bad: lists the units" "'$bad' is not a duration: .*s, m, h, d or w \\(90s, 30m, 12h, 7d, 2w\\)" "$err"
  run "$NDUPES" db prune --db "$TMP/d.db" --max-age "$bad"
  expect_eq "db prune --max-age $bad: exit status" 2 "$rc"
  expect_match "db prune --max-age $bad: lists the units" 's, m, h, d or w' "$err"
done
for good in 90s 30m 12h 7d 2w; do
  run "$NDUPES" --db "$TMP/d.db" --max-age "$good" "$S"
  expect_eq "--max-age $good: exit status" 0 "$rc"
done
run "$NDUPES" db stats --db "$TMP/d.db"
expect_match "after the refused durations: nothing forgotten" 'articles +5' "$out"

# --- eval -----------------------------------------------------------------------------------------------------
printf 'foxnews-odesa.txt\todesa\ntrn-odesa.txt\todesa\ngone-missing.txt\todesa\ncgtn-florida.txt\tflorida\n' >"$TMP/truth.tsv"
mkdir "$TMP/empty"
run "$NDUPES" eval "$TMP/truth.tsv" "$TMP/empty"
expect_eq "eval with no file: exit status" 2 "$rc"
expect_match "eval with no file: says there is nothing to measure" 'nothing to measure' "$err"
expect_eq "eval with no file: no figures" "" "$(grep -E '^f1' <<<"$out")"
cp "$SRCDIR/samples/README.md" "$TMP/empty/unlabelled.txt"
run "$NDUPES" eval "$TMP/truth.tsv" "$TMP/empty"
expect_eq "eval with no labelled file: exit status" 2 "$rc"
run "$NDUPES" eval "$TMP/truth.tsv" "$S"
expect_eq "eval with a truth line naming no file: exit status" 0 "$rc"
expect_match "eval with a truth line naming no file: names it" "truth\\.tsv: no file given for the truth line 'gone-missing\\.txt'" "$err"
expect_match "eval: the figures" '^f1 +1\.0000' "$(grep '^f1' <<<"$out")"

# --- the index inside the folder walked ---------------------------------------------------------------------------
I=$TMP/inside
mkdir "$I"
cp "$S"/*.txt "$I/"
for k in 1 2 3; do
  run "$NDUPES" --db "$I/index.db" "$I"
  expect_eq "the index inside the folder, run $k: exit status" 0 "$rc"
  expect_eq "the index inside the folder, run $k: stderr" "" "$err"
done
run "$NDUPES" db stats --db "$I/index.db"
expect_match "the index inside the folder: only the articles stored" 'articles +5' "$out"
# Given by name, too (and its -wal, -shm): skipped, not an input.
touch "$I/index.db-journal"
run "$NDUPES" --db "$I/index.db" "$I/index.db" "$I/index.db-journal" "$S"
expect_eq "the index given as an input: exit status" 0 "$rc"
expect_eq "the index given as an input: stderr" "" "$err"

# --- control characters in names ----------------------------------------------------------------------------------
C=$TMP/ctl
mkdir "$C"
esc=$(printf 'esc\033[31mred-odesa.txt')
cp "$S/foxnews-odesa.txt" "$C/$esc"
cp "$S/foxnews-odesa.txt" "$C/$(printf 'bell\007-odesa.txt')"
run "$NDUPES" "$C"
expect_eq "piped text: exit status" 0 "$rc"
if grep -q "$(printf '\033')" "$TMP/out"; then pass; else fail "piped text: names not raw"; fi
run "$NDUPES" -f tsv "$C"
if LC_ALL=C grep -q '[[:cntrl:]]' <(tr -d '\t\n' <"$TMP/out"); then fail "tsv: a raw control character: $(cat -v "$TMP/out")"; else pass; fi
expect_match "tsv: ESC escaped" 'esc\\x1b\[31mred-odesa\.txt' "$out"
expect_match "tsv: BEL escaped" 'bell\\x07-odesa\.txt' "$out"
if command -v script >/dev/null 2>&1 && script -qec true /dev/null >/dev/null 2>&1; then
  script -qec "'$NDUPES' '$C'" /dev/null >"$TMP/tty" 2>&1 </dev/null
  if grep -q "$(printf '\033')" "$TMP/tty"; then fail "text on a terminal: a raw ESC: $(cat -v "$TMP/tty")"; else pass; fi
  expect_match "text on a terminal: ESC shown escaped" 'esc\\x1b\[31mred-odesa\.txt' "$(cat "$TMP/tty")"
  script -qec "'$NDUPES' --omit-first '$C'" /dev/null >"$TMP/tty" 2>&1 </dev/null
  if grep -q "$(printf '[\033\007]')" "$TMP/tty"; then fail "--omit-first on a terminal: a raw control character"; else pass; fi
else
  echo "SKIP: script(1) cannot make a terminal: the terminal cases" >&2
fi

# --- explain names the deciding signal ---------------------------------------------------------------------------
run "$NDUPES" explain "$S/foxnews-odesa.txt" "$S/trn-odesa.txt"
expect_match "explain, an AI rewrite: decided by the quotes" '^decided by: the direct quotes' "$(grep '^decided by' <<<"$out")"
run "$NDUPES" explain "$S/foxnews-odesa.txt" "$S/internewscast-odesa.txt"
expect_match "explain, a spun copy: decided by containment" '^decided by: containment: .* of A.s text is found in B' "$(grep '^decided by' <<<"$out")"
run "$NDUPES" explain "$S/foxnews-odesa.txt" "$S/cgtn-florida.txt"
expect_eq "explain, another story: exit status" 1 "$rc"
expect_match "explain, another story: why not" '^why not: none' "$(grep '^why not' <<<"$out")"

# --- db stats after a forget -------------------------------------------------------------------------------------
run "$NDUPES" --db "$TMP/f.db" "$S"
run "$NDUPES" db forget --db "$TMP/f.db" "$S/cgtn-florida.txt"
run "$NDUPES" db stats --db "$TMP/f.db"
expect_match "db stats after a forget: one group" '^groups +1$' "$(grep '^groups' <<<"$out")"
expect_match "db stats after a forget: three in groups (the Florida page left alone is in none)" \
  '^in groups +3$' "$(grep '^in groups' <<<"$out")"

# --- what the documents say --------------------------------------------------------------------------------------
run "$NDUPES" --help
help=$out
for doc in help "$SRCDIR/README.md" "$SRCDIR/docs/ndupes.1"; do
  if [ "$doc" = help ]; then text=$help; else text=$(sed 's/\\-/-/g; s/\\f[BIR]//g' "$doc"); fi
  name=${doc##*/}
  expect_match "$name: a member's score is its best link into the group" 'best link' "$(tr '\n' ' ' <<<"$text" | tr -s ' ')"
  expect_match "$name: the units of a duration" '90s, 30m, 12h, 7d, 2w' "$(tr '\n' ' ' <<<"$text" | tr -s ' ')"
done

finish
