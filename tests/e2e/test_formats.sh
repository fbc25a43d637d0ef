# End-to-end: the machine-readable outputs (--format json, --format tsv, --omit-first, -0) on the
# samples, and on copies of the samples under awkward names (space, double quote, backslash, newline,
# tab, carriage return, a byte that is not UTF-8).  The expected groups are the two stories of
# samples/README.md: Odesa (foxnews, internewscast, trn) and Florida (cgtn, moscowtimes).
. "$SRCDIR/tests/e2e/lib.sh"
export LC_ALL=C

EXPECTED="cgtn-florida.txt,moscowtimes-florida.txt;foxnews-odesa.txt,internewscast-odesa.txt,trn-odesa.txt"
ALL5="cgtn-florida.txt foxnews-odesa.txt internewscast-odesa.txt moscowtimes-florida.txt trn-odesa.txt"

have_python=no
# PY: the interpreter itself (a pyenv shim costs half a second a call).
if command -v python3 >/dev/null 2>&1 &&
  PY=$(python3 -c 'import json, sys; print(sys.executable or "")' 2>/dev/null) && [ -x "$PY" ]; then
  have_python=yes
else
  echo "note: python3 not available: the JSON parse checks are skipped (the shell checks still run)"
fi

# canon: lines "GROUPID<TAB>BASENAME" on stdin -> "a,b;c,d,e" (members sorted, groups sorted).
canon_pairs() {
  sort -t "$(printf '\t')" -k1,1 -k2,2 | awk -F '\t' '
    $1 != g { if (NR > 1) print l; g = $1; l = $2; next } { l = l "," $2 } END { if (NR) print l }' |
    sort | paste -sd';' -
}

# --- text output, the reference for the representatives --------------------------------------
"$NDUPES" samples >"$TMP/text" 2>"$TMP/err"
expect_eq "text: exit status" 0 "$?"
reps=$(awk 'BEGIN { RS = ""; FS = "\n" } { print $1 }' "$TMP/text")
expect_eq "text: two representatives" 2 "$(printf '%s\n' "$reps" | grep -c .)"

# --- JSON Lines -----------------------------------------------------------------------------------
"$NDUPES" --format json samples >"$TMP/json" 2>"$TMP/err"
expect_eq "json: exit status" 0 "$?"
expect_eq "json: stderr" "" "$(cat "$TMP/err")"
expect_eq "json: one line per group" 2 "$(wc -l <"$TMP/json" | tr -d ' ')"
# Shell-level shape (independent of python): every line one object with the three keys.
expect_eq "json: every line an object" "" "$(grep -Ev '^\{.*\}$' "$TMP/json")"
expect_eq "json: every line has an integer group" "" "$(grep -Ev '"group": *[0-9]+[,}]' "$TMP/json")"
expect_eq "json: every line has a representative" "" "$(grep -Ev '"representative": *"' "$TMP/json")"
expect_eq "json: every line has members" "" "$(grep -Ev '"members": *\[ *\{' "$TMP/json")"
if [ "$have_python" = yes ]; then
  if "$PY" -c 'import json,sys; [json.loads(l) for l in sys.stdin]' <"$TMP/json" 2>"$TMP/pyerr"; then
    pass
  else
    fail "json: not valid JSON Lines: $(cat "$TMP/pyerr")"
  fi
  # Deep check: types, the representative first with score 1.0, scores in [0, 1], every path an
  # existing file; prints "GROUP<TAB>BASENAME" lines for the set comparison.
  cat >"$TMP/checkjson.py" <<'EOF'
import json, os, sys
seen_groups = set()
for n, line in enumerate(sys.stdin.buffer, 1):
    o = json.loads(line.decode("utf-8"))
    where = "line %d" % n
    assert isinstance(o, dict), where + ": not an object"
    g = o.get("group")
    assert isinstance(g, int) and not isinstance(g, bool), where + ": group is not an integer: %r" % (g,)
    assert g not in seen_groups, where + ": group %d twice" % g
    seen_groups.add(g)
    rep = o.get("representative")
    assert isinstance(rep, str), where + ": representative is not a string"
    mem = o.get("members")
    assert isinstance(mem, list) and len(mem) >= 2, where + ": members is not a list of 2 or more"
    for m in mem:
        assert isinstance(m, dict) and isinstance(m.get("path"), str), where + ": member without a path: %r" % (m,)
        s = m.get("score")
        assert isinstance(s, (int, float)) and not isinstance(s, bool) and 0.0 <= s <= 1.0, \
            where + ": score not a number in [0, 1]: %r" % (s,)
        assert os.path.isfile(m["path"]), where + ": not a file: %r" % m["path"]
    assert mem[0]["path"] == rep, where + ": the first member is not the representative"
    assert mem[0]["score"] == 1.0, where + ": the representative's score is not 1.0"
    paths = [m["path"] for m in mem]
    assert len(set(paths)) == len(paths), where + ": a member listed twice"
    for p in paths:
        print("%d\t%s" % (g, os.path.basename(p)))
EOF
  if "$PY" "$TMP/checkjson.py" <"$TMP/json" >"$TMP/json.pairs" 2>"$TMP/pyerr"; then
    pass
    expect_eq "json: groups" "$EXPECTED" "$(canon_pairs <"$TMP/json.pairs")"
    json_reps=$("$PY" -c 'import json,sys; [print(json.loads(l)["representative"]) for l in sys.stdin]' <"$TMP/json" | sort)
    expect_eq "json: the same representatives as the text output" "$(printf '%s\n' "$reps" | sort)" "$json_reps"
  else
    fail "json: $(tail -1 "$TMP/pyerr")"
  fi
else
  echo "note: skipped: JSON validity (no python3)"
fi

# --- TSV ------------------------------------------------------------------------------------------
"$NDUPES" --format tsv samples >"$TMP/tsv" 2>"$TMP/err"
expect_eq "tsv: exit status" 0 "$?"
expect_eq "tsv: stderr" "" "$(cat "$TMP/err")"
expect_eq "tsv: one line per grouped file" 5 "$(wc -l <"$TMP/tsv" | tr -d ' ')"
bad=$(awk -F '\t' 'NF != 3 || $1 !~ /^[0-9]+$/ || $2 !~ /^[0-9]+(\.[0-9]+)?$/ || $2 + 0 > 1 { print }' "$TMP/tsv")
expect_eq "tsv: every line group<TAB>score<TAB>path, score in [0,1]" "" "$bad"
bad=$(cut -f3 "$TMP/tsv" | while IFS= read -r p; do [ -f "$p" ] || echo "$p"; done)
expect_eq "tsv: every path an existing file" "" "$bad"
expect_eq "tsv: groups" "$EXPECTED" "$(awk -F '\t' '{ n = split($3, a, "/"); print $1 "\t" a[n] }' "$TMP/tsv" | canon_pairs)"
# Each group has its representative (the text output's first line) at score 1.
for r in $reps; do
  expect_eq "tsv: representative $r at score 1" 1 \
    "$(awk -F '\t' -v r="$r" '$3 == r && $2 + 0 == 1 { n++ } END { print n + 0 }' "$TMP/tsv")"
done
if [ -s "$TMP/json.pairs" ]; then
  expect_eq "tsv and json: the same group numbers and members" \
    "$(sort "$TMP/json.pairs")" "$(awk -F '\t' '{ n = split($3, a, "/"); print $1 "\t" a[n] }' "$TMP/tsv" | sort)"
fi

# --- --omit-first ---------------------------------------------------------------------------------
"$NDUPES" --omit-first samples >"$TMP/omit" 2>"$TMP/err"
expect_eq "--omit-first: exit status" 0 "$?"
expect_eq "--omit-first: stderr" "" "$(cat "$TMP/err")"
expect_eq "--omit-first: all but the two representatives" 3 "$(wc -l <"$TMP/omit" | tr -d ' ')"
expect_eq "--omit-first: no blank line" 0 "$(grep -c '^$' "$TMP/omit")"
for r in $reps; do
  if grep -qxF -- "$r" "$TMP/omit"; then fail "--omit-first lists the representative $r"; else pass; fi
done
# The omitted list plus the representatives are the five grouped files, each once.
expect_eq "--omit-first + representatives = the five samples" "$ALL5" \
  "$({ cat "$TMP/omit"; printf '%s\n' "$reps"; } | sed 's|.*/||' | sort | paste -sd' ' -)"

"$NDUPES" --omit-first -0 samples >"$TMP/omit0" 2>"$TMP/err"
expect_eq "--omit-first -0: exit status" 0 "$?"
expect_eq "--omit-first -0: three NULs" 3 "$(tr -cd '\0' <"$TMP/omit0" | wc -c | tr -d ' ')"
expect_eq "--omit-first -0: no newline" 0 "$(tr -cd '\n' <"$TMP/omit0" | wc -c | tr -d ' ')"
expect_eq "--omit-first -0: ends with NUL" '\0' "$(tail -c 1 "$TMP/omit0" | od -An -c | tr -d ' ')"
expect_eq "--omit-first -0: the same list as --omit-first" "$(cat "$TMP/omit")" "$(tr '\0' '\n' <"$TMP/omit0")"
# --null is the long spelling; the list feeds xargs -0 as the design promises.
"$NDUPES" --omit-first --null samples >"$TMP/omitnull" 2>/dev/null
if cmp -s "$TMP/omit0" "$TMP/omitnull"; then pass; else fail "--omit-first: -0 and --null differ"; fi
expect_eq "--omit-first -0 | xargs -0" "$(sort "$TMP/omit")" "$(xargs -0 -n1 <"$TMP/omit0" | sort)"

# --- awkward names ----------------------------------------------------------------------------------
W="$TMP/weird dir"
mkdir "$W"
# NAME_<sample> is the awkward name each sample is copied to.
NAME_cgtn="$W/with space.txt"
NAME_moscowtimes="$W/dq\"uote.txt"
NAME_foxnews="$W/back\\slash.txt"
NAME_internewscast="$W/new
line.txt"
NAME_trn="$W/bad$(printf '\377\376')byte.txt"
cp samples/cgtn-florida.txt "$NAME_cgtn"
cp samples/moscowtimes-florida.txt "$NAME_moscowtimes"
cp samples/foxnews-odesa.txt "$NAME_foxnews"
cp samples/internewscast-odesa.txt "$NAME_internewscast"
cp samples/trn-odesa.txt "$NAME_trn"
W2="$TMP/ctl"
mkdir "$W2"
NAME2_cgtn="$W2/ta	b.txt"
NAME2_moscowtimes="$W2/c$(printf '\r')r.txt"
cp samples/cgtn-florida.txt "$NAME2_cgtn"
cp samples/moscowtimes-florida.txt "$NAME2_moscowtimes"

# sample_of PATH: the sample base name a byte-exact awkward path stands for, or "?".
sample_of() {
  case $1 in
    "$NAME_cgtn" | "$NAME2_cgtn") echo cgtn-florida.txt ;;
    "$NAME_moscowtimes" | "$NAME2_moscowtimes") echo moscowtimes-florida.txt ;;
    "$NAME_foxnews") echo foxnews-odesa.txt ;;
    "$NAME_internewscast") echo internewscast-odesa.txt ;;
    "$NAME_trn") echo trn-odesa.txt ;;
    *) echo "?" ;;
  esac
}

# Text with -0: NUL-terminated paths, an empty record between groups; every path byte-exact.
"$NDUPES" -0 "$W" >"$TMP/w0" 2>"$TMP/err"
expect_eq "awkward names, -0: exit status" 0 "$?"
expect_eq "awkward names, -0: stderr" "" "$(cat "$TMP/err")"
expect_eq "awkward names, -0: ends with NUL" '\0' "$(tail -c 1 "$TMP/w0" | od -An -c | tr -d ' ')"
g=1 unknown=0
: >"$TMP/w0.pairs"
while IFS= read -r -d '' rec; do
  if [ -z "$rec" ]; then g=$((g + 1)); continue; fi
  s=$(sample_of "$rec")
  [ "$s" = "?" ] && { unknown=$((unknown + 1)); printf 'not one of the files: ' >&2; printf '%s' "$rec" | od -c | head -3 >&2; }
  printf '%s\t%s\n' "$g" "$s" >>"$TMP/w0.pairs"
done <"$TMP/w0"
expect_eq "awkward names, -0: every path round-trips byte for byte" 0 "$unknown"
expect_eq "awkward names, -0: groups" "$EXPECTED" "$(canon_pairs <"$TMP/w0.pairs")"

# --omit-first -0 with awkward names: three byte-exact paths, usable by xargs -0.
"$NDUPES" --omit-first -0 "$W" >"$TMP/womit0" 2>/dev/null
n=0 unknown=0
while IFS= read -r -d '' rec; do
  n=$((n + 1))
  [ "$(sample_of "$rec")" = "?" ] && unknown=$((unknown + 1))
  [ -f "$rec" ] || unknown=$((unknown + 1))
done <"$TMP/womit0"
expect_eq "awkward names, --omit-first -0: three paths" 3 "$n"
expect_eq "awkward names, --omit-first -0: byte-exact existing paths" 0 "$unknown"

# JSON: still valid JSON and valid UTF-8 whatever the path bytes, and every path recoverable: a
# valid UTF-8 path decodes to exactly its name, and a byte that is not UTF-8 is written as \udcXX
# (Python's surrogateescape; documented in output.c), so os.fsencode gives the exact bytes back.
# (The two directories are run separately: their copies of the Florida pages would form one group.)
{ "$NDUPES" --format json "$W"; echo "rc=$?"; "$NDUPES" --format json "$W2"; echo "rc=$?"; } >"$TMP/wjson.all" 2>"$TMP/err"
expect_eq "awkward names, json: exit status" "rc=0 rc=0" "$(grep '^rc=' "$TMP/wjson.all" | paste -sd' ' -)"
grep -v '^rc=' "$TMP/wjson.all" >"$TMP/wjson"
expect_eq "awkward names, json: three groups" 3 "$(wc -l <"$TMP/wjson" | tr -d ' ')"
if [ "$have_python" = yes ]; then
  if "$PY" -c 'import json,sys; [json.loads(l) for l in sys.stdin]' <"$TMP/wjson" 2>"$TMP/pyerr"; then
    pass
  else
    fail "awkward names, json: not valid JSON Lines: $(tail -1 "$TMP/pyerr")"
  fi
  cat >"$TMP/wjson.py" <<'EOF'
import json, os, sys
raw = sys.stdin.buffer.read()
text = raw.decode("utf-8")  # strict: the output must be valid UTF-8
exact = latin1 = 0
for line in text.splitlines():
    for m in json.loads(line)["members"]:
        p = m["path"]
        if os.path.lexists(os.fsencode(p)):
            exact += 1
        elif os.path.lexists(p.encode("latin-1", "strict")):
            latin1 += 1
        else:
            sys.exit("no such file for the JSON path %r" % p)
print(exact, latin1)
EOF
  expect_eq "awkward names, json: all 7 paths exact, the non-UTF-8 one too (os.fsencode)" "7 0" \
    "$("$PY" "$TMP/wjson.py" <"$TMP/wjson" 2>&1)"
else
  echo "note: skipped: JSON validity with awkward names (no python3)"
fi

# TSV: one line per file (newline, tab, CR escaped), three fields, and unescaping \\ \n \t \r gives
# the exact path back.
"$NDUPES" --format tsv "$W" >"$TMP/wtsv" 2>"$TMP/err"
expect_eq "awkward names, tsv: exit status" 0 "$?"
"$NDUPES" --format tsv "$W2" >"$TMP/wtsv2" 2>>"$TMP/err"
expect_eq "awkward names, tsv: exit status (tab, CR)" 0 "$?"
sed 's/^/W2-/' "$TMP/wtsv2" >>"$TMP/wtsv" # group ids kept apart from the first run's
expect_eq "awkward names, tsv: one line per file" 7 "$(wc -l <"$TMP/wtsv" | tr -d ' ')"
expect_eq "awkward names, tsv: three fields a line" "" "$(awk -F '\t' 'NF != 3' "$TMP/wtsv")"
expect_eq "awkward names, tsv: no raw CR" 0 "$(tr -cd '\r' <"$TMP/wtsv" | wc -c | tr -d ' ')"
: >"$TMP/wtsv.pairs"
unknown=0
while IFS="$(printf '\t')" read -r grp _score esc; do
  p=$(printf '%bx' "$esc")
  p=${p%x}
  s=$(sample_of "$p")
  if [ "$s" = "?" ]; then unknown=$((unknown + 1)); echo "tsv path does not unescape to a file: [$esc]" >&2; fi
  printf '%s\t%s\n' "$grp" "$s" >>"$TMP/wtsv.pairs"
done <"$TMP/wtsv"
expect_eq "awkward names, tsv: every path unescapes to its file" 0 "$unknown"
expect_eq "awkward names, tsv: groups" \
  "cgtn-florida.txt,moscowtimes-florida.txt;cgtn-florida.txt,moscowtimes-florida.txt;foxnews-odesa.txt,internewscast-odesa.txt,trn-odesa.txt" \
  "$(canon_pairs <"$TMP/wtsv.pairs")"

finish
