# stress_corpus.sh - a corpus for checking that a run cut into shards (ndupes group, ndupes dist,
# the Dask runner) groups as one run does, where the cut matters.  Sourced by the tests; defines:
#
#   stress_corpus NDGEN DIR N SAMPLES SHARED
#
# ndgen's N pages (site templates across the whole list, copies, rewrites), in folders 000/, 001/,
# ... of at most 1000 files, plus pages placed so that a list cut into three falls across them:
#  - 60 pages that share one long paragraph, 20 in each of the first three folders: one LSH bucket
#    of more than lsh.c's BUCKET_ALL articles, which pairs each with its next neighbours only;
#  - one page copied into two other folders (an exact class across shards);
#  - a page in capitals and its copy (the same page hash as the original, another kept text:
#    exact classes joined through two kinds of keys);
#  - a page that is one template paragraph of the generated sites, twice (a page the templates
#    empty), and an empty page;
#  - a site of three pages whose short line is a template by exactly three votes, and one of two
#    pages whose line is not, one page of each copied into another shard.

stress_corpus() {
  local ndgen=$1 dir=$2 n=$3 samples=$4 shared=$5 i f para
  "$ndgen" -n "$n" -s 1414 -j 2 -c "$shared/corpus/bbc:$samples" "$dir" 2>/dev/null || return 2
  # Two sentences of the Fox article's body, one paragraph of some 60 words (long: never a
  # template).
  para="$(grep -h '^Dimitriev met with' "$samples/foxnews-odesa.txt") $(grep -h "^Russia's campaign" "$samples/foxnews-odesa.txt")"
  [ ${#para} -gt 300 ] || return 2
  mapfile -t pages < <(find "$dir" -name '*.txt' -path '*/0*' | LC_ALL=C sort | head -60)
  for ((i = 0; i < 60; i++)); do
    f=$dir/$(printf %03d $((i % 3)))/bucket-$i.txt
    { printf '%s\n\n' "$para"; cat "${pages[i]}"; } >"$f" || return 2
  done
  cp "${pages[0]}" "$dir/001/copy-a.txt" && cp "${pages[0]}" "$dir/002/copy-b.txt" || return 2
  tr 'a-z' 'A-Z' <"${pages[1]}" >"$dir/002/upper.txt" || return 2
  cp "$dir/002/upper.txt" "$dir/000/upper-copy.txt" || return 2
  cp "${pages[1]}" "$dir/002/lower.txt" || return 2
  # The most frequent line of sentence length: a site's template paragraph.
  tpl=$(cat "$dir"/000/*.txt | awk 'length($0) > 40 && length($0) < 200' | LC_ALL=C sort |
    uniq -c | sort -rn | awk 'NR == 1 { $1 = ""; sub(/^ /, ""); print }')
  [ -n "$tpl" ] || return 2
  printf '%s\n' "$tpl" >"$dir/001/template-only.txt"
  printf '%s\n' "$tpl" >"$dir/002/template-only-copy.txt"
  : >"$dir/001/empty.txt"
  # A site of three pages whose short line is a template by exactly the three votes of the run
  # (template_min_files), one page copied into another shard: its copy must not vote again, nor
  # take its vote away.
  local t="The Meridian Ledger takes no responsibility for what external internet sites linked from this page may say."
  { printf '%s\n\n' "$t"; cat "$samples/foxnews-odesa.txt"; } >"$dir/000/site-a.txt" || return 2
  { printf '%s\n\n' "$t"; cat "$samples/cgtn-florida.txt"; } >"$dir/001/site-b.txt" || return 2
  { printf '%s\n\n' "$t"; cat "$samples/moscowtimes-florida.txt"; } >"$dir/002/site-c.txt" || return 2
  cp "$dir/000/site-a.txt" "$dir/001/site-a-copy.txt" || return 2
  # And a line of two pages, one copied into another shard: two votes, no template.
  t="Readers of the Harbour Courier can reach the night desk through the form below this article."
  { printf '%s\n\n' "$t"; cat "$samples/trn-odesa.txt"; } >"$dir/000/site-d.txt" || return 2
  { printf '%s\n\n' "$t"; cat "$samples/internewscast-odesa.txt"; } >"$dir/002/site-e.txt" || return 2
  cp "$dir/000/site-d.txt" "$dir/001/site-d-copy.txt" || return 2
}
