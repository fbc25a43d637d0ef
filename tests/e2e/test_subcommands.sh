# End-to-end: the subcommands strip, explain and eval on the samples, and paths named like a
# subcommand.  Expectations come from the sample files themselves and samples/README.md: CGTN's
# line 1 is a cookie banner and lines 22-38 repeat the body; the Fox original and the TRN rewrite
# share Putin's quote "Our troops are advancing ..."; Odesa (foxnews, internewscast, trn) and Florida
# (cgtn, moscowtimes) are two different stories.
. "$SRCDIR/tests/e2e/lib.sh"
export LC_ALL=C

CGTN=samples/cgtn-florida.txt
FOX=samples/foxnews-odesa.txt
TRN=samples/trn-odesa.txt
MT=samples/moscowtimes-florida.txt
ODESA="foxnews-odesa.txt internewscast-odesa.txt trn-odesa.txt"
FLORIDA="cgtn-florida.txt moscowtimes-florida.txt"

run() {
  timeout 20 "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
  rc=$?
  out=$(cat "$TMP/out")
  err=$(cat "$TMP/err")
}

# --- strip ----------------------------------------------------------------------------------------
run "$NDUPES" strip --help
expect_eq "strip --help: exit status" 0 "$rc"
expect_match "strip --help: usage on stdout" '^usage: ndupes strip' "$out"
run "$NDUPES" strip
expect_eq "strip without a file: exit status" 2 "$rc"

run "$NDUPES" strip "$CGTN"
expect_eq "strip: exit status" 0 "$rc"
expect_eq "strip: stderr" "" "$err"
# Every line is "keep|drop LINE ..." or a "#" summary; a drop carries a [reason].
expect_eq "strip: every line a decision or a # summary" "" \
  "$(grep -Ev '^(keep|drop) +[0-9]+ |^#' "$TMP/out")"
expect_eq "strip: every drop has a [reason]" "" "$(grep -E '^drop' "$TMP/out" | grep -Ev '^drop +[0-9]+ +\[[^]]+\]')"
expect_match "strip: line 1 (the cookie banner) dropped, the reason naming cookies" \
  '^drop +1 +\[[^]]*cookie' "$(grep -E '^(keep|drop) +1 ' "$TMP/out")"
# CGTN has no blank lines, so each of its lines is a paragraph: one decision per non-empty line.
expect_eq "strip: one decision per line of the page" "$(grep -c . "$CGTN")" "$(grep -cE '^(keep|drop) ' "$TMP/out")"
# The line numbers are the page's: each decision's text starts like that line of the file.
bad=$(awk 'FNR == NR { line[FNR] = $0; next }
  /^(keep|drop) / {
    n = $2; t = $0; sub(/^(keep|drop) +[0-9]+ +(\[[^]]*\] +)?/, "", t)
    if (substr(t, 1, 24) != substr(line[n], 1, 24)) print "line " n ": [" substr(t, 1, 24) "] vs [" substr(line[n], 1, 24) "]"
  }' "$CGTN" "$TMP/out")
expect_eq "strip: line numbers match the page" "" "$bad"
# Lines 22-38 repeat the body: all dropped.
expect_eq "strip: the repeated second copy (lines 22-38) all dropped" "" \
  "$(awk '$1 == "keep" && $2 >= 22' "$TMP/out")"
# The body is kept: the quote "We are encouraged" (line 10) and the Abu Dhabi paragraph (line 21).
for n in 10 21; do
  expect_match "strip: body line $n kept" "^keep +$n " "$(grep -E "^(keep|drop) +$n " "$TMP/out")"
done

run "$NDUPES" strip --kept "$CGTN"
expect_eq "strip --kept: exit status" 0 "$rc"
expect_eq "strip --kept: no decision lines" "" "$(grep -E '^(keep|drop) +[0-9]' "$TMP/out")"
expect_match "strip --kept: the body is there" 'We are encouraged by this meeting' "$out"
expect_match "strip --kept: the last body paragraph is there" 'Abu Dhabi' "$out"
for chrome in 'use of cookies' '/@SEPeaceMissions' '/@kadmitriev' '/VCG' 'A screenshot of'; do
  if grep -qF -- "$chrome" "$TMP/out"; then fail "strip --kept: chrome [$chrome] kept"; else pass; fi
done
# The doubled body is kept once.
expect_eq "strip --kept: 'We are encouraged' once" 1 "$(grep -c 'We are encouraged by this meeting' "$TMP/out")"
# Kept text is the page's text (as normalised by the reader): each line starts like a line of the page.
bad=$(awk 'FNR == NR { page = page $0 "\n"; next }
  NF && !index(page, substr($0, 1, 30)) { print "[" substr($0, 1, 30) "]" }' "$CGTN" "$TMP/out")
expect_eq "strip --kept: every kept line comes from the page" "" "$bad"

# strip of two files: one summary each.
run "$NDUPES" strip "$CGTN" "$TRN"
expect_eq "strip of two files: exit status" 0 "$rc"
expect_eq "strip of two files: two summaries" 2 "$(grep -c '^# [0-9]* paragraphs' "$TMP/out")"
expect_eq "strip of two files: two languages" 2 "$(grep -c '^# language: en ' "$TMP/out")"

# --- explain --------------------------------------------------------------------------------------
run "$NDUPES" explain --help
expect_eq "explain --help: exit status" 0 "$rc"
expect_match "explain --help: usage on stdout" '^usage: ndupes explain' "$out"

QUOTE="Our troops are advancing"
la=$(grep -n -- "$QUOTE" "$FOX" | head -1 | cut -d: -f1)
lb=$(grep -n -- "$QUOTE" "$TRN" | head -1 | cut -d: -f1)
if [ -n "$la" ] && [ -n "$lb" ]; then pass; else fail "the quote [$QUOTE] is not in both $FOX and $TRN"; fi

run "$NDUPES" explain "$FOX" "$TRN"
expect_eq "explain fox trn: exit status" 0 "$rc"
expect_match "explain fox trn: says DUPLICATES" 'DUPLICATES' "$out"
expect_match "explain fox trn: shows the quote" "$QUOTE" "$out"
expect_match "explain fox trn: pairs the paragraphs holding the quote (A:$la ~ B:$lb)" \
  "A:$la +~ +B:$lb([^0-9]|\$)" "$out"
run "$NDUPES" explain "$TRN" "$FOX"
expect_eq "explain trn fox (swapped): exit status" 0 "$rc"
expect_match "explain trn fox: pairs the paragraphs holding the quote (A:$lb ~ B:$la)" \
  "A:$lb +~ +B:$la([^0-9]|\$)" "$out"
run "$NDUPES" explain "$CGTN" "$MT"
expect_eq "explain cgtn moscowtimes (same story): exit status" 0 "$rc"
expect_match "explain cgtn moscowtimes: says DUPLICATES" 'DUPLICATES' "$out"

run "$NDUPES" explain "$FOX" "$CGTN"
expect_eq "explain fox cgtn (different stories): exit status" 1 "$rc"
expect_match "explain fox cgtn: says not duplicates" '[Nn]ot duplicates' "$out"
if printf '%s' "$out" | grep -q 'DUPLICATES'; then fail "explain fox cgtn: says DUPLICATES"; else pass; fi
run "$NDUPES" explain "$FOX"
expect_eq "explain with one file: exit status" 2 "$rc"
run "$NDUPES" explain "$FOX" "$TMP/no-such-file.txt"
expect_eq "explain with a missing file: exit status" 2 "$rc"
expect_match "explain with a missing file: named" 'no-such-file\.txt' "$err"

# --- eval -----------------------------------------------------------------------------------------
run "$NDUPES" eval --help
expect_eq "eval --help: exit status" 0 "$rc"
expect_match "eval --help: usage on stdout" '^usage: ndupes eval' "$out"

# metric NAME: the value on the "NAME value" line of the last eval output.
metric() { awk -v k="$1" '$1 == k { print $2; exit }' "$TMP/out"; }
# is_one X / below_one X: numeric comparisons that fail on an empty or non-numeric X.
is_one() { awk -v x="$1" 'BEGIN { exit !(x ~ /^[0-9.]+$/ && x + 0 == 1) }'; }
below_one() { awk -v x="$1" 'BEGIN { exit !(x ~ /^[0-9.]+$/ && x + 0 < 1) }'; }

run "$NDUPES" eval tests/data/e2e/samples_truth.tsv samples
expect_eq "eval, right truth: exit status" 0 "$rc"
for k in precision recall f1; do
  v=$(metric "$k")
  if is_one "$v"; then pass; else fail "eval, right truth: $k is [$v], expected 1"; fi
done

# A wrong truth: all five in one cluster.  The two real groups are right (precision 1), the six
# Odesa x Florida pairs are split (recall 4/10 < 1) and each is listed.
for f in $ODESA $FLORIDA; do printf '%s\tall\n' "$f"; done >"$TMP/one_cluster.tsv"
run "$NDUPES" eval "$TMP/one_cluster.tsv" samples
expect_eq "eval, one-cluster truth: exit status" 0 "$rc"
v=$(metric recall)
if below_one "$v"; then pass; else fail "eval, one-cluster truth: recall is [$v], expected < 1"; fi
v=$(metric precision)
if is_one "$v"; then pass; else fail "eval, one-cluster truth: precision is [$v], expected 1"; fi
for a in $ODESA; do
  for b in $FLORIDA; do
    expect_eq "eval, one-cluster truth: split pair $a $b listed" 1 \
      "$(awk '/^split/ { s = 1; next } /^[a-z]/ { s = 0 } s' "$TMP/out" | grep -F "$a" | grep -cF "$b")"
  done
done

# Another wrong truth: every file alone.  The four grouped pairs are merged wrongly (precision < 1).
for f in $ODESA $FLORIDA; do printf '%s\t%s\n' "$f" "${f%.txt}"; done >"$TMP/singletons.tsv"
run "$NDUPES" eval "$TMP/singletons.tsv" samples
v=$(metric precision)
if below_one "$v"; then pass; else fail "eval, singleton truth: precision is [$v], expected < 1"; fi
expect_eq "eval, singleton truth: 4 merged pairs listed" 4 \
  "$(awk '/^merged/ { s = 1; next } /^[a-z]/ { s = 0 } s' "$TMP/out" | grep -c 'txt.*txt')"

# --- paths named like a subcommand ----------------------------------------------------------------
# "./strip" or a name after "--" is a file to group, not the subcommand (DESIGN.md).
cp "$TRN" "$TMP/strip"
cp "$FOX" "$TMP/a.txt"
cp "$CGTN" "$TMP/explain"
cp "$MT" "$TMP/eval"
(cd "$TMP" && timeout 20 "$NDUPES" ./strip a.txt) >"$TMP/out" 2>"$TMP/err"
expect_eq "ndupes ./strip a.txt: exit status" 0 "$?"
expect_eq "ndupes ./strip a.txt: one group of the two" "./strip a.txt" "$(sort "$TMP/out" | grep . | paste -sd' ' -)"
(cd "$TMP" && timeout 20 "$NDUPES" -- strip a.txt) >"$TMP/out" 2>"$TMP/err"
expect_eq "ndupes -- strip a.txt: exit status" 0 "$?"
expect_eq "ndupes -- strip a.txt: one group of the two" "a.txt strip" "$(sort "$TMP/out" | grep . | paste -sd' ' -)"
(cd "$TMP" && timeout 20 "$NDUPES" -- explain eval) >"$TMP/out" 2>"$TMP/err"
expect_eq "ndupes -- explain eval: exit status" 0 "$?"
expect_eq "ndupes -- explain eval: one group of the two" "eval explain" "$(sort "$TMP/out" | grep . | paste -sd' ' -)"
(cd "$TMP" && timeout 20 "$NDUPES" --format tsv -- eval ./explain strip a.txt) >"$TMP/out" 2>"$TMP/err"
expect_eq "ndupes --format tsv -- eval ./explain strip a.txt: two groups of two" 4 "$(grep -c . "$TMP/out")"
# Without ./ or --, the first word is the subcommand.
(cd "$TMP" && timeout 20 "$NDUPES" strip a.txt) >"$TMP/out" 2>"$TMP/err"
expect_match "ndupes strip a.txt: the subcommand" '^(keep|drop) +[0-9]+ ' "$(cat "$TMP/out")"

finish
