# End-to-end: the targets of issue #12 on $SHARED/intl (real pages in 11 languages, each story as its
# w3m rendering, its lynx rendering and its extracted body; truth.tsv FILE<TAB>STORY, lang.tsv
# PAGE<TAB>LANGUAGE).  The pages belong to their sites: they are read from ../shared, never copied.
#  - `ndupes eval` over all of it gives pairwise F1 >= 0.97;
#  - for every language with >= 5 pages, at least 90% of its stories are whole: all the files of the
#    story (its three renderings, six for the few stories that two pages carry) in one group;
#  - no two files of different stories are grouped.  intl has no site column, and the stories that
#    share a site (cnet.de and zdnet.de share a footer) cannot be told from the others, so every
#    merged pair counts; each is printed with the lines its two w3m pages share, to show whether it
#    is the chrome that joined them.
# A per-language table (pages, stories, whole, %) is printed so that a failing run shows where.
. "$SRCDIR/tests/e2e/lib.sh"
export LC_ALL=C

INTL="$SHARED/intl"
if [ ! -f "$INTL/truth.tsv" ] || [ ! -f "$INTL/lang.tsv" ] || [ ! -d "$INTL/articles" ]; then
  echo "skipped: $INTL (truth.tsv, lang.tsv, articles/) is absent"
  exit 77
fi
TRUTH="$INTL/truth.tsv"
LANGS="$INTL/lang.tsv"
MIN_F1=0.97
MIN_WHOLE=90 # percent of a language's stories
MIN_PAGES=5  # languages with fewer pages are listed but not held to MIN_WHOLE

# ge X Y: X >= Y numerically; false when X is empty or not a number.
ge() { awk -v x="$1" -v y="$2" 'BEGIN { exit !(x ~ /^[0-9]+(\.[0-9]+)?$/ && x + 0 >= y + 0) }'; }

labeled=$(grep -v '^#' "$TRUTH" | grep -c .)
if [ "$labeled" -gt 0 ]; then pass; else fail "$TRUTH has no labeled file"; fi

# --- ndupes eval ----------------------------------------------------------------------------------
timeout 120 "$NDUPES" eval "$TRUTH" "$INTL/articles" >"$TMP/eval" 2>"$TMP/err"
rc=$?
echo "--- ndupes eval (intl)"
sed -n '1,/^$/p' "$TMP/eval"
expect_eq "eval: exit status" 0 "$rc"
expect_match "eval: every labeled file counted" "^files +$labeled labeled" "$(grep '^files' "$TMP/eval")"
f1=$(awk '$1 == "f1" { print $2; exit }' "$TMP/eval")
if ge "$f1" "$MIN_F1"; then pass; else fail "eval: f1 is [$f1], expected >= $MIN_F1"; fi

# --- the groups, file by file ---------------------------------------------------------------------
timeout 120 "$NDUPES" --format tsv "$INTL/articles" >"$TMP/groups.tsv" 2>"$TMP/err"
rc=$?
expect_eq "grouping: exit status" 0 "$rc"
if [ -s "$TMP/err" ]; then
  echo "--- stderr of the grouping run (first lines)"
  head -5 "$TMP/err"
fi

# One awk over lang.tsv, truth.tsv and the groups.  A file's page is its name without the
# -w3m/-lynx/-body suffix; a story's language is that of its first page in truth.tsv.  Writes:
#   $TMP/table   lang pages stories whole pct    (one line a language, most pages first)
#   $TMP/merged  fileA fileB storyA storyB       (every grouped pair of two stories)
#   $TMP/pairs   tp fp fn f1                     (pairwise, as eval counts them)
awk -F '\t' -v table="$TMP/table" -v merged="$TMP/merged" -v pairs="$TMP/pairs" '
  FILENAME == ARGV[1] { if ($0 !~ /^#/ && NF >= 2) lang[$1] = $2; next }
  FILENAME == ARGV[2] {
    if ($0 ~ /^#/ || NF < 2) next
    f = $1; st[f] = $2; files[++n] = f
    if (!($2 in slang)) { p = f; sub(/-(w3m|lynx|body)\.txt$/, "", p); slang[$2] = (p in lang) ? lang[p] : "?" }
    nfiles[$2]++
    next
  }
  { k = split($3, a, "/"); grp[a[k]] = $1 }
  END {
    for (p in lang) pages[lang[p]]++
    for (i = 1; i <= n; i++) {
      f = files[i]; s = st[f]
      g = (f in grp) ? grp[f] : "alone:" f
      if (!(s in sg)) sg[s] = g
      else if (sg[s] != g) broken[s] = 1
    }
    for (s in nfiles) { l = slang[s]; stories[l]++; if (!(s in broken) && nfiles[s] > 1) whole[l]++ }
    for (l in stories)
      printf "%s %d %d %d %.1f\n", l, pages[l], stories[l], whole[l], 100 * whole[l] / stories[l] > table
    # pairs: group members against truth
    for (i = 1; i <= n; i++) if (files[i] in grp) members[grp[files[i]]] = members[grp[files[i]]] " " files[i]
    for (g in members) {
      m = split(substr(members[g], 2), mm, " ")
      for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) {
        if (st[mm[i]] == st[mm[j]]) tp++
        else { fp++; print mm[i], mm[j], st[mm[i]], st[mm[j]] > merged }
      }
    }
    for (s in nfiles) same += nfiles[s] * (nfiles[s] - 1) / 2
    fn = same - tp
    pr = tp + fp ? tp / (tp + fp) : 1; rc = tp + fn ? tp / (tp + fn) : 1
    printf "%d %d %d %.4f\n", tp, fp, fn, pr + rc ? 2 * pr * rc / (pr + rc) : 0 > pairs
  }' "$LANGS" "$TRUTH" "$TMP/groups.tsv"
touch "$TMP/merged"
sort -k2,2nr -k1,1 "$TMP/table" >"$TMP/table.sorted"

echo "--- stories whole (all renderings in one group), by language"
printf '%-6s %6s %8s %6s %7s\n' lang pages stories whole '%'
while read -r l pg ns nw pct; do
  mark=""
  [ "$pg" -ge "$MIN_PAGES" ] && ! ge "$pct" "$MIN_WHOLE" && mark="  < $MIN_WHOLE%"
  printf '%-6s %6d %8d %6d %6s%%%s\n' "$l" "$pg" "$ns" "$nw" "$pct" "$mark"
done <"$TMP/table.sorted"
while read -r l pg ns nw pct; do
  [ "$pg" -ge "$MIN_PAGES" ] || continue
  if ge "$pct" "$MIN_WHOLE"; then pass; else
    fail "language $l: $nw of $ns stories whole ($pct%), expected >= $MIN_WHOLE%"
  fi
done <"$TMP/table.sorted"

read -r tp fp fn myf1 <"$TMP/pairs"
echo "computed here: $tp pairs right, $fp merged wrongly, $fn split wrongly, f1 $myf1"
expect_eq "eval's pair counts match the groups" \
  "pairs $tp right, $fp merged wrongly, $fn split wrongly" \
  "$(grep '^pairs' "$TMP/eval" | sed -E 's/ +/ /g')"

# --- no two stories merged ------------------------------------------------------------------------
nm=$(grep -c . "$TMP/merged")
if [ "$nm" -eq 0 ]; then pass; else
  fail "$nm grouped pairs of files from different stories (shown below: the pair, its stories, and how many non-blank lines their w3m pages share)"
  sort "$TMP/merged" | head -20 | while read -r a b sa sb; do
    pa=${a%-*}; pb=${b%-*}
    shared=$(comm -12 <(grep -v '^[[:space:]]*$' "$INTL/articles/$pa-w3m.txt" | sort -u) \
      <(grep -v '^[[:space:]]*$' "$INTL/articles/$pb-w3m.txt" | sort -u) | wc -l)
    echo "  merged: $a ($sa)  $b ($sb)  shared w3m lines: $shared"
  done
  [ "$nm" -gt 20 ] && echo "  ... and $((nm - 20)) more"
fi

finish
