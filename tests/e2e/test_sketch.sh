# End-to-end: `ndupes sketch` and `ndupes group` (issue #14).  A list of files cut into three
# contiguous shards, each sketched on its own, then grouped, gives the output of one run over the
# list, byte for byte, in every format: on the devset, on intl (each when present) and on a corpus
# made by ndgen.  A sketch is the same bytes when made again (another -j, another time); sketches of
# different settings are refused (exit 2, both named, nothing printed); a damaged, cut or lengthened
# sketch is refused whole (exit 2, nothing printed); a file that cannot be read makes `sketch` and
# then `group` exit 1 with the run's groups; a path in two sketches is read once.
. "$SRCDIR/tests/e2e/lib.sh"
export LC_ALL=C

NDGEN=${NDGEN:-$BUILDDIR/tests/bench/ndgen}
GEN_N=${NDUPES_TEST_GEN_N:-20000}

run() {
  timeout 600 "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
  rc=$?
  out=$(cat "$TMP/out")
  err=$(cat "$TMP/err")
}

# shards NAME LIST: cuts the NUL-terminated LIST into three contiguous shards and sketches each
# ($TMP/NAME.0 .. .2, the first from its paths as operands, the others from stdin with -0).
shards() {
  local name=$1 list=$2 n i lo hi
  n=$(tr -cd '\0' <"$list" | wc -c)
  for i in 0 1 2; do
    lo=$((i * n / 3)) hi=$(((i + 1) * n / 3))
    tr '\0' '\n' <"$list" | awk -v lo="$lo" -v hi="$hi" 'NR > lo && NR <= hi' >"$TMP/$name.list.$i"
  done
  mapfile -t first <"$TMP/$name.list.0"
  timeout 600 "$NDUPES" sketch -q -o "$TMP/$name.0" "${first[@]}" </dev/null
  echo $? >"$TMP/$name.rc.0"
  for i in 1 2; do
    tr '\n' '\0' <"$TMP/$name.list.$i" | timeout 600 "$NDUPES" sketch -q -0 -o "$TMP/$name.$i" -
    echo $? >"$TMP/$name.rc.$i"
  done
}

# same_as_run NAME DIR: the groups of the three sketches of DIR equal those of one run over DIR.
same_as_run() {
  local name=$1 dir=$2 fmt
  timeout 600 "$NDUPES" dist list "$dir" >"$TMP/$name.files" </dev/null
  expect_eq "$name: dist list exit status" 0 "$?"
  expect_eq "$name: dist list names each file once" \
    "$(tr '\0' '\n' <"$TMP/$name.files" | sort | uniq -d | wc -l)" 0
  shards "$name" "$TMP/$name.files"
  expect_eq "$name: sketch exit statuses" "0 0 0" "$(cat "$TMP/$name".rc.* | paste -sd' ')"
  for fmt in text json tsv omit; do
    local opts=(-f "$fmt")
    [ "$fmt" = omit ] && opts=(--omit-first -0)
    timeout 600 "$NDUPES" "${opts[@]}" "$dir" >"$TMP/$name.run.$fmt" 2>/dev/null </dev/null
    local rr=$?
    timeout 600 "$NDUPES" group "${opts[@]}" "$TMP/$name".[012] >"$TMP/$name.group.$fmt" 2>"$TMP/err" </dev/null
    expect_eq "$name: group ${opts[*]}: exit status as the run's" "$rr" "$?"
    expect_eq "$name: group ${opts[*]}: stderr" "" "$(cat "$TMP/err")"
    if [ -s "$TMP/$name.run.$fmt" ] && cmp -s "$TMP/$name.run.$fmt" "$TMP/$name.group.$fmt"; then pass; else
      fail "$name: group ${opts[*]} differs from one run ($(wc -c <"$TMP/$name.run.$fmt") vs $(wc -c <"$TMP/$name.group.$fmt") bytes)"
      diff "$TMP/$name.run.$fmt" "$TMP/$name.group.$fmt" | head -5
    fi
  done
  echo "$name: $(tr -cd '\0' <"$TMP/$name.files" | wc -c) files, $(grep -c . "$TMP/$name.run.tsv") grouped, sketches $(cat "$TMP/$name".[012] | wc -c) bytes"
}

# --- the three corpora -----------------------------------------------------------------------------
if [ -d "$SHARED/devset/articles" ]; then
  same_as_run devset "$SHARED/devset/articles"
else
  echo "devset absent: not compared"
fi
if [ -d "$SHARED/intl/articles" ]; then
  same_as_run intl "$SHARED/intl/articles"
else
  echo "intl absent: not compared"
fi
CORPUS_OPT=(-c "$SHARED/corpus/bbc:$SRCDIR/samples")
if [ -x "$NDGEN" ]; then
  timeout 600 "$NDGEN" -n "$GEN_N" -s 14 -j 2 "${CORPUS_OPT[@]}" "$TMP/gen" 2>"$TMP/err" </dev/null
  expect_eq "ndgen: exit status" 0 "$?"
  same_as_run gen "$TMP/gen"
else
  fail "no ndgen at $NDGEN"
fi

# --- the samples: the small cases ------------------------------------------------------------------
S=$SRCDIR/samples
run "$NDUPES" sketch -o "$TMP/a.sk" "$S/foxnews-odesa.txt" "$S/internewscast-odesa.txt"
expect_eq "sketch: exit status" 0 "$rc"
expect_eq "sketch: nothing on stdout" "" "$out"
run "$NDUPES" sketch -o "$TMP/b.sk" "$S/trn-odesa.txt" "$S/cgtn-florida.txt" "$S/moscowtimes-florida.txt"
run "$NDUPES" group "$TMP/a.sk" "$TMP/b.sk"
expect_eq "group of the samples: exit status" 0 "$rc"
expect_eq "group of the samples: the run's groups" \
  "$("$NDUPES" "$S/foxnews-odesa.txt" "$S/internewscast-odesa.txt" "$S/trn-odesa.txt" "$S/cgtn-florida.txt" "$S/moscowtimes-florida.txt")" "$out"

# Stable: the same bytes again, with another -j, after touching nothing but the clock.
run "$NDUPES" sketch -j 1 -o "$TMP/a2.sk" "$S/foxnews-odesa.txt" "$S/internewscast-odesa.txt"
if cmp -s "$TMP/a.sk" "$TMP/a2.sk"; then pass; else fail "sketch: not the same bytes when made again"; fi
timeout 20 "$NDUPES" sketch -o - "$S/foxnews-odesa.txt" "$S/internewscast-odesa.txt" >"$TMP/stdout.sk" </dev/null
if cmp -s "$TMP/a.sk" "$TMP/stdout.sk"; then pass; else fail "sketch -o -: not the bytes of -o FILE"; fi
expect_match "sketch: names the settings" 'fp[0-9]+-rd[0-9]+-.*-s5' "$(timeout 20 "$NDUPES" dist info "$TMP/a.sk")"
expect_match "sketch: the paths as given" "$S/foxnews-odesa.txt" "$(tr -c '[:print:]' '\n' <"$TMP/a.sk")"

# Other settings: refused before anything is read, both files named, nothing printed.
run "$NDUPES" sketch --shingle 4 -o "$TMP/b4.sk" "$S/trn-odesa.txt" "$S/cgtn-florida.txt"
expect_eq "sketch --shingle 4: exit status" 0 "$rc"
run "$NDUPES" group "$TMP/a.sk" "$TMP/b4.sk"
expect_eq "group of other settings: exit status" 2 "$rc"
expect_eq "group of other settings: nothing on stdout" "" "$out"
expect_match "group of other settings: both files named" "b4\.sk: .*other settings.*-s4.*a\.sk.*-s5" "$err"
run "$NDUPES" group "$TMP/a.sk" - <"$TMP/b4.sk"
timeout 20 "$NDUPES" group "$TMP/a.sk" - <"$TMP/b4.sk" >"$TMP/out" 2>"$TMP/err"
expect_eq "group of other settings, one on stdin: exit status" 2 "$?"
expect_eq "group of other settings, one on stdin: nothing on stdout" "" "$(cat "$TMP/out")"

# Damaged: a byte changed anywhere, cut short anywhere, bytes added, empty, not a sketch.
size=$(wc -c <"$TMP/b.sk")
for at in 0 9 20 40 60 $((size / 3)) $((size / 2)) $((size - 30)) $((size - 1)); do
  cp "$TMP/b.sk" "$TMP/bad.sk"
  orig=$(od -An -tu1 -j "$at" -N1 "$TMP/bad.sk" | tr -d ' ')
  printf "$(printf '\\%03o' $(((orig + 1) % 256)))" | dd of="$TMP/bad.sk" bs=1 seek="$at" conv=notrunc 2>/dev/null
  run "$NDUPES" group "$TMP/a.sk" "$TMP/bad.sk"
  expect_eq "a byte changed at $at: exit status" 2 "$rc"
  expect_eq "a byte changed at $at: nothing on stdout" "" "$out"
  expect_match "a byte changed at $at: said" "bad\.sk: (a damaged sketch|not an ndupes sketch|a sketch of a newer format)" "$err"
  # Each check on its own: the header's, an article's, the whole file's.
  case $at in
  0) expect_match "a byte changed at 0: the magic" "not an ndupes sketch" "$err" ;;
  20) expect_match "a byte changed at 20: the header's checksum" "the checksum of its header" "$err" ;;
  $((size / 2))) expect_match "a byte changed at $at: the article's checksum" "the checksum of article [0-9]+" "$err" ;;
  $((size - 1))) expect_match "a byte changed at $at: the whole file's checksum" "the checksum of the whole file" "$err" ;;
  esac
done
for len in 0 7 30 100 $((size / 2)) $((size - 24)) $((size - 1)); do
  head -c "$len" "$TMP/b.sk" >"$TMP/cut.sk"
  run "$NDUPES" group "$TMP/a.sk" "$TMP/cut.sk"
  expect_eq "cut at $len bytes: exit status" 2 "$rc"
  expect_eq "cut at $len bytes: nothing on stdout" "" "$out"
  expect_match "cut at $len bytes: said" "cut\.sk: (a damaged sketch|not an ndupes sketch)" "$err"
done
{ cat "$TMP/b.sk"; printf x; } >"$TMP/long.sk"
run "$NDUPES" group "$TMP/a.sk" "$TMP/long.sk"
expect_eq "a byte added: exit status" 2 "$rc"
expect_match "a byte added: said" "long\.sk: a damaged sketch: bytes after its end" "$err"
run "$NDUPES" group "$S/foxnews-odesa.txt"
expect_eq "an article given as a sketch: exit status" 2 "$rc"
expect_match "an article given as a sketch: said" "foxnews-odesa\.txt: not an ndupes sketch" "$err"
run "$NDUPES" group "$TMP/nonexistent.sk"
expect_eq "a sketch that does not exist: exit status" 2 "$rc"

# Unreadable inputs: sketch says so and exits 1; group exits 1 with the run's groups.
run "$NDUPES" sketch -o "$TMP/c.sk" "$S/trn-odesa.txt" "$TMP/no-such-file.txt" "$S/cgtn-florida.txt" "$S/moscowtimes-florida.txt"
expect_eq "sketch with a missing file: exit status" 1 "$rc"
expect_match "sketch with a missing file: named" "no-such-file\.txt" "$err"
run "$NDUPES" group "$TMP/a.sk" "$TMP/c.sk"
expect_eq "group of a sketch with a missing file: exit status" 1 "$rc"
expect_match "group of a sketch with a missing file: said" "c\.sk: 1 inputs could not be read" "$err"
expect_eq "group of a sketch with a missing file: the run's groups" \
  "$("$NDUPES" "$S/foxnews-odesa.txt" "$S/internewscast-odesa.txt" "$S/trn-odesa.txt" "$S/cgtn-florida.txt" "$S/moscowtimes-florida.txt")" "$out"

# A path in two sketches is one article, as a file given twice to a run.
run "$NDUPES" group "$TMP/a.sk" "$TMP/b.sk" "$TMP/a.sk"
expect_eq "a sketch given twice: exit status" 0 "$rc"
expect_eq "a sketch given twice: the groups of once" "$("$NDUPES" group "$TMP/a.sk" "$TMP/b.sk")" "$out"
expect_match "a sketch given twice: said" "foxnews-odesa\.txt: named in an earlier sketch" "$err"

# Usage.
run "$NDUPES" sketch "$S/trn-odesa.txt"
expect_eq "sketch without -o: exit status" 2 "$rc"
run "$NDUPES" group
expect_eq "group without a sketch: exit status" 2 "$rc"
run "$NDUPES" group --omit-first -f json "$TMP/a.sk"
expect_eq "group --omit-first -f json: exit status" 2 "$rc"
for cmd in sketch group dist; do
  run "$NDUPES" "$cmd" --help
  expect_eq "$cmd --help: exit status" 0 "$rc"
  expect_match "$cmd --help: usage on stdout" "^usage: ndupes $cmd" "$out"
done

finish
