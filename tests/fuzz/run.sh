#!/bin/bash
# run.sh - builds the fuzz targets if needed and runs each for SECONDS (default 60).
#
#   tests/fuzz/run.sh [SECONDS] [TARGET...]
#
# Environment:
#   FUZZ_BUILD    the fuzz build directory (default: build-fuzz in the repository root);
#                 configured with CC=clang -DNDUPES_FUZZ=ON -DNDUPES_TESTS=OFF when absent
#   FUZZ_CORPUS   where the corpora live (default: $FUZZ_BUILD/fuzz-corpus): seeds/<target>
#                 (made once by make_corpus.sh) and <target>, which keeps what the fuzzer
#                 learns from run to run
#   FUZZ_KNOWN=1  suppress the known, already reported bugs listed in known.supp, so that
#                 a campaign can look past them; without it every finding fails the run
#   FUZZ_JOBS     fuzz this many targets at once (default 1)
#
# For each target: first the inputs of tests/fuzz/regress/<target>/ are replayed (each must
# run clean), then libFuzzer runs for SECONDS (-max_total_time) and its final line
# "Done N runs in S second(s)" is printed.  A crash, leak, timeout or failed check leaves
# the input in $FUZZ_BUILD/fuzz-artifacts/<target>-crash-... and makes the exit status 1.
# Copy a crash worth keeping into tests/fuzz/regress/<target>/.
set -u
SECONDS_EACH=${1:-60}
shift $(($# > 0 ? 1 : 0))
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(reader filelist options dbload sketch)
case $SECONDS_EACH in '' | *[!0-9]*) echo "usage: run.sh [SECONDS] [TARGET...]" >&2; exit 2 ;; esac

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD=${FUZZ_BUILD:-$ROOT/build-fuzz}
CORPUS=${FUZZ_CORPUS:-$BUILD/fuzz-corpus}
ART=$BUILD/fuzz-artifacts

# --- build ----------------------------------------------------------------------------------------
if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  CC=${CC:-clang} cmake -S "$ROOT" -B "$BUILD" -DNDUPES_FUZZ=ON -DNDUPES_TESTS=OFF >/dev/null ||
    { echo "run.sh: cmake failed" >&2; exit 2; }
fi
cmake --build "$BUILD" -j"$(nproc 2>/dev/null || echo 2)" >"$BUILD/fuzz-build.log" 2>&1 ||
  { tail -30 "$BUILD/fuzz-build.log" >&2; echo "run.sh: build failed (see $BUILD/fuzz-build.log)" >&2; exit 2; }
BIN=$BUILD/tests/fuzz
for t in "${TARGETS[@]}"; do
  [ -x "$BIN/fuzz_$t" ] || { echo "run.sh: no target fuzz_$t in $BIN (configured with -DNDUPES_FUZZ=ON?)" >&2; exit 2; }
done

# --- seeds ----------------------------------------------------------------------------------------
# Made again whenever the tool or the seed generator was rebuilt: the index schema and the
# fingerprint format change with the source, and stale seeds would only test the refusals.
if [ ! -f "$CORPUS/seeds.stamp" ] || [ "$BUILD/ndupes" -nt "$CORPUS/seeds.stamp" ] ||
   [ "$BIN/fuzz_seedgen" -nt "$CORPUS/seeds.stamp" ] || [ "$HERE/make_corpus.sh" -nt "$CORPUS/seeds.stamp" ]; then
  rm -rf "$CORPUS/seeds.tmp"
  "$HERE/make_corpus.sh" "$BUILD" "$CORPUS/seeds.tmp" >"$BUILD/fuzz-seeds.log" 2>&1 &&
    rm -rf "$CORPUS/seeds" && mv "$CORPUS/seeds.tmp" "$CORPUS/seeds" && touch "$CORPUS/seeds.stamp" ||
    { cat "$BUILD/fuzz-seeds.log" >&2; echo "run.sh: making the seed corpora failed" >&2; exit 2; }
  sed 's/^/run.sh: /' "$BUILD/fuzz-seeds.log"
fi
mkdir -p "$ART"

# --- known bugs -----------------------------------------------------------------------------------
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0"
if [ "${FUZZ_KNOWN:-0}" = 1 ] && [ -f "$HERE/known.supp" ]; then
  UBSAN_OPTIONS+=":suppressions=$HERE/known.supp"
  # "# env: NAME=VALUE" lines of known.supp tell a harness to tolerate a known finding.
  while read -r kv; do export "${kv?}"; done < <(sed -n 's/^# env: *//p' "$HERE/known.supp")
  echo "run.sh: FUZZ_KNOWN=1: these known bugs are not reported:"
  grep -Ev '^\s*(#|$)' "$HERE/known.supp" | sed 's/^/    ubsan /'
  sed -n 's/^# env: */    /p' "$HERE/known.supp"
fi

# --- run ------------------------------------------------------------------------------------------
status=0
run_target() {
  local t=$1 log=$ART/$t.log rc
  local opts=(-max_total_time="$SECONDS_EACH" -timeout=20 -rss_limit_mb=2560 -close_fd_mask=3
              -print_final_stats=1 -artifact_prefix="$ART/$t-")
  [ "$t" = options ] && [ -f "$CORPUS/seeds/options.dict" ] && opts+=(-dict="$CORPUS/seeds/options.dict")
  # Pages past 16 kB add time per run, not code paths; a database needs room for pages.
  case $t in reader) opts+=(-max_len=16384) ;; dbload | sketch) opts+=(-max_len=32768) ;; filelist | options) opts+=(-max_len=4096) ;; esac
  # Replay the regression inputs first.
  local reg=$HERE/regress/$t
  if [ -d "$reg" ] && [ -n "$(ls -A "$reg" 2>/dev/null)" ]; then
    if "$BIN/fuzz_$t" -close_fd_mask=3 -artifact_prefix="$ART/$t-regress-" "$reg"/* >"$ART/$t-regress.log" 2>&1; then
      echo "$t: $(ls -A "$reg" | wc -l) regression inputs replayed: ok"
    else
      echo "$t: REGRESSION: an input of tests/fuzz/regress/$t fails (see $ART/$t-regress.log):"
      grep -E 'ERROR|SUMMARY|check failed|Running:' "$ART/$t-regress.log" | tail -4 | sed 's/^/    /'
      return 1
    fi
  fi
  mkdir -p "$CORPUS/$t"
  "$BIN/fuzz_$t" "${opts[@]}" "$CORPUS/$t" "$CORPUS/seeds/$t" >"$log" 2>&1
  rc=$?
  local done_line
  done_line=$(grep -E '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1)
  if [ $rc -eq 0 ] && [ -n "$done_line" ]; then
    local cov
    cov=$(grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE)' "$log" | tail -1 | grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' || true)
    echo "$t: $done_line (${cov:-no coverage line}; $(ls "$CORPUS/$t" | wc -l) corpus files)"
    return 0
  fi
  echo "$t: FAILED (exit $rc) after ${done_line:-an unknown number of runs}; log: $log"
  grep -E '^(==[0-9]+==ERROR|SUMMARY|.*check failed|.*runtime error)|Test unit written to' "$log" |
    head -6 | sed 's/^/    /'
  return 1
}

pids=()
names=()
for t in "${TARGETS[@]}"; do
  if [ "${FUZZ_JOBS:-1}" -gt 1 ]; then
    while [ "$(jobs -rp | wc -l)" -ge "${FUZZ_JOBS}" ]; do sleep 1; done
    run_target "$t" >"$ART/$t.summary" &
    pids+=($!)
    names+=("$t")
  else
    run_target "$t" || status=1
  fi
done
for i in "${!pids[@]}"; do
  wait "${pids[$i]}" || status=1
  cat "$ART/${names[$i]}.summary"
done
exit $status
