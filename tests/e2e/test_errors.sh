# End-to-end: usage errors, --help/--version, and inputs that cannot be read or are not text (a
# missing file, an unreadable file, a FIFO, a binary file, devices).  The contract (DESIGN.md,
# "Command-line contract"): exit 0 done; 1 done but some inputs could not be read, each named on
# stderr as "ndupes: PATH: reason"; 2 usage error, with "ndupes: try 'ndupes --help'"; stdout only
# results.  The groups of the readable samples are the two stories of samples/README.md.
. "$SRCDIR/tests/e2e/lib.sh"
export LC_ALL=C

EXPECTED="cgtn-florida.txt,moscowtimes-florida.txt;foxnews-odesa.txt,internewscast-odesa.txt,trn-odesa.txt"

canon() {
  awk 'function isort(a, n,   i, j, t) {
         for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
       }
       BEGIN { RS = ""; FS = "\n" }
       { for (i = 1; i <= NF; i++) { b = $i; sub(/.*\//, "", b); m[i] = b "" }
         isort(m, NF); l = m[1]; for (i = 2; i <= NF; i++) l = l "," m[i]; g[++ng] = l }
       END { isort(g, ng); l = g[1]; for (i = 2; i <= ng; i++) l = l ";" g[i]; print l }'
}

# run CMD...: runs with a 20 s guard; sets rc, out, err.  124 means it hung.
run() {
  timeout 20 "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
  rc=$?
  out=$(cat "$TMP/out")
  err=$(cat "$TMP/err")
}

# --- usage errors ---------------------------------------------------------------------------------
# usage_error WHAT OPTION_REGEX ARGS...: exit 2, nothing on stdout, the option named on stderr with
# the "ndupes:" prefix and the pointer to --help.
usage_error() {
  local what=$1 re=$2
  shift 2
  run "$NDUPES" "$@"
  expect_eq "$what: exit status" 2 "$rc"
  expect_eq "$what: stdout" "" "$out"
  expect_match "$what: stderr has the ndupes: prefix" '^ndupes: ' "$err"
  expect_match "$what: stderr points to --help" "try 'ndupes --help'" "$err"
  [ -n "$re" ] && expect_match "$what: stderr names the option" "$re" "$err"
}
usage_error "unknown long option" -- '--no-such-option' --no-such-option samples
usage_error "unknown short option" -- '-x' -x samples
usage_error "-t 0" '--threshold|-t' -t 0 samples
usage_error "-t 2" '--threshold|-t' -t 2 samples
usage_error "-t abc" '--threshold|-t' -t abc samples
usage_error "-t -0.5" '--threshold|-t' -t -0.5 samples
usage_error "-t 0.5x" '--threshold|-t' -t 0.5x samples
usage_error "-t ''" '--threshold|-t' -t '' samples
usage_error "-t nan" '--threshold|-t' -t nan samples
usage_error "--threshold=1.5" '--threshold' --threshold=1.5 samples
usage_error "-j 0" '--jobs|-j' -j 0 samples
usage_error "-j x" '--jobs|-j' -j x samples
usage_error "-j -1" '--jobs|-j' -j -1 samples
usage_error "-j 1.5" '--jobs|-j' -j 1.5 samples
usage_error "-j 2x" '--jobs|-j' -j 2x samples
usage_error "-j 99999999999999999999" '--jobs|-j' -j 99999999999999999999 samples
usage_error "--format xml" '--format|-f' --format xml samples
usage_error "--format=" '--format|-f' --format= samples
usage_error "-t without a value" '--threshold|-t' -t
usage_error "--format without a value" '--format|-f' --format

# Valid edge values are accepted.
run "$NDUPES" -t 1 samples
expect_eq "-t 1: exit status" 0 "$rc"
run "$NDUPES" --threshold=0.35 -j 1 --jobs=2 samples
expect_eq "--threshold=0.35 -j 1 --jobs=2: exit status" 0 "$rc"
expect_eq "--threshold=0.35 (the default): groups" "$EXPECTED" "$(canon <"$TMP/out")"

# --- --help, --version ----------------------------------------------------------------------------
for h in --help -h; do
  run "$NDUPES" "$h"
  expect_eq "$h: exit status" 0 "$rc"
  expect_eq "$h: stderr" "" "$err"
  expect_match "$h: usage on stdout" '^usage: ndupes' "$out"
  expect_match "$h: lists --format" '--format' "$out"
done
for v in --version -V; do
  run "$NDUPES" "$v"
  expect_eq "$v: exit status" 0 "$rc"
  expect_eq "$v: stderr" "" "$err"
  expect_match "$v: 'ndupes X.Y.Z' on stdout" '^ndupes [0-9]+\.[0-9]+\.[0-9]+' "$out"
done

# --- a missing file -------------------------------------------------------------------------------
run "$NDUPES" samples/cgtn-florida.txt samples/no-such-page.txt samples/foxnews-odesa.txt \
  samples/internewscast-odesa.txt samples/moscowtimes-florida.txt samples/trn-odesa.txt
expect_eq "missing file: exit status" 1 "$rc"
expect_match "missing file: named on stderr as 'ndupes: PATH: reason'" \
  '^ndupes: samples/no-such-page\.txt: .+' "$err"
expect_eq "missing file: one diagnostic" 1 "$(grep -c . "$TMP/err")"
expect_eq "missing file: the other samples still grouped" "$EXPECTED" "$(canon <"$TMP/out")"
run "$NDUPES" -q samples/no-such-page.txt samples
expect_eq "missing file, -q: exit status still 1" 1 "$rc"
expect_eq "missing file, -q: groups" "$EXPECTED" "$(canon <"$TMP/out")"
expect_eq "missing file, -q: no diagnostic (--help: 'no diagnostics except fatal errors')" "" "$err"

# --- an unreadable file ---------------------------------------------------------------------------
# As root, mode 000 does not stop a read: run ndupes as nobody.  The test must not pass silently, so a
# missing setpriv is a failure, and the file is checked to be really unreadable first.
U="$TMP/unreadable"
mkdir "$U"
cp samples/*.txt "$U/"
chmod 000 "$U/internewscast-odesa.txt"
as_user=()
BIN=$NDUPES
if [ "$(id -u)" -eq 0 ]; then
  if ! command -v setpriv >/dev/null 2>&1; then
    fail "unreadable file: running as root and setpriv is missing: cannot drop privileges"
  elif ! id nobody >/dev/null 2>&1; then
    fail "unreadable file: running as root and there is no user 'nobody'"
  else
    as_user=(setpriv --reuid="$(id -u nobody)" --regid="$(id -g nobody)" --clear-groups)
    chmod a+rx "$TMP" "$U"
    chmod a+r "$U"/*-florida.txt "$U"/foxnews-odesa.txt "$U"/trn-odesa.txt
    if ! "${as_user[@]}" "$BIN" --version >/dev/null 2>&1; then
      mkdir "$TMP/bin"
      cp "$NDUPES" "$TMP/bin/ndupes"
      chmod a+rx "$TMP/bin" "$TMP/bin/ndupes"
      BIN=$TMP/bin/ndupes
    fi
  fi
fi
if [ "$(id -u)" -ne 0 ] || [ ${#as_user[@]} -gt 0 ]; then
  if "${as_user[@]}" cat "$U/internewscast-odesa.txt" >/dev/null 2>&1; then
    fail "unreadable file: the mode-000 file can still be read; the test would prove nothing"
  elif ! "${as_user[@]}" cat "$U/trn-odesa.txt" >/dev/null 2>&1; then
    fail "unreadable file: the readable copies cannot be read either (permissions of $TMP?)"
  else
    (cd / && timeout 20 "${as_user[@]}" "$BIN" "$U") >"$TMP/out" 2>"$TMP/err"
    rc=$?
    expect_eq "unreadable file: exit status" 1 "$rc"
    expect_match "unreadable file: named on stderr" \
      "^ndupes: $U/+internewscast-odesa\.txt: .+" "$(cat "$TMP/err")"
    expect_eq "unreadable file: the other four still grouped" \
      "cgtn-florida.txt,moscowtimes-florida.txt;foxnews-odesa.txt,trn-odesa.txt" "$(canon <"$TMP/out")"
    # The same given explicitly.
    (cd / && timeout 20 "${as_user[@]}" "$BIN" "$U"/*.txt) >"$TMP/out" 2>"$TMP/err"
    rc=$?
    expect_eq "unreadable file, explicit: exit status" 1 "$rc"
    expect_match "unreadable file, explicit: named on stderr" \
      "^ndupes: $U/internewscast-odesa\.txt: .+" "$(cat "$TMP/err")"
    expect_eq "unreadable file, explicit: the other four still grouped" \
      "cgtn-florida.txt,moscowtimes-florida.txt;foxnews-odesa.txt,trn-odesa.txt" "$(canon <"$TMP/out")"
  fi
fi
chmod 644 "$U/internewscast-odesa.txt"

# --- FIFOs, binary files, devices -----------------------------------------------------------------
# rand_bytes SEED N: N pseudo-random bytes, the same every run (bash's RANDOM, seeded), so that the
# check is deterministic.  Uniformly random bytes are the plainest "not text" there is.
rand_bytes() {
  local i b s=""
  RANDOM=$1
  for ((i = 0; i < $2; i++)); do printf -v b '\\x%02x' $((RANDOM % 256)); s+=$b; done
  printf "$s"
}

# A directory with the samples and a FIFO: the walk skips the FIFO without reading it (no hang) and,
# non-regular files being skipped by design, this is a clean run.
F="$TMP/withfifo"
mkdir "$F"
cp samples/*.txt "$F/"
mkfifo "$F/pipe.txt"
run "$NDUPES" "$F"
expect_eq "dir with a FIFO: exit status (124 = hung)" 0 "$rc"
expect_eq "dir with a FIFO: stderr" "" "$err"
expect_eq "dir with a FIFO: groups" "$EXPECTED" "$(canon <"$TMP/out")"

# The same directory with binary files as well: no hang, the samples grouped, the binaries in no
# group; exit 1 exactly when something is named on stderr.
cp /bin/ls "$F/elf.txt"
rand_bytes 1 4096 >"$F/random.txt"
run "$NDUPES" "$F"
expect_eq "dir with a FIFO and binaries: groups" "$EXPECTED" "$(canon <"$TMP/out")"
case $rc in
  0) expect_eq "dir with a FIFO and binaries: exit 0, so nothing on stderr" "" "$err" ;;
  1) expect_match "dir with a FIFO and binaries: exit 1, so a file is named on stderr" "^ndupes: $F/" "$err" ;;
  *) fail "dir with a FIFO and binaries: exit status $rc (124 = hung)" ;;
esac
if printf '%s' "$err" | grep -q 'pipe\.txt'; then
  fail "dir with a FIFO and binaries: the FIFO is reported, but a walk skips non-regular files: $err"
else
  pass
fi

# Binary files given explicitly: each named on stderr as skipped, not grouped, exit 1.
for seed in 1 2 3 4; do rand_bytes "$seed" 4096 >"$TMP/random-$seed.txt"; done
run "$NDUPES" "$F/elf.txt" "$TMP"/random-*.txt samples/*.txt
expect_eq "explicit binaries: exit status" 1 "$rc"
expect_eq "explicit binaries: groups" "$EXPECTED" "$(canon <"$TMP/out")"
for b in "$F/elf.txt" "$TMP"/random-*.txt; do
  expect_match "explicit binary ${b##*/}: named as skipped" "^ndupes: $b: .*skipped" "$err"
done

# A FIFO given explicitly: skipped with a message, never opened for reading (which would block).
run "$NDUPES" "$F/pipe.txt" samples/*.txt
expect_eq "explicit FIFO: exit status (124 = hung)" 1 "$rc"
expect_match "explicit FIFO: named as skipped" "^ndupes: $F/pipe\.txt: .*skipped" "$err"
expect_eq "explicit FIFO: groups" "$EXPECTED" "$(canon <"$TMP/out")"
# ... and through the stdin list.
printf '%s\0' "$F/pipe.txt" samples/*.txt >"$TMP/list0"
timeout 20 "$NDUPES" -0 - <"$TMP/list0" >"$TMP/out" 2>"$TMP/err"
rc=$?
expect_eq "FIFO in a -0 stdin list: exit status (124 = hung)" 1 "$rc"
expect_match "FIFO in a -0 stdin list: named" "^ndupes: $F/pipe\.txt: " "$(cat "$TMP/err")"
expect_eq "FIFO in a -0 stdin list: groups" "$EXPECTED" "$(tr '\0' '\n' <"$TMP/out" | canon)"

# Devices given explicitly: /dev/zero never ends and /dev/null is empty; neither may hang, and the
# samples are still grouped.
for dev in /dev/null /dev/zero; do
  [ -e "$dev" ] || { fail "$dev is missing"; continue; }
  run "$NDUPES" "$dev" samples
  case $rc in
    0) expect_eq "$dev: exit 0, so nothing on stderr" "" "$err" ;;
    1) expect_match "$dev: exit 1, so it is named on stderr" "^ndupes: $dev: " "$err" ;;
    *) fail "$dev: exit status $rc (124 = hung)" ;;
  esac
  expect_eq "$dev: groups" "$EXPECTED" "$(canon <"$TMP/out")"
done
run "$NDUPES" /dev/null /dev/zero
case $rc in 0 | 1) pass ;; *) fail "/dev/null /dev/zero alone: exit status $rc (124 = hung)" ;; esac
expect_eq "/dev/null /dev/zero alone: stdout" "" "$out"

finish
