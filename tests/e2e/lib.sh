# Helpers for the end-to-end tests (tests/e2e/test_*.sh): sourced, never run alone.
: "${NDUPES:?NDUPES must name the built binary}"
: "${SRCDIR:?}"
SHARED=${SHARED:-$SRCDIR/../shared}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ndupes-e2e.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
fails=0
checks=0
pass() { checks=$((checks+1)); }
fail() { checks=$((checks+1)); fails=$((fails+1)); echo "FAIL: $*" >&2; }
# expect_eq WHAT EXPECTED ACTUAL
expect_eq() { if [ "$2" = "$3" ]; then pass; else fail "$1: expected [$2], got [$3]"; fi; }
# expect_match WHAT REGEX TEXT
expect_match() { if printf '%s' "$3" | grep -Eq -- "$2"; then pass; else fail "$1: [$3] does not match /$2/"; fi; }
finish() {
  echo "$checks checks, $fails failed"
  [ "$fails" -eq 0 ]
}
# canon: text output on stdin -> "a,b;c,d,e" (base names sorted in each group, groups sorted).
canon() {
  awk 'BEGIN { RS = ""; FS = "\n" }
       { l = ""; for (i = 1; i <= NF; i++) { b = $i; sub(/.*\//, "", b); l = l " " b }; print l }' |
    while read -r l; do printf '%s\n' $l | sort | paste -sd, -; done | sort | paste -sd';' -
}
# articles DB: the article count of `ndupes db stats`, or "rc=N: message" when it fails.
articles() {
  local s r
  s=$(timeout 30 "$NDUPES" db stats --db "$1" 2>&1)
  r=$?
  [ $r -eq 0 ] || { echo "rc=$r: $s"; return; }
  printf '%s\n' "$s" | awk '$1 == "articles" { print $2 }'
}
