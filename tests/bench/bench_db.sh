#!/usr/bin/env bash
# bench_db.sh - speed and size of the persistent index (ndupes --db) in the cron use case.
#
#   tests/bench/bench_db.sh [N] [DIR]
#   BENCH_CRON=K tests/bench/bench_db.sh [N] [DIR]
#
# N (default 100000) articles are generated with ndgen (seed 42, the corpus bench.sh uses: kept in
# $BENCH_DIR, by default /tmp/ndupes-bench-N, and reused), or taken from DIR when given (every
# *.txt below it).  Then, with the page cache warm and a fresh index in a temporary directory:
#   1. the first indexing run over the N files;
#   2. 1,000 NEW articles (ndgen seed 4242, another directory, also kept and reused) and a run
#      given all N + 1,000 paths, the N old files unchanged        target <= 2 s
#   3. the same run again (nothing new)                             target <= 1 s
# and the index size per article (target <= 4 KB) and each run's peak RSS (from /usr/bin/time
# when installed, else from ndupes -v).  The stage timings of ndupes -v are printed too.
# With BENCH_CRON=K, K more runs follow, each adding another 1,000 new articles (ndgen seeds
# 4243, 4244, ...; kept like the others) with every path given, as cron would: each run moves
# one eighth of the recent band keys into the main table, so their times show whether any
# run pays for a large merge.
# Not a test (ctest does not run it): it prints figures and asserts nothing, but marks a figure
# that misses its target with "MISSED".  Needs build/ndupes and build/tests/bench/ndgen
# (override with NDUPES= and NDGEN=) and, to generate, the BBC corpus in ../shared/corpus/bbc.
set -euo pipefail
export LC_ALL=C
N=${1:-100000}
NEW=1000
top=$(cd "$(dirname "$0")/../.." && pwd)
NDUPES=${NDUPES:-$top/build/ndupes}
NDGEN=${NDGEN:-$top/build/tests/bench/ndgen}
CORPUS=${CORPUS:-$top/../shared/corpus/bbc}
[ -x "$NDUPES" ] || { echo "bench_db.sh: $NDUPES: not built (cmake --build build)" >&2; exit 2; }

gen() { # gen N SEED DIR: ndgen into DIR unless it is already there
  if [ ! -f "$3/truth.tsv" ]; then
    [ -x "$NDGEN" ] || { echo "bench_db.sh: $NDGEN: not built" >&2; exit 2; }
    rm -rf "$3"
    echo "generating $1 articles (seed $2) into $3 ..." >&2
    "$NDGEN" -n "$1" -s "$2" -j 2 -c "$CORPUS" "$3" >&2
  fi
}
if [ $# -ge 2 ]; then
  OLD=$(cd "$2" && pwd)
else
  OLD=${BENCH_DIR:-/tmp/ndupes-bench-$N}
  gen "$N" 42 "$OLD"
fi
NEWDIR=${BENCH_NEW_DIR:-/tmp/ndupes-bench-new-$NEW-s4242}
gen "$NEW" 4242 "$NEWDIR"

work=$(mktemp -d "${TMPDIR:-/tmp}/ndupes-bench-db.XXXXXX")
trap 'rm -rf "$work"' EXIT
DB=$work/index.db
find "$OLD" -name '*.txt' | sort >"$work/old.list"
find "$NEWDIR" -name '*.txt' | sort >"$work/new.list"
cat "$work/old.list" "$work/new.list" >"$work/all.list"
n_old=$(wc -l <"$work/old.list")
n_new=$(wc -l <"$work/new.list")
# Warm the page cache (all runs then read from memory, as a cron job on a busy crawl would).
xargs -d '\n' cat <"$work/all.list" >/dev/null

TIME=
[ -x /usr/bin/time ] && TIME=/usr/bin/time
now() { date +%s.%N; }
# measure NAME LIST: one ndupes -v --db run over the paths in LIST; sets secs, rss_mb, vline, dbline.
measure() {
  local t0 t1 rc=0
  sync # the previous run's writes are not written back during this one
  t0=$(now)
  if [ -n "$TIME" ]; then
    $TIME -f '%M' -o "$work/$1.rss" "$NDUPES" -v --db "$DB" - <"$2" >"$work/$1.out" 2>"$work/$1.err" || rc=$?
  else
    "$NDUPES" -v --db "$DB" - <"$2" >"$work/$1.out" 2>"$work/$1.err" || rc=$?
  fi
  t1=$(now)
  [ "$rc" -le 1 ] || { echo "bench_db.sh: run '$1' failed with exit $rc:" >&2; tail -5 "$work/$1.err" >&2; exit 1; }
  secs=$(echo "$t1 - $t0" | bc -l)
  vline=$(grep ' articles (' "$work/$1.err" | tail -1 || true)
  dbline=$(grep 'already indexed' "$work/$1.err" | tail -1 || true)
  if [ -n "$TIME" ]; then
    rss_mb=$(echo "$(tail -1 "$work/$1.rss") / 1024" | bc -l)
  else
    rss_mb=$(sed -n 's/.*peak RSS \([0-9.]*\) MB.*/\1/p' <<<"$vline")
  fi
  groups=$(grep -c '^$' "$work/$1.out" || true)
  if [ -s "$work/$1.out" ]; then groups=$((groups + 1)); fi
}
stages() { sed -n 's/.*; \(read .*cluster [0-9.]*s\).*/\1/p' <<<"$1"; }
verdict() { # verdict VALUE TARGET
  if [ "$(echo "$1 <= $2" | bc -l)" = 1 ]; then echo "ok"; else echo "MISSED"; fi
}

measure first "$work/old.list"
s1=$secs r1=$rss_mb v1=$vline g1=$groups
measure add "$work/all.list"
s2=$secs r2=$rss_mb v2=$vline d2=$dbline g2=$groups
measure again "$work/all.list"
s3=$secs r3=$rss_mb v3=$vline d3=$dbline g3=$groups

articles=$("$NDUPES" db stats --db "$DB" | awk '$1 == "articles" { print $2 }')
dbgroups=$("$NDUPES" db stats --db "$DB" | awk '$1 == "groups" { print $2 }')
bytes=$(stat -c %s "$DB")
if [ -e "$DB-wal" ]; then bytes=$((bytes + $(stat -c %s "$DB-wal"))); fi
per=$(echo "$bytes / $articles" | bc -l)

printf '\nndupes --db benchmark: %s (%d cores)\n' "$NDUPES" "$(nproc)"
printf 'old articles  %s: %d files\n' "$OLD" "$n_old"
printf 'new articles  %s: %d files\n' "$NEWDIR" "$n_new"
printf '\n%-44s %10s %10s %8s %10s\n' "run" "seconds" "target" "" "peak RSS"
printf '%-44s %10.2f %10s %8s %7.1f MB\n' "1. first indexing ($n_old files)" "$s1" "-" "" "$r1"
printf '%-44s %10.2f %10s %8s %7.1f MB\n' "2. +$n_new new, all $((n_old + n_new)) paths given" "$s2" "<= 2" "$(verdict "$s2" 2)" "$r2"
printf '%-44s %10.2f %10s %8s %7.1f MB\n' "3. the same again (nothing new)" "$s3" "<= 1" "$(verdict "$s3" 1)" "$r3"
printf '\n%-44s %10.0f %10s %8s\n' "index bytes per article" "$per" "<= 4096" "$(verdict "$per" 4096)"
printf '%-44s %10d\n' "index size (bytes)" "$bytes"
printf '%-44s %10d\n' "articles in the index" "$articles"
printf '%-44s %10d\n' "groups in the index" "$dbgroups"
printf '%-44s %10d %10d %10d\n' "groups printed by runs 1 / 2 / 3" "$g1" "$g2" "$g3"
printf '\nstage timings (ndupes -v):\n'
printf '  1. %s\n  2. %s\n  3. %s\n' "$(stages "$v1")" "$(stages "$v2")" "$(stages "$v3")"
printf '  2. %s\n  3. %s\n' "${d2#ndupes: }" "${d3#ndupes: }"

CRON=${BENCH_CRON:-0}
if [ "$CRON" -gt 0 ]; then
  printf '\n%d more runs, each with 1,000 more new articles and every path given:\n' "$CRON"
  cp "$work/all.list" "$work/cron.list"
  for k in $(seq "$CRON"); do
    dir=/tmp/ndupes-bench-new-$NEW-s$((4242 + k))
    gen "$NEW" $((4242 + k)) "$dir" 2>/dev/null
    find "$dir" -name '*.txt' | sort >>"$work/cron.list"
    xargs -d '\n' cat <"$work/cron.list" >/dev/null
    measure "cron$k" "$work/cron.list"
    printf '  run %2d: %6.2f s %8s  (%d paths)  %s\n' "$k" "$secs" "$(verdict "$secs" 2)" \
      "$(wc -l <"$work/cron.list")" "$(stages "$vline")"
  done
fi
