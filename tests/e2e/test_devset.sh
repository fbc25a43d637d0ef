# End-to-end: quality on the labeled devset ($SHARED/devset: 44 pages, truth.tsv FILE<TAB>CLUSTER).
# Pairwise F1 must be at least 0.95, both as `ndupes eval` reports it and as computed here from the
# groups of `ndupes --format tsv` against the truth file; no hard negative (cluster neg-*) may be
# grouped with anything.  The naive baseline is printed for the record only.
. "$SRCDIR/tests/e2e/lib.sh"
export LC_ALL=C

DEV="$SHARED/devset"
if [ ! -f "$DEV/truth.tsv" ] || [ ! -d "$DEV/articles" ]; then
  echo "skipped: $DEV (truth.tsv, articles/) is absent"
  exit 77
fi
TRUTH="$DEV/truth.tsv"
MIN_F1=0.95

# ge X Y: X >= Y numerically; false when X is empty or not a number.
ge() { awk -v x="$1" -v y="$2" 'BEGIN { exit !(x ~ /^[0-9]+(\.[0-9]+)?$/ && x + 0 >= y + 0) }'; }

labeled=$(grep -v '^#' "$TRUTH" | grep -c .)
if [ "$labeled" -gt 0 ]; then pass; else fail "$TRUTH has no labeled file"; fi

# --- ndupes eval ----------------------------------------------------------------------------------
timeout 60 "$NDUPES" eval "$TRUTH" "$DEV/articles" >"$TMP/eval" 2>"$TMP/err"
rc=$?
echo "--- ndupes eval (devset)"
cat "$TMP/eval"
expect_eq "eval: exit status" 0 "$rc"
expect_eq "eval: stderr" "" "$(cat "$TMP/err")"
expect_match "eval: every labeled file counted" "^files +$labeled labeled" "$(grep '^files' "$TMP/eval")"
f1=$(awk '$1 == "f1" { print $2; exit }' "$TMP/eval")
if ge "$f1" "$MIN_F1"; then pass; else fail "eval: f1 is [$f1], expected >= $MIN_F1"; fi

# --- the same, computed here from the groups ------------------------------------------------------
timeout 60 "$NDUPES" --format tsv "$DEV/articles" >"$TMP/groups.tsv" 2>"$TMP/err"
rc=$?
expect_eq "grouping: exit status" 0 "$rc"
expect_eq "grouping: stderr" "" "$(cat "$TMP/err")"
# Pairwise precision/recall/F1 over all pairs of labeled files (ungrouped files are singletons);
# prints "tp fp fn f1".
awk -F '\t' '
  FNR == NR { if ($0 !~ /^#/ && NF >= 2) { cl[$1] = $2; files[++n] = $1 }; next }
  { k = split($3, a, "/"); grp[a[k]] = $1 }
  END {
    for (i = 1; i <= n; i++)
      for (j = i + 1; j <= n; j++) {
        a1 = files[i]; b1 = files[j]
        same = cl[a1] == cl[b1]
        pred = (a1 in grp) && (b1 in grp) && grp[a1] == grp[b1]
        if (same && pred) tp++; else if (pred) fp++; else if (same) fn++
      }
    p = tp + fp ? tp / (tp + fp) : 1; r = tp + fn ? tp / (tp + fn) : 1
    printf "%d %d %d %.4f\n", tp, fp, fn, p + r ? 2 * p * r / (p + r) : 0
  }' "$TRUTH" "$TMP/groups.tsv" >"$TMP/mine"
read -r tp fp fn myf1 <"$TMP/mine"
echo "computed here: $tp pairs right, $fp merged wrongly, $fn split wrongly, f1 $myf1"
if ge "$myf1" "$MIN_F1"; then pass; else fail "groups vs truth: f1 is [$myf1], expected >= $MIN_F1"; fi
# eval and this computation agree on the pair counts.
expect_eq "eval's pair counts match the groups" \
  "pairs $tp right, $fp merged wrongly, $fn split wrongly" \
  "$(grep '^pairs' "$TMP/eval" | sed -E 's/ +/ /g')"

# The groups do not depend on the number of threads.
timeout 60 "$NDUPES" -j 1 --format tsv "$DEV/articles" >"$TMP/groups1.tsv" 2>/dev/null
timeout 60 "$NDUPES" -j 3 --format tsv "$DEV/articles" >"$TMP/groups3.tsv" 2>/dev/null
if cmp -s "$TMP/groups1.tsv" "$TMP/groups.tsv" && cmp -s "$TMP/groups1.tsv" "$TMP/groups3.tsv"; then
  pass
else
  fail "grouping: -j 1, -j 3 and the default -j give different output"
fi

# --- hard negatives stay alone --------------------------------------------------------------------
negs=$(awk -F '\t' '$0 !~ /^#/ && $2 ~ /^neg-/ { print $1 }' "$TRUTH")
if [ -n "$negs" ]; then pass; else fail "no neg-* file in $TRUTH"; fi
grouped=$(awk -F '\t' '{ k = split($3, a, "/"); print a[k] }' "$TMP/groups.tsv" | sort -u)
bad=""
for f in $negs; do
  if printf '%s\n' "$grouped" | grep -qxF -- "$f"; then
    bad="$bad $f ($(awk -F '\t' -v f="$f" '$1 == f { print $2 }' "$TRUTH"))"
  fi
done
expect_eq "no hard negative grouped with another file" "" "$bad"

# --- the naive baseline, for the record -----------------------------------------------------------
timeout 60 "$NDUPES" eval "$TRUTH" --baseline "$DEV/articles" >"$TMP/base" 2>"$TMP/err"
rc=$?
echo "--- ndupes eval --baseline (devset), for the record"
sed -n '1,/^$/p' "$TMP/base"
expect_eq "eval --baseline: exit status" 0 "$rc"

finish
