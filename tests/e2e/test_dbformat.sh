# End-to-end: an index whose fingerprints were made by another ndupes (an earlier reader or
# fingerprinter: meta 'format' differs) is rebuilt by the next run, which says so; db
# stats/prune/forget refuse it until then and leave it untouched.
. "$SRCDIR/tests/e2e/lib.sh"
python3 -c 'import sqlite3' 2>/dev/null || { echo "python3 without sqlite3: skipped"; exit 77; }

D="$TMP/in"; mkdir -p "$D"; cp samples/*.txt "$D/"
"$NDUPES" --db "$TMP/i.db" "$D" > /dev/null
expect_eq "first run stored 5 articles" "5" "$("$NDUPES" db stats --db "$TMP/i.db" | awk '/^articles/ {print $2}')"
python3 - "$TMP/i.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE meta SET value = 'fp1-k256-q96-b8r3q2-a32' WHERE key = 'format'")
db.commit()
PY
sum=$(cksum < "$TMP/i.db")
"$NDUPES" db stats --db "$TMP/i.db" > /dev/null 2> "$TMP/err"; rc=$?
expect_eq "db stats on an index of other fingerprints: exit 2" 2 "$rc"
expect_match "db stats says the next run rebuilds it" "the next run with --db rebuilds it" "$(cat "$TMP/err")"
expect_eq "db stats left it untouched" "$sum" "$(cksum < "$TMP/i.db")"
"$NDUPES" --db "$TMP/i.db" -f json "$D" > "$TMP/out" 2> "$TMP/err"; rc=$?
expect_eq "the run rebuilds it: exit 0" 0 "$rc"
expect_match "the run says so" "other fingerprints \(fp1-k256-q96-b8r3q2-a32\); rebuilt" "$(cat "$TMP/err")"
expect_eq "the run reports both groups" 2 "$(wc -l < "$TMP/out")"
expect_eq "the index holds the 5 articles again" "5" "$("$NDUPES" db stats --db "$TMP/i.db" | awk '/^articles/ {print $2}')"
"$NDUPES" --db "$TMP/i.db" "$D" > "$TMP/out2" 2> "$TMP/err2"; rc=$?
expect_eq "the next run finds nothing new" "0:" "$rc:$(cat "$TMP/out2")"
finish
