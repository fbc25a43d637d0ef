# End-to-end: contrib/dask/ndupes-dask on a local Dask cluster of 2 workers (issue #14) prints the
# groups of one run, byte for byte: on the devset and intl (when present) and on the stress corpus
# of stress_corpus.sh (templates at their vote threshold across shards, exact classes, a large
# bucket), in the run's formats, from folders and from a NUL-separated list on stdin; an unreadable
# input is named and makes the exit status 1, as in a run; a failing step makes it 2.  Skipped (77)
# where no python3 can import Dask's distributed (Debian: python3-distributed).
. "$SRCDIR/tests/e2e/lib.sh"
. "$SRCDIR/tests/e2e/stress_corpus.sh"
export LC_ALL=C

PY=
for p in /usr/bin/python3 python3; do
  if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import distributed' 2>/dev/null; then
    PY=$p
    break
  fi
done
if [ -z "$PY" ]; then
  echo "skipped: no python3 with Dask distributed (apt-get install python3-distributed)"
  exit 77
fi
RUNNER=$SRCDIR/contrib/dask/ndupes-dask
NDGEN=${NDGEN:-$BUILDDIR/tests/bench/ndgen}
export TMPDIR=$TMP # the workers' temporary folders and Dask's own go with the test's

# dask NAME EXPECTED-STATUS RUNNER-ARGS... : runs the runner, compares with $TMP/run and its status.
dask() {
  local name=$1 want=$2
  shift 2
  timeout 600 "$PY" "$RUNNER" --ndupes "$NDUPES" --workers 2 "$@" >"$TMP/dask" 2>"$TMP/dask.err"
  local rc=$?
  expect_eq "$name: exit status" "$want" "$rc"
  if [ -s "$TMP/run" ] && cmp -s "$TMP/run" "$TMP/dask"; then pass; else
    fail "$name: differs from one run ($(wc -c <"$TMP/run") vs $(wc -c <"$TMP/dask") bytes)"
    head -5 "$TMP/dask.err"
  fi
}

if [ -d "$SHARED/devset/articles" ]; then
  timeout 60 "$NDUPES" "$SHARED/devset/articles" >"$TMP/run" 2>/dev/null
  dask "devset" 0 "$SHARED/devset/articles"
  expect_eq "devset: stderr as the run's" "$(timeout 60 "$NDUPES" "$SHARED/devset/articles" 2>&1 >/dev/null)" \
    "$(cat "$TMP/dask.err")"
else
  echo "devset absent: not compared"
fi
if [ -d "$SHARED/intl/articles" ]; then
  timeout 60 "$NDUPES" -f tsv "$SHARED/intl/articles" >"$TMP/run" 2>/dev/null
  dask "intl -f tsv" 0 -f tsv -q "$SHARED/intl/articles"
else
  echo "intl absent: not compared"
fi
S=$SRCDIR/samples
if [ -x "$NDGEN" ] && stress_corpus "$NDGEN" "$TMP/stress" 3000 "$SRCDIR/samples" "$SHARED"; then
  timeout 60 "$NDUPES" -f json "$TMP/stress" >"$TMP/run" 2>/dev/null
  dask "stress -f json" 0 -f json -q "$TMP/stress"
  dask "stress -f json, 3 shards, 5 parts" 0 -f json -q --shards 3 --parts 5 "$TMP/stress"
  find "$TMP/stress" -name '*.txt' -print0 | sort -z >"$TMP/list"
  timeout 60 "$NDUPES" --omit-first -0 - <"$TMP/list" >"$TMP/run" 2>/dev/null
  timeout 600 "$PY" "$RUNNER" --ndupes "$NDUPES" --workers 2 -q --omit-first -0 - <"$TMP/list" >"$TMP/dask" 2>"$TMP/dask.err"
  expect_eq "stress, a list on stdin: exit status" 0 "$?"
  if [ -s "$TMP/run" ] && cmp -s "$TMP/run" "$TMP/dask"; then pass; else fail "stress, a list on stdin: differs from one run"; fi
else
  fail "the stress corpus could not be made (ndgen: $NDGEN)"
fi

# A running cluster: a scheduler and two workers started here (on this machine only), joined
# through the scheduler's file.
SCHED=$TMP/scheduler.json
"$PY" -m distributed.cli.dask_scheduler --host 127.0.0.1 --port 0 --no-dashboard \
  --scheduler-file "$SCHED" >"$TMP/sched.log" 2>&1 &
pids=($!)
for i in $(seq 100); do [ -s "$SCHED" ] && break; sleep 0.2; done
for w in 1 2; do
  "$PY" -m distributed.cli.dask_worker --scheduler-file "$SCHED" --nthreads 1 --no-dashboard \
    --local-directory "$TMP" >"$TMP/worker$w.log" 2>&1 &
  pids+=($!)
done
trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null; rm -rf "$TMP"' EXIT
timeout 60 "$NDUPES" -f json "$S" >"$TMP/run" 2>/dev/null
timeout 300 "$PY" "$RUNNER" --ndupes "$NDUPES" --scheduler "$SCHED" -f json "$S" >"$TMP/dask" 2>"$TMP/dask.err"
expect_eq "--scheduler FILE: exit status" 0 "$?"
if [ -s "$TMP/run" ] && cmp -s "$TMP/run" "$TMP/dask"; then pass; else
  fail "--scheduler FILE: differs from one run"
  head -5 "$TMP/dask.err" "$TMP/sched.log"
fi
kill "${pids[@]}" 2>/dev/null
wait "${pids[@]}" 2>/dev/null

# An unreadable input: named, exit 1, the groups of the others.
timeout 60 "$NDUPES" "$S" "$TMP/no-such-file.txt" >"$TMP/run" 2>/dev/null
dask "a missing file" 1 "$S" "$TMP/no-such-file.txt"
expect_match "a missing file: named" "no-such-file\.txt" "$(cat "$TMP/dask.err")"
# A step that fails (an ndupes that cannot run): exit 2, said.
printf '#!/bin/sh\necho "ndupes: broken" >&2\nexit 2\n' >"$TMP/broken"
chmod +x "$TMP/broken"
timeout 300 "$PY" "$RUNNER" --ndupes "$TMP/broken" --workers 2 "$S" >"$TMP/dask" 2>"$TMP/dask.err"
expect_eq "a failing step: exit status" 2 "$?"
expect_match "a failing step: said" "ndupes: broken" "$(cat "$TMP/dask.err")"
expect_eq "a failing step: nothing on stdout" "" "$(cat "$TMP/dask")"
timeout 60 "$PY" "$RUNNER" --help >"$TMP/dask" 2>&1
expect_eq "--help: exit status" 0 "$?"
expect_match "--help: usage" "usage: ndupes-dask" "$(cat "$TMP/dask")"

finish
