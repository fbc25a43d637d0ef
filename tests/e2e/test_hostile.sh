# End-to-end: a damaged or hostile index (issue #11, point 6).  Whatever FILE holds, `ndupes --db FILE`
# and `ndupes db ...` never crash, never print a non-number as a score, and never write to a file they
# refuse (exit 2, a message naming it, the file byte for byte as it was):
#  - a file that is not an SQLite database, whatever its size (a 1-byte file was overwritten);
#  - an index whose values are out of their type or range (a text group id crashed --all; a score of
#    1e300 printed "score": inf; schema_version 4294967298 read as 2; band_rows near INT64_MAX
#    overflowed), whose pages fail SQLite's quick_check, or that holds a trigger (it ran) or a view;
#  - and clear messages for a directory, a missing index, a read-only file or folder; the db
#    subcommands take the index's settings (an index made with --shingle 4 was refused).
. "$SRCDIR/tests/e2e/lib.sh"
export LC_ALL=C

if ! command -v python3 >/dev/null 2>&1 || ! python3 -c 'import sqlite3' 2>/dev/null; then
  echo "skipped: python3 with sqlite3 is needed to write hostile indexes"
  exit 77
fi
sql() {
  python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit(); c.close()' "$1" "$2"
}
run() {
  timeout 60 "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
  rc=$?
  out=$(cat "$TMP/out")
  err=$(cat "$TMP/err")
  if grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$TMP/err"; then
    fail "$*: sanitizer report: $(grep -m1 -E 'ERROR|runtime error' "$TMP/err")"
  fi
}
# refused WHAT FILE CMD...: CMD exits 2, names FILE, says something clear, leaves FILE as it was and
# makes no -wal/-shm/-journal beside it.
refused() {
  local what=$1 f=$2
  shift 2
  cp "$f" "$TMP/before"
  run "$@"
  expect_eq "$what: exit status" 2 "$rc"
  expect_match "$what: a message naming the index" "$(basename "$f")" "$err"
  if grep -qi 'not an error\|disk I/O error' <<<"$err"; then fail "$what: unclear message: $err"; else pass; fi
  if cmp -s "$f" "$TMP/before"; then pass; else fail "$what: the file was modified"; fi
  # (A read-only open of an index in WAL mode leaves SQLite's -shm: it cannot remove it.)
  case "$*" in *" db stats "*) ;; *) expect_eq "$what: no side files" "" "$(ls "$f"-* 2>/dev/null)" ;; esac
}

S=$TMP/s
mkdir -p "$S"
cp "$SRCDIR"/samples/*.txt "$S/"
GOOD=$TMP/good.db
run "$NDUPES" --db "$GOOD" "$S"
expect_eq "a good index: exit status" 0 "$rc"
fresh() { rm -f "$1" "$1"-*; cp "$GOOD" "$1"; }

# --- not an SQLite database, whatever its size ------------------------------------------------------------
for n in 1 15 100 600 5000; do
  head -c "$n" /dev/urandom >"$TMP/junk$n.db"
  refused "$n random bytes as --db" "$TMP/junk$n.db" "$NDUPES" --db "$TMP/junk$n.db" "$S"
done
printf 'x' >"$TMP/one.db"
refused "a 1-byte file as --db" "$TMP/one.db" "$NDUPES" --db "$TMP/one.db" "$S"
refused "a 1-byte file, db prune" "$TMP/one.db" "$NDUPES" db prune --db "$TMP/one.db" --max-age 1d
{ printf 'SQLite format 3\0'; head -c 2000 /dev/zero; } >"$TMP/header.db"
refused "SQLite's magic and zeros" "$TMP/header.db" "$NDUPES" --db "$TMP/header.db" "$S"

# --- values out of their type or range --------------------------------------------------------------------
H=$TMP/grp.db
fresh "$H"
sql "$H" "UPDATE article SET grp = 'abc' WHERE grp = (SELECT min(grp) FROM article);"
refused "a text group id, --all" "$H" "$NDUPES" --db "$H" --all
expect_match "a text group id: says the index is damaged" 'damaged' "$err"
mkdir "$TMP/again"
cp "$S/foxnews-odesa.txt" "$TMP/again/fox-again.txt"
cp "$S/cgtn-florida.txt" "$TMP/again/cgtn-again.txt"
refused "a text group id, a run that loads the group" "$H" "$NDUPES" --db "$H" "$TMP/again"

H=$TMP/score.db
fresh "$H"
sql "$H" "UPDATE article SET score = 1e300 WHERE grp IS NOT NULL;"
run "$NDUPES" --db "$H" --all -f json
if grep -qiE 'inf|nan' <<<"$out"; then fail "a score of 1e300: printed [$out]"; else pass; fi
expect_eq "a score of 1e300: refused (exit 2)" 2 "$rc"
expect_match "a score of 1e300: says the index is damaged" 'damaged' "$err"

H=$TMP/version.db
fresh "$H"
sql "$H" "UPDATE meta SET value = 4294967298 WHERE key = 'schema_version';"
refused "schema_version 4294967298" "$H" "$NDUPES" --db "$H" "$S"
sql "$H" "UPDATE meta SET value = '3' WHERE key = 'schema_version';"
refused "schema_version as text" "$H" "$NDUPES" --db "$H" "$S"
refused "schema_version as text, db stats" "$H" "$NDUPES" db stats --db "$H"

H=$TMP/rows.db
fresh "$H"
sql "$H" "INSERT OR REPLACE INTO meta VALUES ('band_rows', 9223372036854775000), ('recent_rows', -5), ('merge_slice', 'x');"
printf 'A note on the weather.\n\nIt rained in the afternoon, and the evening was cold and quiet.\n' >"$TMP/new.txt"
run "$NDUPES" --db "$H" "$S" "$TMP/new.txt"
expect_eq "band_rows near INT64_MAX: a run works (the counts only steer a policy)" 0 "$rc"
run "$NDUPES" --db "$H" --all
expect_eq "band_rows near INT64_MAX: then --all" 0 "$rc"

H=$TMP/blob.db
fresh "$H"
sql "$H" "UPDATE fingerprint SET fp = x'4e4601' WHERE id = (SELECT min(id) FROM article WHERE grp IS NOT NULL);"
refused "a damaged fingerprint, --all" "$H" "$NDUPES" --db "$H" --all
expect_match "a damaged fingerprint: says how to remove it" 'db forget' "$err"

H=$TMP/path.db
fresh "$H"
sql "$H" "UPDATE article SET path = 'relative/path.txt' WHERE id = (SELECT min(id) FROM article);"
refused "a relative stored path, --all" "$H" "$NDUPES" --db "$H" --all

# --- pages that fail SQLite's check ----------------------------------------------------------------------------
H=$TMP/pages.db
fresh "$H"
python3 - "$H" <<'EOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
page = c.execute("PRAGMA page_size").fetchone()[0]
root = c.execute("SELECT rootpage FROM sqlite_schema WHERE name = 'article'").fetchone()[0]
c.close()
with open(sys.argv[1], "r+b") as f:  # swap the first two cell pointers: rowids out of order
    f.seek((root - 1) * page)
    p = bytearray(f.read(page))
    assert p[0] == 13 and int.from_bytes(p[3:5], "big") >= 2
    p[8:10], p[10:12] = p[10:12], p[8:10]
    f.seek((root - 1) * page)
    f.write(p)
EOF
refused "an index whose quick_check fails" "$H" "$NDUPES" --db "$H" "$S"
expect_match "an index whose quick_check fails: says what SQLite found" 'damaged.*(order|page)' "$err"

# --- code stored in the index ------------------------------------------------------------------------------------
H=$TMP/trigger.db
fresh "$H"
sql "$H" "CREATE TABLE pwned(x); CREATE TRIGGER t AFTER UPDATE ON article BEGIN INSERT INTO pwned VALUES (1); END;
          CREATE TRIGGER t2 AFTER INSERT ON article BEGIN INSERT INTO pwned VALUES (2); END;"
refused "a trigger in the index" "$H" "$NDUPES" --db "$H" "$S" "$TMP/new.txt"
expect_eq "a trigger in the index: it did not run" 0 \
  "$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM pwned").fetchone()[0])' "$H")"
H=$TMP/view.db
fresh "$H"
sql "$H" "CREATE VIEW v AS SELECT * FROM article;"
refused "a view in the index" "$H" "$NDUPES" --db "$H" "$S"

# --- clear messages ------------------------------------------------------------------------------------------------
mkdir "$TMP/adir"
for cmd in "--db $TMP/adir $S" "db stats --db $TMP/adir" "db prune --db $TMP/adir --max-age 1d"; do
  run "$NDUPES" $cmd
  expect_eq "a directory as the index ($cmd): exit status" 2 "$rc"
  expect_match "a directory as the index ($cmd): says so" 'adir: is a directory' "$err"
done
run "$NDUPES" db prune --db "$TMP/missing.db" --max-age 1d
expect_eq "db prune of a missing index: exit status" 2 "$rc"
expect_match "db prune of a missing index: says so" 'missing\.db: no index here' "$err"
expect_eq "db prune of a missing index: creates nothing" "" "$(ls "$TMP"/missing.db* 2>/dev/null)"

NOBODY=()
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
  NOBODY=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
RO=$TMP/ro
mkdir -m 777 "$RO"
chmod 755 "$TMP"
cp -r "$S" "$RO/s"
chmod -R a+rX "$RO/s"
cp "$GOOD" "$RO/index.db"
chmod 444 "$RO/index.db"
if "${NOBODY[@]}" sh -c "test ! -w '$RO/index.db'"; then
  run "${NOBODY[@]}" "$NDUPES" --db "$RO/index.db" "$RO/s"
  expect_eq "a read-only index: exit status" 2 "$rc"
  expect_match "a read-only index: says so" 'index\.db: the index is read-only' "$err"
  chmod 666 "$RO/index.db"
  chmod 555 "$RO"
  run "${NOBODY[@]}" "$NDUPES" --db "$RO/index.db" "$RO/s"
  expect_eq "an index in a read-only folder: exit status" 2 "$rc"
  expect_match "an index in a read-only folder: says so" 'the folder .* is read-only' "$err"
  run "${NOBODY[@]}" "$NDUPES" db stats --db "$RO/index.db"
  expect_match "an index in a read-only folder: db stats says why it cannot read it (WAL)" \
    'index\.db: .*read-only' "$err"
  chmod 777 "$RO"
else
  echo "SKIP: cannot make a file read-only for this user: read-only cases" >&2
fi

# --- db subcommands take the index's settings ------------------------------------------------------------------------
K=$TMP/k4.db
run "$NDUPES" --shingle 4 --db "$K" "$S"
expect_eq "an index made with --shingle 4" 0 "$rc"
run "$NDUPES" db stats --db "$K"
expect_eq "db stats on a --shingle 4 index: exit status" 0 "$rc"
expect_match "db stats on a --shingle 4 index: 5 articles" 'articles +5' "$out"
run "$NDUPES" db forget --db "$K" "$S/trn-odesa.txt"
expect_eq "db forget on a --shingle 4 index: exit status" 0 "$rc"
run "$NDUPES" db prune --db "$K" --max-age 1d
expect_eq "db prune on a --shingle 4 index: exit status" 0 "$rc"
run "$NDUPES" --db "$K" "$S"
expect_eq "a run with the default --shingle on a --shingle 4 index: refused" 2 "$rc"
expect_match "a run with another --shingle: says which" 'shingle 4, not 5' "$err"

finish
