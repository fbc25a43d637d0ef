# End-to-end: the representative is the original (issue #11, point 3), and each member's score is
# its best link into the group (point 8).
#
# With every file given the same mtime, so that only the text can tell: the devset's four stories
# ($SHARED/devset/key.tsv names each page's kind) must each have their `orig` page as representative,
# with and without an index (--db, then --all); the seeds' Odesa story its Fox original.  On a
# generated corpus (ndgen -m names each file's kind), the share of groups holding an original whose
# representative is that original is measured with the generator's mtimes (copies are younger) and
# with one mtime for all, and must stay above a floor well under what is measured (README: 98.7% and
# 58.9% at 20,000 articles; the rule of before, longest first, gave 21% with one mtime).  Every
# member's score is at least the threshold (a member shows its best link, not its score against the
# representative, which was 0.000 for an excerpt whose representative was the AI rewrite).
. "$SRCDIR/tests/e2e/lib.sh"
export LC_ALL=C

PY=
command -v python3 >/dev/null 2>&1 && PY=python3
if [ -z "$PY" ]; then
  echo "skipped: python3 is needed to read the JSON output"
  exit 77
fi
# reps JSON KEYFILE: "story kind" of each group's representative (KEYFILE: file<TAB>story<TAB>kind,
# matched by base name), sorted.
reps() {
  "$PY" - "$1" "$2" <<'EOF'
import json, os, sys
key = {}
for l in open(sys.argv[2]):
    if l.startswith("#") or not l.strip():
        continue
    f, story, kind = l.rstrip("\n").split("\t")[:3]
    key[os.path.basename(f)] = (story, kind)
out = []
for l in open(sys.argv[1]):
    g = json.loads(l)
    out.append(" ".join(key.get(os.path.basename(g["representative"]), ("?", "?"))))
print("\n".join(sorted(out)))
EOF
}
# min_score JSON: the lowest score of a member (the representative's 1.0 included).
min_score() { "$PY" -c 'import json, sys
print(min([m["score"] for l in open(sys.argv[1]) for m in json.loads(l)["members"]] or [1]))' "$1"; }
ge() { awk -v x="$1" -v y="$2" 'BEGIN { exit !(x ~ /^[0-9.]+$/ && x + 0 >= y + 0) }'; }

# --- the seeds, one mtime ---------------------------------------------------------------------------
S=$TMP/seeds
mkdir -p "$S"
cp "$SRCDIR"/samples/*-odesa.txt "$SRCDIR"/samples/*-florida.txt "$S/"
touch -d '2025-12-20 12:00:00' "$S"/*
timeout 60 "$NDUPES" "$S" >"$TMP/out" 2>"$TMP/err"
expect_eq "seeds, one mtime: exit status" 0 "$?"
expect_eq "seeds, one mtime: the Fox original represents the Odesa story (not the AI rewrite)" \
  foxnews-odesa.txt "$(grep -- '-odesa' "$TMP/out" | head -1 | sed 's|.*/||')"

# --- the devset, one mtime ----------------------------------------------------------------------------
DEV=$SHARED/devset
if [ -d "$DEV/articles" ] && [ -f "$DEV/key.tsv" ]; then
  D=$TMP/devset
  cp -r "$DEV/articles" "$D"
  touch -d '2024-01-01 00:00:00' "$D"/*
  timeout 60 "$NDUPES" -f json "$D" >"$TMP/dev.json" 2>"$TMP/err"
  expect_eq "devset, one mtime: exit status" 0 "$?"
  want=$(awk -F '\t' '$3 == "orig" { print $2 " orig" }' "$DEV/key.tsv" | sort)
  expect_eq "devset, one mtime: the four originals are the representatives" "$want" \
    "$(reps "$TMP/dev.json" "$DEV/key.tsv")"
  if ge "$(min_score "$TMP/dev.json")" 0.35; then pass; else
    fail "devset: a member's score is below the threshold: $(min_score "$TMP/dev.json") (best link expected)"
  fi
  # The same through an index: the groups as stored, and --all (the listing of stored groups).
  timeout 60 "$NDUPES" -f json --db "$TMP/dev.db" "$D" >"$TMP/devdb.json" 2>"$TMP/err"
  expect_eq "devset, --db: exit status" 0 "$?"
  expect_eq "devset, --db: the four originals" "$want" "$(reps "$TMP/devdb.json" "$DEV/key.tsv")"
  timeout 60 "$NDUPES" -f json --db "$TMP/dev.db" --all >"$TMP/devall.json" 2>"$TMP/err"
  expect_eq "devset, --db --all: exit status" 0 "$?"
  expect_eq "devset, --db --all: the four originals" "$want" "$(reps "$TMP/devall.json" "$DEV/key.tsv")"
  if ge "$(min_score "$TMP/devall.json")" 0.35; then pass; else
    fail "devset, --all: a member's score is below the threshold: $(min_score "$TMP/devall.json")"
  fi
  # The text is judged before the mtime: the AI rewrites and the spun copies made the oldest files,
  # the originals still represent their stories.  (Near-identical copies, as a wire copy that kept
  # every paragraph, leave the text undecided, and then the oldest is kept.)
  awk -F '\t' '$3 == "rewrite" || $3 == "spun" { print $1 }' "$DEV/key.tsv" | while read -r f; do
    touch -d '2023-01-01 00:00:00' "$D/$f"
  done
  timeout 60 "$NDUPES" -f json "$D" >"$TMP/dev2.json" 2>"$TMP/err"
  expect_eq "devset, the rewrites and spun copies oldest: still the four originals" "$want" \
    "$(reps "$TMP/dev2.json" "$DEV/key.tsv")"
else
  echo "SKIP: $DEV (articles/, key.tsv) absent: devset cases" >&2
fi

# --- the generator's copy kinds ----------------------------------------------------------------------
NDGEN=${BUILDDIR:+$BUILDDIR/tests/bench/ndgen}
BBC=$SHARED/corpus/bbc
if [ -n "$NDGEN" ] && [ -x "$NDGEN" ] && [ -d "$BBC" ]; then
  G=$TMP/gen
  if "$NDGEN" -n 3000 -s 11 -c "$BBC" -m "$TMP/manifest" "$G" >/dev/null 2>"$TMP/ndgen.err"; then
    # manifest: relpath cluster kind ...; as key: relpath, cluster, kind.
    awk -F '\t' '!/^#/ { print $1 "\t" $2 "\t" $3 }' "$TMP/manifest" >"$TMP/key"
    # share JSON: "right total" over the groups that hold exactly one original.
    share() {
      "$PY" - "$1" "$TMP/key" <<'EOF'
import json, sys
kind = {}
for l in open(sys.argv[2]):
    f, c, k = l.rstrip("\n").split("\t")
    kind[f] = k
right = total = 0
for l in open(sys.argv[1]):
    g = json.loads(l)
    ks = [kind.get(m["path"], "?") for m in g["members"]]
    if ks.count("original") != 1:
        continue
    total += 1
    right += kind.get(g["representative"]) == "original"
print(right, total)
EOF
    }
    (cd "$G" && timeout 120 "$NDUPES" -f json [0-9]*) >"$TMP/gen.json" 2>"$TMP/err"
    expect_eq "generated: exit status" 0 "$?"
    read -r right total <<<"$(share "$TMP/gen.json")"
    echo "generated, the generator's mtimes: $right of $total representatives are the original" >&2
    if [ "$total" -ge 100 ] && [ $((right * 100)) -ge $((total * 95)) ]; then pass; else
      fail "generated, its mtimes: $right of $total originals (at least 95% expected)"
    fi
    if ge "$(min_score "$TMP/gen.json")" 0.35; then pass; else
      fail "generated: a member's score is below the threshold: $(min_score "$TMP/gen.json")"
    fi
    find "$G" -name '*.txt' -exec touch -d '2024-01-01 00:00:00' {} +
    (cd "$G" && timeout 120 "$NDUPES" -f json [0-9]*) >"$TMP/gen1.json" 2>"$TMP/err"
    read -r right total <<<"$(share "$TMP/gen1.json")"
    echo "generated, one mtime: $right of $total representatives are the original" >&2
    if [ "$total" -ge 100 ] && [ $((right * 100)) -ge $((total * 50)) ]; then pass; else
      fail "generated, one mtime: $right of $total originals (at least 50% expected)"
    fi
  else
    fail "ndgen: $(cat "$TMP/ndgen.err")"
  fi
else
  echo "SKIP: ndgen or $BBC absent: generated-corpus cases" >&2
fi

finish
