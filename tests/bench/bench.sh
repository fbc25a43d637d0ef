#!/usr/bin/env bash
# bench.sh - speed, memory and quality of ndupes on a generated corpus.
#
#   tests/bench/bench.sh [N] [--quality] [--jobs J]
#
# Generates N labelled articles with ndgen (default 10000; kept in $BENCH_DIR, by default
# /tmp/ndupes-bench-N, and reused by later runs), then, back to back on the same files
# (cache warmed once first): `cat` and `LC_ALL=C wc -w` (the floor: reading and splitting
# into words), and ndupes.  Prints articles per second, MB/s, peak RSS, the time of each
# stage, and the ratios to wc and cat.  With --quality, also the pairwise F1 of ndupes and
# of the naive baseline (whole-page MinHash, Jaccard 0.5) against the corpus's truth.
# Not a test: it prints figures, it asserts nothing.  Needs build/ndupes and build/tests/bench/ndgen
# (override with NDUPES= and NDGEN=).
set -euo pipefail
N=10000
QUALITY=0
JOBS=
while [ $# -gt 0 ]; do
  case "$1" in
    --quality) QUALITY=1 ;;
    --jobs) JOBS="-j $2"; shift ;;
    [0-9]*) N=$1 ;;
    *) echo "usage: bench.sh [N] [--quality] [--jobs J]" >&2; exit 2 ;;
  esac
  shift
done
top=$(cd "$(dirname "$0")/../.." && pwd)
NDUPES=${NDUPES:-$top/build/ndupes}
NDGEN=${NDGEN:-$top/build/tests/bench/ndgen}
DIR=${BENCH_DIR:-/tmp/ndupes-bench-$N}
for b in "$NDUPES" "$NDGEN"; do
  [ -x "$b" ] || { echo "bench.sh: $b: not built (cmake --build build)" >&2; exit 2; }
done
if [ ! -f "$DIR/truth.tsv" ]; then
  rm -rf "$DIR"
  echo "generating $N articles into $DIR ..." >&2
  "$NDGEN" -n "$N" -s 42 -j 2 "$DIR" >&2
fi
list=$(mktemp)
trap 'rm -f "$list" "$list.v"' EXIT
find "$DIR" -name '*.txt' -print0 > "$list"
files=$(tr -cd '\0' < "$list" | wc -c)
bytes=$(xargs -0 cat < "$list" | wc -c)   # also warms the page cache
xargs -0 cat < "$list" > /dev/null

now() { date +%s.%N; }
t0=$(now); xargs -0 cat < "$list" > /dev/null; t1=$(now)
t_cat=$(echo "$t1 - $t0" | bc -l)
t0=$(now); LC_ALL=C wc -w --files0-from="$list" > /dev/null; t1=$(now)
t_wc=$(echo "$t1 - $t0" | bc -l)
t0=$(now); "$NDUPES" -v $JOBS "$DIR" > /dev/null 2> "$list.v" || true; t1=$(now)
t_nd=$(echo "$t1 - $t0" | bc -l)
stats=$(grep 'articles (' "$list.v" | tail -1)

printf 'corpus        %s: %d files, %.1f MB (ndgen -n %d -s 42)\n' "$DIR" "$files" "$(echo "$bytes/1000000" | bc -l)" "$N"
printf 'cat           %8.2f s\n' "$t_cat"
printf 'wc -w         %8.2f s   (LC_ALL=C)\n' "$t_wc"
printf 'ndupes        %8.2f s   %s\n' "$t_nd" "${JOBS:-(all cores)}"
printf 'articles/s    %8.0f\n' "$(echo "$files / $t_nd" | bc -l)"
printf 'MB/s          %8.1f\n' "$(echo "$bytes / 1000000 / $t_nd" | bc -l)"
printf 'ratio         %8.2f x wc -w, %.2f x cat\n' "$(echo "$t_nd / $t_wc" | bc -l)" "$(echo "$t_nd / $t_cat" | bc -l)"
printf 'peak RSS      %s\n' "$(echo "$stats" | sed -n 's/.*peak RSS \([0-9.]* MB\).*/\1/p')"
printf 'stages        %s\n' "$(echo "$stats" | sed -n 's/.*; \(read .*\); peak.*/\1/p')"
printf 'pipeline      %s\n' "$(echo "$stats" | sed -n 's/^ndupes: \(.*\); read .*/\1/p')"
if [ "$QUALITY" = 1 ]; then
  f1=$("$NDUPES" eval "$DIR/truth.tsv" -q $JOBS "$DIR" | awk '/^f1/ {print $2}')
  b1=$("$NDUPES" eval "$DIR/truth.tsv" -q --baseline $JOBS "$DIR" | awk '/^f1/ {print $2}')
  printf 'quality       F1 %s (baseline, whole-page 5-shingle Jaccard 0.5: %s)\n' "$f1" "$b1"
fi
