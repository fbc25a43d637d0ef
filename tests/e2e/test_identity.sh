# End-to-end: a file's identity in the index, and the index following the disk (issue #11, points 1
# and 2).
#  1. An article is stored under the canonical absolute path of its file: the same folder given as
#     `in`, `./in`, `$PWD/in`, through a symlinked folder, or from inside it, is one set of articles
#     (before: `in` and `$PWD/in` were stored twice, each file a duplicate of itself, and
#     `--all --omit-first -0 | xargs -0 rm` deleted every file); a hard link is the same article;
#     `db forget` takes any spelling; paths are printed canonical and absolute.
#  2. A run forgets the stored files under its paths that are gone; --all never lists a missing
#     file; a group whose representative was deleted gets another; a group with one member left is
#     no group; `--omit-first` never names the last existing copy; files elsewhere are kept.
. "$SRCDIR/tests/e2e/lib.sh"
export LC_ALL=C

# run CMD...: sets rc, out, err.
run() {
  timeout 60 "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
  rc=$?
  out=$(tr '\0' '\n' <"$TMP/out")
  err=$(cat "$TMP/err")
}
W=$TMP/work
mkdir -p "$W/in"
cp "$SRCDIR"/samples/*.txt "$W/in/"
cd "$W" || exit 2
EXPECTED="cgtn-florida.txt,moscowtimes-florida.txt;foxnews-odesa.txt,internewscast-odesa.txt,trn-odesa.txt"

# --- one folder, many spellings -------------------------------------------------------------------------
D=$TMP/i.db
run "$NDUPES" --db "$D" in
expect_eq "relative: exit status" 0 "$rc"
expect_eq "relative: the two groups" "$EXPECTED" "$(canon <<<"$out")"
expect_match "relative: paths printed canonical and absolute" "^$W/in/" "$(head -1 <<<"$out")"
run "$NDUPES" --db "$D" "$W/in"
expect_eq "absolute: exit status" 0 "$rc"
expect_eq "absolute: nothing new" "" "$out"
expect_eq "absolute: still 5 articles" 5 "$(articles "$D")"
run "$NDUPES" --db "$D" ./in/../in/
expect_eq "./in/../in/: nothing new" "" "$out"
ln -s "$W/in" "$W/link"
run "$NDUPES" --db "$D" link
expect_eq "through a symlinked folder: nothing new" "" "$out"
(cd in && timeout 60 "$NDUPES" --db "$D" . >"$TMP/out" 2>"$TMP/err")
expect_eq "from inside the folder: nothing new" "" "$(cat "$TMP/out")"
printf '%s\n' in/trn-odesa.txt "$W/in/trn-odesa.txt" link/trn-odesa.txt | timeout 60 "$NDUPES" --db "$D" - >"$TMP/out" 2>&1
expect_eq "a list of three names of one file: nothing new" "" "$(cat "$TMP/out")"
expect_eq "after every spelling: 5 articles" 5 "$(articles "$D")"
run "$NDUPES" --db "$D" --all --omit-first -0
expect_eq "--all --omit-first: three files (one a group kept)" 3 "$(tr -cd '\0' <"$TMP/out" | wc -c | tr -d ' ')"
tr '\0' '\n' <"$TMP/out" | sed 's|.*/||' | sort >"$TMP/omitted"
if grep -qx foxnews-odesa.txt "$TMP/omitted" && grep -qx trn-odesa.txt "$TMP/omitted"; then
  fail "--all --omit-first names both Odesa originals"
else pass; fi

# The same in one run: the folder by two names is read once.
run "$NDUPES" --db "$TMP/once.db" in "$W/in" link
expect_eq "one run, three names of a folder: the two groups" "$EXPECTED" "$(canon <<<"$out")"
expect_eq "one run, three names of a folder: 5 articles" 5 "$(articles "$TMP/once.db")"

# A hard link is the same file: not a new article, not a duplicate of itself.
mkdir "$W/other"
ln "$W/in/cgtn-florida.txt" "$W/other/hard-cgtn.txt"
run "$NDUPES" --db "$D" other
expect_eq "a hard link: nothing new" "" "$out"
expect_eq "a hard link: still 5 articles" 5 "$(articles "$D")"
rm "$W/other/hard-cgtn.txt"

# db forget: any spelling.
cp in/foxnews-odesa.txt in/fox-copy.txt
run "$NDUPES" --db "$D" in
expect_eq "a real copy: 6 articles" 6 "$(articles "$D")"
run "$NDUPES" db forget --db "$D" ./in/../link/fox-copy.txt
expect_eq "db forget by another spelling: exit status" 0 "$rc"
expect_match "db forget by another spelling: one forgotten" '^1 articles? forgotten' "$out"
expect_eq "db forget by another spelling: 5 articles" 5 "$(articles "$D")"
rm in/fox-copy.txt

# --- the index follows the disk -----------------------------------------------------------------------
E=$TMP/e.db
cp "$SRCDIR"/samples/*.txt "$W/other/"
run "$NDUPES" --db "$E" in
expect_eq "index of in/: 5 articles" 5 "$(articles "$E")"
run "$NDUPES" --db "$E" --all
rep=$(head -1 <<<"$out" | sed 's|.*/||')
expect_match "the first group's representative" '^(foxnews-odesa|cgtn-florida|moscowtimes-florida)\.txt$' "$rep"
# Delete the representative of the Odesa group, and one of the two Florida pages.
rm in/foxnews-odesa.txt in/moscowtimes-florida.txt
run "$NDUPES" --db "$E" --all
expect_eq "--all after deleting two files: exit status" 0 "$rc"
expect_eq "--all after deleting two files: no missing file listed" "" \
  "$(grep -e foxnews-odesa -e moscowtimes-florida <<<"$out")"
expect_eq "--all after deleting two files: the Odesa pair re-represented, Florida no group" \
  "internewscast-odesa.txt,trn-odesa.txt" "$(canon <<<"$out")"
run "$NDUPES" --db "$E" --all --omit-first
expect_eq "--omit-first never names the last Florida copy" "" "$(grep cgtn <<<"$out")"
expect_eq "--omit-first: one file of the Odesa pair" 1 "$(grep -c . <<<"$out")"
expect_eq "3 articles left in the index" 3 "$(articles "$E")"

# A run over in/ forgets what is gone under it, and only there.
E2=$TMP/e2.db
cp "$SRCDIR"/samples/foxnews-odesa.txt "$SRCDIR"/samples/moscowtimes-florida.txt in/
run "$NDUPES" --db "$E2" in other
expect_eq "index of in/ and other/: 10 articles" 10 "$(articles "$E2")"
rm in/trn-odesa.txt other/trn-odesa.txt
run "$NDUPES" --db "$E2" in
expect_eq "a run over in/: exit status" 0 "$rc"
expect_eq "a run over in/: forgets in/trn-odesa.txt only" 9 "$(articles "$E2")"
run "$NDUPES" --db "$E2" other
expect_eq "a run over other/: forgets other/trn-odesa.txt" 8 "$(articles "$E2")"
# A list of new files does not forget the older ones; a name in the list that is gone is forgotten.
printf 'A note on the weather.\n\nIt rained in the afternoon, and the evening was cold and quiet.\n' >in/new.txt
rm in/cgtn-florida.txt
printf '%s\n' in/new.txt in/cgtn-florida.txt | timeout 60 "$NDUPES" --db "$E2" - >"$TMP/out" 2>"$TMP/err"
expect_eq "a list with a name that is gone: exit status 1" 1 "$?"
expect_match "a list with a name that is gone: named" 'cgtn-florida\.txt' "$(cat "$TMP/err")"
expect_eq "a list: +1 new, -1 gone, the rest kept" 8 "$(articles "$E2")"

# --- an index of an older ndupes (schema 2: paths as given) --------------------------------------------
# Made here from a current one: its paths turned relative, and a second row for each article under
# the absolute path (the duplicates of before).  The next run upgrades it: one article a file.
if command -v python3 >/dev/null 2>&1 && python3 -c 'import sqlite3' 2>/dev/null; then
  rm -rf "$W/old"
  mkdir "$W/old"
  cp "$SRCDIR"/samples/*.txt "$W/old/"
  O=$TMP/old.db
  run "$NDUPES" --db "$O" old
  cat >"$TMP/downgrade.py" <<'EOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
prefix = sys.argv[2].encode()
c.execute("UPDATE meta SET value = 2 WHERE key = 'schema_version'")
rows = c.execute("SELECT id, path, size, mtime, chash, first_seen FROM article").fetchall()
for id_, path, size, mtime, chash, seen in rows:
    rel = bytes(path)[len(prefix):]
    c.execute("UPDATE article SET path = ? WHERE id = ?", (rel, id_))
    c.execute("INSERT INTO article(id, path, size, mtime, chash, first_seen) VALUES (?, ?, ?, ?, ?, ?)",
              (id_ + 100, bytes(path), size, mtime, chash, seen))
    c.execute("INSERT INTO fingerprint SELECT ?, fp FROM fingerprint WHERE id = ?", (id_ + 100, id_))
c.commit()
EOF
  cat >"$TMP/check.py" <<'EOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
v = c.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
rel = c.execute("SELECT count(*) FROM article WHERE substr(path, 1, 1) != x'2f'").fetchone()[0]
print(v, rel)
EOF
  python3 "$TMP/downgrade.py" "$O" "$W/"
  expect_eq "schema 2, paths relative and absolute: 10 rows for 5 files" 10 "$(articles "$O")"
  run "$NDUPES" --db "$O" old
  expect_eq "the run that upgrades it: exit status" 0 "$rc"
  expect_eq "the run that upgrades it: stderr" "" "$err"
  expect_eq "the run that upgrades it: nothing new" "" "$out"
  expect_eq "upgraded: one article a file" 5 "$(articles "$O")"
  expect_eq "upgraded: schema_version 3, every path absolute" "3 0" "$(python3 "$TMP/check.py" "$O")"
  run "$NDUPES" --db "$O" --all --omit-first
  expect_eq "upgraded: --all --omit-first, three files (no file grouped with itself)" 3 "$(grep -c . <<<"$out")"
else
  echo "SKIP: python3 with sqlite3: the schema-2 upgrade" >&2
fi

finish
