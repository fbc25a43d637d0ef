# dist_local.sh - the distributed steps of `ndupes dist` run in one shell, files standing for the
# engine's shuffle: what contrib/dask/ndupes-dask does across a cluster, step for step, so that the
# steps can be checked without Dask.  Sourced by the tests; defines one function:
#
#   dist_local NDUPES WORKDIR SHARDS PARTS [RUN OPTIONS...] < NUL-terminated list of files
#
# The list is cut into SHARDS contiguous shards, each shard's records into PARTS parts by key; the
# groups are printed on stdout as `ndupes RUN OPTIONS` prints them.  Returns the first failure's
# exit status.  WORKDIR/counts receives "CANDIDATES EDGES": the pairs the candidate index gave
# and those that scored at or above the threshold, summed over the parts.

dist_local() {
  local nd=$1 w=$2 S=$3 P=$4
  shift 4
  local opts=("$@") s k
  rm -rf "$w" && mkdir -p "$w/list" || return 2
  # Split the list into S contiguous shards (names with a newline are not for this driver).
  tr '\0' '\n' >"$w/list/all" || return 2
  local total; total=$(wc -l <"$w/list/all")
  for ((s = 0; s < S; s++)); do
    awk -v lo=$((s * total / S)) -v hi=$(((s + 1) * total / S)) 'NR > lo && NR <= hi' \
      "$w/list/all" >"$w/list/$s" || return 2
  done
  local bounds="" base=0 n
  for ((s = 0; s < S; s++)); do
    "$nd" sketch -q -j 1 -o "$w/raw.$s" - <"$w/list/$s" || return $?
    n=$("$nd" dist info "$w/raw.$s" | cut -f1) || return 2
    bounds="$bounds${bounds:+,}$base"
    echo "$base" >"$w/base.$s"
    base=$((base + n))
  done
  # Templates: paragraphs by paragraph, short paragraphs by content hash, votes, templates.
  for ((s = 0; s < S; s++)); do
    "$nd" dist paras --base "$(cat "$w/base.$s")" -p "$P" -o "$w/paras.$s" "$w/raw.$s" || return $?
  done
  for ((k = 0; k < P; k++)); do
    "$nd" dist own -p "$P" -o "$w/own.$k" "$w"/paras.*/part-$(printf %05d "$k") || return $?
  done
  for ((k = 0; k < P; k++)); do
    local kk; kk=$(printf %05d "$k")
    "$nd" dist votes -p "$P" -o "$w/votes.$k" "$w"/own.*/part-$kk || return $?
  done
  for ((k = 0; k < P; k++)); do
    "$nd" dist templates -o "$w/tpl.$k" "$w"/votes.*/part-$(printf %05d "$k") || return $?
  done
  cat "$w"/tpl.* >"$w/templates"
  for ((s = 0; s < S; s++)); do
    "$nd" dist finalize --base "$(cat "$w/base.$s")" -o "$w/fin.$s" "$w/raw.$s" "$w/templates" || return $?
  done
  # Exact classes, then the keys of each class's first article, buckets, candidates.
  for ((s = 0; s < S; s++)); do
    "$nd" dist exact -p "$P" -o "$w/exact.$s" "$w/fin.$s" || return $?
  done
  for ((k = 0; k < P; k++)); do
    "$nd" dist exact-edges -o "$w/xedge.$k" "$w"/exact.*/part-$(printf %05d "$k") || return $?
  done
  "$nd" dist classes -b "$bounds" -o "$w/classes" "$w"/xedge.* || return $?
  for ((s = 0; s < S; s++)); do
    "$nd" dist keys -p "$P" -o "$w/keys.$s" "$w/fin.$s" "$w/classes/part-$(printf %05d "$s")" || return $?
  done
  for ((k = 0; k < P; k++)); do
    "$nd" dist buckets -p "$P" -o "$w/buckets.$k" "$w"/keys.*/part-$(printf %05d "$k") || return $?
  done
  for ((k = 0; k < P; k++)); do
    "$nd" dist candidates -v -o "$w/cand.$k" "$w"/buckets.*/part-$(printf %05d "$k") 2>"$w/err.cand.$k" ||
      { cat "$w/err.cand.$k" >&2; return 2; }
  done
  # Scoring: each part of the pairs with the fingerprints of its articles, from every shard.
  local t=()
  for ((i = 0; i < ${#opts[@]}; i++)); do
    case ${opts[i]} in -t) t=(-t "${opts[i + 1]}") ;; esac
  done
  for ((k = 0; k < P; k++)); do
    "$nd" dist need -b "$bounds" -o "$w/need.$k" "$w/cand.$k" || return $?
  done
  for ((s = 0; s < S; s++)); do
    local needs=()
    for ((k = 0; k < P; k++)); do needs+=("$w/need.$k/part-$(printf %05d "$s")"); done
    "$nd" dist select -p "$P" -o "$w/sel.$s" "$w/fin.$s" "${needs[@]}" || return $?
  done
  for ((k = 0; k < P; k++)); do
    "$nd" dist score -v "${t[@]}" -o "$w/edges.$k" "$w/cand.$k" "$w"/sel.*/part-$(printf %05d "$k") \
      2>"$w/err.edges.$k" || { cat "$w/err.edges.$k" >&2; return 2; }
  done
  # Clustering in one process: the articles with an edge or an exact copy.
  "$nd" dist need -b "$bounds" -o "$w/needc" "$w"/edges.* "$w"/classes/part-* || return $?
  for ((s = 0; s < S; s++)); do
    "$nd" dist select -o "$w/selc.$s" "$w/fin.$s" "$w/needc/part-$(printf %05d "$s")" || return $?
  done
  "$nd" dist cluster "${opts[@]}" "$w"/edges.* "$w"/classes/part-* "$w"/selc.* || return $?
  local c e
  c=$(sed -n 's/.* \([0-9]*\) written;.*/\1/p' "$w"/err.cand.* | awk '{ s += $1 } END { print s + 0 }')
  e=$(sed -n 's/.* \([0-9]*\) written;.*/\1/p' "$w"/err.edges.* | awk '{ s += $1 } END { print s + 0 }')
  echo "$c $e" >"$w/counts"
}
