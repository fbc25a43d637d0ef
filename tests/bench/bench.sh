#!/usr/bin/env bash
# bench.sh - speed, memory and quality of ndupes on a generated corpus.
#
#   tests/bench/bench.sh [N] [--quality] [--jobs J] [--runs R]
#
# Generates N labelled articles with ndgen (default 10000; kept in $BENCH_DIR, by default
# /tmp/ndupes-bench-N, and reused by later runs), then, back to back on the same files
# (cache warmed once first): `cat` and `LC_ALL=C wc -w` (the floor: reading and splitting
# into words), and ndupes, R rounds of the three (default 3; the median of each is
# reported, as a shared machine's timings wander).  Prints articles per second, MB/s, peak
# RSS, the time of each stage (of the median ndupes run), and the ratios to wc and cat.  With --quality, also the pairwise F1 of ndupes and
# of the naive baseline (whole-page MinHash, Jaccard 0.5) against the corpus's truth.
# Not a test: it prints figures, it asserts nothing.  Needs build/ndupes and build/tests/bench/ndgen
# (override with NDUPES= and NDGEN=).
set -euo pipefail
N=10000
QUALITY=0
JOBS=
RUNS=3
BEFORE=
while [ $# -gt 0 ]; do
  case "$1" in
    --quality) QUALITY=1 ;;
    --jobs) JOBS="-j $2"; shift ;;
    --runs) RUNS=$2; shift ;;
    --before) BEFORE=$2; shift ;;
    [0-9]*) N=$1 ;;
    *) echo "usage: bench.sh [N] [--quality] [--jobs J] [--runs R] [--before BINARY]" >&2; exit 2 ;;
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
trap 'rm -f "$list" "$list".*' EXIT
find "$DIR" -name '*.txt' -print0 > "$list"
files=$(tr -cd '\0' < "$list" | wc -c)
bytes=$(xargs -0 cat < "$list" | wc -c)   # also warms the page cache
xargs -0 cat < "$list" > /dev/null

now() { date +%s.%N; }
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
: > "$list.cat"; : > "$list.wc"; : > "$list.nd"; : > "$list.bf"
for r in $(seq "$RUNS"); do
  t0=$(now); xargs -0 cat < "$list" > /dev/null; t1=$(now)
  echo "$t1 - $t0" | bc -l >> "$list.cat"
  t0=$(now); LC_ALL=C wc -w --files0-from="$list" > /dev/null; t1=$(now)
  echo "$t1 - $t0" | bc -l >> "$list.wc"
  t0=$(now); "$NDUPES" -v $JOBS "$DIR" > /dev/null 2> "$list.v$r" || true; t1=$(now)
  echo "$(echo "$t1 - $t0" | bc -l) $r" >> "$list.nd"
  if [ -n "$BEFORE" ]; then # the same round, another build (the figures before a change)
    t0=$(now); "$BEFORE" -v $JOBS "$DIR" > /dev/null 2> "$list.b$r" || true; t1=$(now)
    echo "$(echo "$t1 - $t0" | bc -l) $r" >> "$list.bf"
  fi
done
t_cat=$(median < "$list.cat")
t_wc=$(median < "$list.wc")
t_nd=$(median < "$list.nd")
r_nd=$(sort -g "$list.nd" | awk -v m="$t_nd" '$1 == m { print $2; exit }')
stats=$(grep 'articles (' "$list.v$r_nd" | tail -1)

printf 'corpus        %s: %d files, %.1f MB (ndgen -n %d -s 42)\n' "$DIR" "$files" "$(echo "$bytes/1000000" | bc -l)" "$N"
runs() { sort -g "$1" | awk '{ printf "%s%.2f", (NR > 1 ? " " : ""), $1 }'; }
printf 'cat           %8.2f s   (median of %d: %s)\n' "$t_cat" "$RUNS" "$(runs "$list.cat")"
printf 'wc -w         %8.2f s   (LC_ALL=C; median of %d: %s)\n' "$t_wc" "$RUNS" "$(runs "$list.wc")"
printf 'ndupes        %8.2f s   %s (median of %d: %s)\n' "$t_nd" "${JOBS:-all cores}" "$RUNS" "$(runs "$list.nd")"
printf 'articles/s    %8.0f\n' "$(echo "$files / $t_nd" | bc -l)"
printf 'MB/s          %8.1f\n' "$(echo "$bytes / 1000000 / $t_nd" | bc -l)"
printf 'ratio         %8.2f x wc -w, %.2f x cat\n' "$(echo "$t_nd / $t_wc" | bc -l)" "$(echo "$t_nd / $t_cat" | bc -l)"
printf 'peak RSS      %s\n' "$(echo "$stats" | sed -n 's/.*peak RSS \([0-9.]* MB\).*/\1/p')"
if [ -n "$BEFORE" ]; then
  t_bf=$(median < "$list.bf")
  r_bf=$(sort -g "$list.bf" | awk -v m="$t_bf" '$1 == m { print $2; exit }')
  printf 'before        %8.2f s   %s (median of %d: %s)\n' "$t_bf" "$BEFORE" "$RUNS" "$(runs "$list.bf")"
  printf 'before ratio  %8.2f x wc -w; after / before %.2f\n' "$(echo "$t_bf / $t_wc" | bc -l)" "$(echo "$t_nd / $t_bf" | bc -l)"
  printf 'before RSS    %s\n' "$(grep 'articles (' "$list.b$r_bf" | tail -1 | sed -n 's/.*peak RSS \([0-9.]* MB\).*/\1/p')"
fi
printf 'stages        %s\n' "$(echo "$stats" | sed -n 's/.*; \(read .*\); peak.*/\1/p')"
printf 'pipeline      %s\n' "$(echo "$stats" | sed -n 's/^ndupes: \(.*\); read .*/\1/p')"
if [ "$QUALITY" = 1 ]; then
  f1=$("$NDUPES" eval "$DIR/truth.tsv" -q $JOBS "$DIR" | awk '/^f1/ {print $2}')
  b1=$("$NDUPES" eval "$DIR/truth.tsv" -q --baseline $JOBS "$DIR" | awk '/^f1/ {print $2}')
  printf 'quality       F1 %s (baseline, whole-page 5-shingle Jaccard 0.5: %s)\n' "$f1" "$b1"
fi
