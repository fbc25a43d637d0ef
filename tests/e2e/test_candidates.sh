# End-to-end: no article vanishes and no duplicate pair goes unseen (issue #12).
#  - a page the reader empties is fingerprinted on its whole text, and its copy is grouped;
#  - the same article with other paragraph breaks (one long line, re-wrapped, merged and
#    split paragraphs, another converter's list marks) is found among unrelated pages;
#  - the candidate index agrees with the scorer: the groups of a run are those of a run that
#    scores every pair (--exhaustive), on the samples, the devset and intl.
. "$SRCDIR/tests/e2e/lib.sh"
export LC_ALL=C.UTF-8

# canon: JSON Lines groups on stdin -> one line a group, base names sorted, groups sorted.
canon() {
  python3 -c '
import json, os, sys
gs = sorted(",".join(sorted(os.path.basename(m["path"]) for m in json.loads(l)["members"]))
            for l in sys.stdin if l.strip())
print("\n".join(gs))'
}

# 1. A page of nothing but menu lines and headlines: the reader keeps nothing.
D="$TMP/empty"; mkdir -p "$D"
printf 'Home\nNews\nSport\nWeather\n\nTop stories\nMarkets slide as rates rise\nCouncil votes on budget\n' > "$D/a.txt"
cp "$D/a.txt" "$D/b.txt"
printf 'Home\nNews\nSport\nWeather\n\nTop stories\nStorm closes the coast road\nSchools reopen on Monday\n' > "$D/c.txt"
out=$("$NDUPES" -v -f json "$D" 2>"$TMP/err" | canon)
expect_eq "emptied page and its copy grouped, the other page apart" "a.txt,b.txt" "$out"
expect_match "-v says the page was fingerprinted whole" \
  "a.txt: no article text after removing boilerplate; fingerprinted on the whole page" \
  "$(cat "$TMP/err")"

# 2. Other paragraph breaks.  The kept paragraphs of the Fox page, as one line per paragraph
#    (a), all in one line (b), re-wrapped at 60 columns with blank lines only every third
#    paragraph (c), and with every sentence on a line of its own (d); among 40 other pages.
D="$TMP/breaks"; mkdir -p "$D"
"$NDUPES" strip --kept samples/foxnews-odesa.txt > "$D/a.txt"
tr '\n' ' ' < "$D/a.txt" > "$D/b.txt"
awk '{ print; if (NR % 3 == 0) print "" }' "$D/a.txt" | fold -s -w 60 > "$D/c.txt"
sed 's/\. /.\n/g' "$D/a.txt" > "$D/d.txt"
n=0
for f in samples/cgtn-florida.txt samples/moscowtimes-florida.txt; do
  # unrelated pages: sentences of the other story, shuffled deterministically
  for s in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
    n=$((n + 1))
    "$NDUPES" strip --kept "$f" | awk -v s="$s" 'BEGIN { srand(s) } { print rand() "\t" $0 }' |
      sort | cut -f2- > "$D/other$n.txt"
  done
done
out=$("$NDUPES" -f json "$D" | canon | grep -c 'a.txt,b.txt,c.txt,d.txt$')
expect_eq "one article with four kinds of paragraph breaks is one group" 1 "$out"
for k in b c d; do
  s=$("$NDUPES" explain "$D/a.txt" "$D/$k.txt" | sed -n 's/^verdict: .*score \([0-9.]*\).*/\1/p')
  expect_match "explain a $k: a duplicate" "^(0\.[4-9]|1\.)" "$s"
done

# 3. The candidate index against scoring every pair.
agree() { # WHAT PATH...
  what=$1; shift
  "$NDUPES" -f json "$@" | canon > "$TMP/lsh"
  "$NDUPES" -f json --exhaustive "$@" | canon > "$TMP/all"
  if cmp -s "$TMP/lsh" "$TMP/all"; then pass; else
    fail "$what: groups differ from scoring every pair: $(diff "$TMP/lsh" "$TMP/all" | head -5 | tr '\n' '|')"
  fi
}
# eval --agreement scores every pair as the run does: no pair it calls duplicates is apart.
apart() { # WHAT TRUTH PATH...
  what=$1 truth=$2; shift 2
  n=$("$NDUPES" eval "$truth" --agreement "$@" | sed -n 's/.* of them left apart by the run$/&/p' |
      sed 's/.*, \([0-9]*\) of them left apart.*/\1/')
  expect_eq "$what: pairs scored as duplicates but left apart" 0 "$n"
}
apart samples tests/data/e2e/samples_truth.tsv samples/*.txt
apart "script pages" tests/data/scripts/truth.tsv tests/data/scripts/*.txt
if [ -d "$SHARED/devset/articles" ]; then apart devset "$SHARED/devset/truth.tsv" "$SHARED/devset/articles"; fi
if [ -d "$SHARED/intl/articles" ]; then apart intl "$SHARED/intl/truth.tsv" "$SHARED/intl/articles"; fi
# explain --in scores the pair as a run over those files does (samples/ holds a README too),
# and says if it groups them.
out=$("$NDUPES" explain --in samples/ samples/foxnews-odesa.txt samples/trn-odesa.txt | head -1)
expect_match "explain --in: the run's score, grouped" "^in a run over 6 files: score 1\.000.*; grouped together" "$out"
out=$("$NDUPES" explain --in samples/ samples/cgtn-florida.txt samples/trn-odesa.txt | head -1)
expect_match "explain --in: not grouped" "^in a run over 6 files: score 0\.000.*; not grouped together" "$out"
agree samples samples
agree "other breaks" "$TMP/breaks"
if [ -d "$SHARED/devset/articles" ]; then agree devset "$SHARED/devset/articles"; fi
if [ -d "$SHARED/intl/articles" ]; then agree intl "$SHARED/intl/articles"; fi
finish
