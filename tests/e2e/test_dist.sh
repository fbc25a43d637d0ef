# End-to-end: the steps of `ndupes dist` (issue #14), chained in one shell as the Dask runner chains
# them across a cluster (dist_local.sh: files stand for the shuffle), give the output of one run
# byte for byte, with the same candidate pairs and edges (counted by the steps, against the run's
# -v line): on the devset and intl (when present) and on a stress corpus whose shards cut across
# site templates, exact classes (of both kinds of key), an LSH bucket of more than BUCKET_ALL
# articles and pages the templates empty, with several numbers of shards and parts.  Then the
# refusals: damaged and cut record streams, records a step does not take, sketches of the wrong
# kind, articles no sketch holds, and the usage errors.
. "$SRCDIR/tests/e2e/lib.sh"
. "$SRCDIR/tests/e2e/dist_local.sh"
. "$SRCDIR/tests/e2e/stress_corpus.sh"
export LC_ALL=C

NDGEN=${NDGEN:-$BUILDDIR/tests/bench/ndgen}

run() {
  timeout 600 "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
  rc=$?
  out=$(cat "$TMP/out")
  err=$(cat "$TMP/err")
}

# compare NAME DIR SHARDS PARTS FORMAT
compare() {
  local name=$1 dir=$2 S=$3 P=$4 fmt=$5 want got
  timeout 600 "$NDUPES" -v -f "$fmt" "$dir" >"$TMP/run" 2>"$TMP/run.err" </dev/null
  want=$(sed -n 's/.*; \([0-9]*\) candidate pairs, \([0-9]*\) above threshold.*/\1 \2/p' "$TMP/run.err")
  timeout 600 "$NDUPES" dist list "$dir" >"$TMP/list" </dev/null
  (dist_local "$NDUPES" "$TMP/w" "$S" "$P" -f "$fmt" <"$TMP/list" >"$TMP/dist" 2>"$TMP/dist.err")
  expect_eq "$name ($S shards, $P parts): exit status" 0 "$?"
  expect_eq "$name ($S shards, $P parts): stderr" "" "$(cat "$TMP/dist.err")"
  if [ -s "$TMP/run" ] && cmp -s "$TMP/run" "$TMP/dist"; then pass; else
    fail "$name ($S shards, $P parts): -f $fmt differs from one run"
    diff "$TMP/run" "$TMP/dist" | head -5
  fi
  got=$(cat "$TMP/w/counts" 2>/dev/null)
  expect_eq "$name ($S shards, $P parts): candidate pairs and edges as the run's" "$want" "$got"
  echo "$name ($S shards, $P parts): candidates and edges: $got"
}

if [ -d "$SHARED/devset/articles" ]; then
  compare devset "$SHARED/devset/articles" 3 4 text
else
  echo "devset absent: not compared"
fi
if [ -d "$SHARED/intl/articles" ]; then
  compare intl "$SHARED/intl/articles" 3 4 tsv
else
  echo "intl absent: not compared"
fi
if [ -x "$NDGEN" ] && stress_corpus "$NDGEN" "$TMP/stress" 3000 "$SRCDIR/samples" "$SHARED"; then
  pass
  compare stress "$TMP/stress" 3 4 json
  compare stress "$TMP/stress" 5 2 tsv
  compare stress "$TMP/stress" 1 1 text
else
  fail "the stress corpus could not be made (ndgen: $NDGEN)"
fi

# --- refusals --------------------------------------------------------------------------------------
S=$SRCDIR/samples
W=$TMP/w2
mkdir -p "$W"
run "$NDUPES" sketch -o "$W/raw" "$S"
run "$NDUPES" dist paras --base 0 -p 2 -o "$W/paras" "$W/raw"
expect_eq "paras: exit status" 0 "$rc"
expect_eq "paras: two parts" "part-00000 part-00001" "$(ls "$W/paras" | paste -sd' ')"
run "$NDUPES" dist own -p 2 -o "$W/own" "$W"/paras/part-*
expect_eq "own: exit status" 0 "$rc"

# A byte changed, cut short, a record type the step does not take.
cp "$W/paras/part-00000" "$W/bad"
printf 'X' | dd of="$W/bad" bs=1 seek=20 conv=notrunc 2>/dev/null
run "$NDUPES" dist own -p 2 -o "$W/own2" "$W/bad"
expect_eq "own of a damaged stream: exit status" 2 "$rc"
expect_match "own of a damaged stream: said" "bad: a damaged record stream \(checksum of block 1\)" "$err"
expect_eq "own of a damaged stream: no part left" "" "$(ls "$W/own2" 2>/dev/null)"
head -c 30 "$W/paras/part-00000" >"$W/cut"
run "$NDUPES" dist own -p 2 -o "$W/own2" "$W/cut"
expect_eq "own of a cut stream: exit status" 2 "$rc"
expect_match "own of a cut stream: said" "cut: record stream cut short" "$err"
run "$NDUPES" dist buckets -p 2 -o "$W/b" "$W/paras/part-00000"
expect_eq "buckets given paragraphs: exit status" 2 "$rc"
expect_match "buckets given paragraphs: said" "records are not input to this step" "$err"
run "$NDUPES" dist own -p 2 -o "$W/own2" "$S/trn-odesa.txt"
expect_eq "own given an article: exit status" 2 "$rc"
expect_match "own given an article: said" "not an ndupes record stream" "$err"

# Sketches of the wrong kind, and articles no sketch holds.
run "$NDUPES" dist exact -p 2 -o "$W/x" "$W/raw"
expect_eq "exact of a sketch as read: exit status" 2 "$rc"
expect_match "exact of a sketch as read: said" "this step needs one of 'ndupes dist finalize'" "$err"
run "$NDUPES" dist finalize --base 0 -o "$W/fin" "$W/raw"
expect_eq "finalize: exit status" 0 "$rc"
run "$NDUPES" group "$W/fin"
expect_eq "group of a final sketch: exit status" 2 "$rc"
expect_match "group of a final sketch: said" "a final sketch of the distributed steps" "$err"
run "$NDUPES" dist select -o "$W/sel" "$W/fin" "$W/nothing"
expect_eq "select of nothing from a missing file: exit status" 2 "$rc"
run "$NDUPES" dist keys -p 1 -o "$W/keys" "$W/fin"
run "$NDUPES" dist buckets -p 1 -o "$W/bk" "$W/keys/part-00000"
run "$NDUPES" dist candidates -o "$W/cand" "$W/bk/part-00000"
expect_eq "candidates of the samples: exit status" 0 "$rc"
run "$NDUPES" dist need -b 0,2 -o "$W/need" "$W/cand"
expect_eq "need: exit status" 0 "$rc"
run "$NDUPES" dist select -o "$W/sel0" "$W/fin" "$W/need/part-00000"
run "$NDUPES" dist score -o "$W/edges" "$W/cand" "$W/sel0"
expect_eq "score without the articles of the second shard: exit status" 2 "$rc"
expect_match "score without the articles of the second shard: said" "name article [0-9]+, which no sketch given holds" "$err"
run "$NDUPES" dist score -o "$W/edges" "$W/cand" "$W/fin"
expect_eq "score: exit status" 0 "$rc"
run "$NDUPES" dist cluster "$W/edges" "$W/sel0"
expect_eq "cluster without the articles of the second shard: exit status" 2 "$rc"
expect_eq "cluster without the articles of the second shard: nothing on stdout" "" "$out"
run "$NDUPES" dist cluster "$W/edges" "$W/fin"
expect_eq "cluster: exit status" 0 "$rc"
expect_eq "cluster: the run's groups" "$("$NDUPES" "$S")" "$out"
run "$NDUPES" dist select -o "$W/sel1" "$W/sel0" "$W/need/part-00001"
expect_eq "select of another shard's articles: exit status" 2 "$rc"
expect_match "select of another shard's articles: said" "sel0: holds no article" "$err"

# dist list: each file once (a name given twice, a symlink), in the run's order.
mkdir -p "$W/dl"
cp "$S"/*.txt "$W/dl/"
ln -s "$W/dl/trn-odesa.txt" "$W/dl/link.txt"
timeout 20 "$NDUPES" dist list "$W/dl" "$W/dl/cgtn-florida.txt" >"$TMP/out" 2>"$TMP/err"
expect_eq "dist list: exit status" 0 "$?"
expect_eq "dist list: each file once" "cgtn-florida.txt foxnews-odesa.txt internewscast-odesa.txt link.txt moscowtimes-florida.txt" \
  "$(tr '\0' '\n' <"$TMP/out" | sed 's|.*/||' | paste -sd' ')"
run "$NDUPES" dist list "$W/dl/no-such-dir"
expect_eq "dist list of a missing path: exit status as a run's" 1 "$rc"
expect_match "dist list of a missing path: named" "no-such-dir: No such file" "$err"

# Usage.
run "$NDUPES" dist need -o "$W/n" "$W/cand"
expect_eq "need without --bounds: exit status" 2 "$rc"
run "$NDUPES" dist paras -o "$W/p" "$W/raw"
expect_eq "paras without --parts: exit status" 2 "$rc"
run "$NDUPES" dist need -b 0,2,1 -o "$W/n" "$W/cand"
expect_eq "need with bounds that do not ascend: exit status" 2 "$rc"
run "$NDUPES" dist nosuchstep
expect_eq "an unknown step: exit status" 2 "$rc"
run "$NDUPES" dist info "$W/raw"
expect_eq "info: exit status" 0 "$rc"
expect_match "info: articles, unreadable, final, settings, path" "^$(ls "$S" | wc -l)	0	0	fp[^	]*-s5	$W/raw$" "$out"

finish
