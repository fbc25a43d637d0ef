# End-to-end: news pages in scripts that ../shared/intl barely has (tests/data/scripts/: Chinese,
# Japanese, Korean, Thai, Arabic, Hebrew, Russian, ...).  For each language LANG there are two
# invented stories a and b on one invented site, each as LANG-S-page.txt (the story in the site's
# chrome), LANG-S-body.txt (the article alone, other paragraph breaks, other wrapping),
# LANG-S-copy.txt (a byte-identical copy of the page) and LANG-S-crlf.txt (the page re-wrapped, CRLF
# line ends); truth.tsv names the clusters (LANG-a, LANG-b).  See tests/data/scripts/make-pages.py.
# For each language:
#  (a) the page and its byte-identical copy are in one group (for both stories);
#  (b) `ndupes eval truth.tsv` over the language's eight files: pairwise F1 >= 0.98 and no pair of
#      the two stories merged (their pages share the site's chrome, and each page's teaser list
#      names the other story's headline);
#  (c) `ndupes strip` on each page names the language (a line `# language: LANG ...`) and keeps at
#      least 80% of the article (measured as below);
#  (d) `ndupes explain page body` scores at least the default threshold (0.35) for each story.
. "$SRCDIR/tests/e2e/lib.sh"
export LC_ALL=C

DATA="$SRCDIR/tests/data/scripts"
TRUTH="$DATA/truth.tsv"
if [ ! -f "$TRUTH" ]; then
  echo "skipped: $TRUTH is absent"
  exit 77
fi
MIN_F1=0.98
MIN_KEPT=80   # percent of the body's text found in the kept paragraphs of the page
THRESHOLD=0.35

# ge X Y: X >= Y numerically; false when X is empty or not a number.
ge() { awk -v x="$1" -v y="$2" 'BEGIN { exit !(x ~ /^[0-9]+(\.[0-9]+)?$/ && x + 0 >= y + 0) }'; }

# How much of the article does `strip` keep?  Both sides are brought to one form before comparing,
# so that the reader's own normalisation does not count as loss: NFKC (the reader applies it: e.g.
# fullwidth parentheses become ASCII ones, Thai SARA AM is decomposed), lower case, and only letters,
# marks and digits kept: whitespace goes (hard wrapping, CRLF, and whether the reader joins the lines
# of a Chinese paragraph with or without a space), and so do punctuation and symbols (the reader
# maps typographic quotes and dashes to one form).  Then a character of the body counts as kept
# when it lies in a run of N=10 consecutive characters that also occurs in the kept text.  Runs, not
# whole paragraphs, because the page and the body break their paragraphs in different places
# (merged, split), and a reader may join or cut paragraphs differently again; 10 characters of
# letters are long enough that the chrome (site name, place names, dates) does not match by chance.
# Prints "kept_chars body_chars percent first_lost_text".
cat >"$TMP/coverage.pl" <<'EOF'
use strict; use warnings; use utf8;
use Unicode::Normalize qw(NFKC);
my $N = 10;
sub slurp { my ($f) = @_; open(my $h, '<:encoding(UTF-8)', $f) or die "$f: $!"; local $/; my $t = <$h>; close $h; return defined $t ? $t : ''; }
sub norm { my $t = lc NFKC($_[0]); $t =~ s/[^\p{L}\p{M}\p{N}]//g; return $t; }
my $body = norm(slurp($ARGV[0]));
my $kept = norm(slurp($ARGV[1]));
my %gram;
$gram{substr($kept, $_, $N)} = 1 for 0 .. length($kept) - $N;
my @cov = (0) x length($body);
for my $i (0 .. length($body) - $N) {
  next unless $gram{substr($body, $i, $N)};
  $cov[$_] = 1 for $i .. $i + $N - 1;
}
my $k = 0; $k += $_ for @cov;
my $lost = '';
for my $i (0 .. $#cov) { if (!$cov[$i]) { $lost = substr($body, $i, 30); last; } }
binmode STDOUT, ':encoding(UTF-8)';
printf "%d %d %.1f %s\n", $k, length($body), length($body) ? 100 * $k / length($body) : 0, $lost;
EOF
have_perl=1
perl -MUnicode::Normalize -e 1 2>/dev/null || have_perl=0
# clip N: the first N characters of each line of stdin (whole UTF-8 characters where perl is there).
clip() { if [ "$have_perl" = 1 ]; then perl -CS -ne 'chomp; print substr($_, 0, '"$1"'), "\n"'; else cut -c "1-$1"; fi; }

langs=$(cd "$DATA" && ls ./*-a-page.txt 2>/dev/null | sed 's|^\./||; s|-a-page\.txt$||' | sort)
if [ -n "$langs" ]; then pass; else fail "no LANG-a-page.txt in $DATA"; fi
echo "languages: $(echo $langs)"
printf '%-4s %-9s %-7s %-7s %-24s %-24s\n' lang copies f1 merged 'strip a (lang, kept%)' 'strip b (lang, kept%)' >"$TMP/table"

for L in $langs; do
  files=""
  for s in a b; do
    for k in page body copy crlf; do
      f="$DATA/$L-$s-$k.txt"
      if [ -f "$f" ]; then files="$files $f"; else fail "$L: $L-$s-$k.txt is missing"; fi
    done
  done

  # (a) identical copies grouped --------------------------------------------------------------------
  timeout 60 "$NDUPES" --format tsv $files >"$TMP/$L.groups" 2>"$TMP/$L.err"
  rc=$?
  expect_eq "$L: grouping: exit status" 0 "$rc"
  copies=""
  for s in a b; do
    g1=$(awk -F '\t' -v f="$L-$s-page.txt" '{ n = split($3, a, "/") } a[n] == f { print $1 }' "$TMP/$L.groups")
    g2=$(awk -F '\t' -v f="$L-$s-copy.txt" '{ n = split($3, a, "/") } a[n] == f { print $1 }' "$TMP/$L.groups")
    if [ -n "$g1" ] && [ "$g1" = "$g2" ]; then
      pass; copies="${copies}$s"
    else
      copies="${copies}-"
      fail "$L-$s: the page and its byte-identical copy are not in one group (page: group [${g1:-none}], copy: group [${g2:-none}]; stderr: $(head -c 300 "$TMP/$L.err" | tr '\n' ' '))"
    fi
  done

  # (b) eval over the language's files ----------------------------------------------------------------
  timeout 60 "$NDUPES" eval "$TRUTH" $files >"$TMP/$L.eval" 2>"$TMP/$L.err"
  rc=$?
  expect_eq "$L: eval: exit status" 0 "$rc"
  f1=$(awk '$1 == "f1" { print $2; exit }' "$TMP/$L.eval")
  merged=$(sed -nE 's/^pairs +[0-9]+ right, ([0-9]+) merged wrongly.*/\1/p' "$TMP/$L.eval")
  if ge "$f1" "$MIN_F1"; then pass; else
    fail "$L: eval: f1 is [$f1], expected >= $MIN_F1; eval said: $(sed -n '/^pairs/p; /^merged/,$p' "$TMP/$L.eval" | head -12 | sed "s|$DATA/||g" | tr '\n' ';')"
  fi
  if [ "$merged" = 0 ]; then pass; else
    fail "$L: eval: [$merged] pairs of the two stories merged (expected 0): $(sed -n '/^merged/,/^$/p' "$TMP/$L.eval" | sed "s|$DATA/||g" | tr '\n' ';')"
  fi

  # (c) strip: the language, and the article kept ---------------------------------------------------
  strip_col=""
  for s in a b; do
    page="$DATA/$L-$s-page.txt"
    timeout 20 "$NDUPES" strip "$page" >"$TMP/$L-$s.strip" 2>"$TMP/$L.err"
    rc=$?
    expect_eq "$L-$s: strip: exit status" 0 "$rc"
    langline=$(grep -m1 -i '^# language:' "$TMP/$L-$s.strip" | sed 's/^# //')
    if printf '%s' "$langline" | grep -Eqi "^language: *$L([^a-z]|\$)"; then pass; else
      fail "$L-$s: strip does not name the language $L: its first lines are [$(head -3 "$TMP/$L-$s.strip" | clip 80 | tr '\n' '|')]"
    fi
    # The text of the kept paragraphs: "keep LINE TEXT" lines, without the first two fields.
    sed -nE 's/^keep +[0-9]+ +//p' "$TMP/$L-$s.strip" >"$TMP/$L-$s.kept"
    if [ "$have_perl" = 1 ]; then
      read -r kc bc pct lost < <(perl "$TMP/coverage.pl" "$DATA/$L-$s-body.txt" "$TMP/$L-$s.kept")
      if ge "$pct" "$MIN_KEPT"; then pass; else
        fail "$L-$s: strip keeps $kc of the body's $bc characters ($pct%), expected >= $MIN_KEPT%; $(grep -c '^keep' "$TMP/$L-$s.strip") paragraphs kept, $(grep -c '^drop' "$TMP/$L-$s.strip") dropped; the first lost text: [$lost]; first drops: $(grep '^drop' "$TMP/$L-$s.strip" | head -3 | clip 90 | tr '\n' '|')"
      fi
    else
      pct="n/a"
      echo "note: perl with Unicode::Normalize is absent: the kept share of $L-$s is not measured"
    fi
    strip_col="$strip_col$(printf '%-24s ' "$(printf '%s' "${langline#language:}" | awk '{ print $1 }' | clip 8),$pct%")"
  done

  # (d) explain page body ---------------------------------------------------------------------------
  for s in a b; do
    timeout 20 "$NDUPES" explain "$DATA/$L-$s-page.txt" "$DATA/$L-$s-body.txt" >"$TMP/$L-$s.explain" 2>"$TMP/$L.err"
    rc=$?
    verdict=$(grep -m1 '^verdict' "$TMP/$L-$s.explain")
    score=$(printf '%s' "$verdict" | sed -nE 's/.*score ([0-9.]+).*/\1/p')
    if [ "$rc" -le 1 ]; then pass; else fail "$L-$s: explain: exit status $rc: $(head -c 200 "$TMP/$L.err")"; fi
    if ge "$score" "$THRESHOLD"; then pass; else
      fail "$L-$s: explain page body: score [$score], expected >= $THRESHOLD: $(sed -n '1,6p' "$TMP/$L-$s.explain" | sed "s|$DATA/||g" | tr '\n' '|')"
    fi
  done

  printf '%-4s %-9s %-7s %-7s %s\n' "$L" "$copies" "${f1:-?}" "${merged:-?}" "$strip_col" >>"$TMP/table"
done

echo "--- by language (copies: stories whose page and copy are grouped; strip: language named, % of the body kept)"
cat "$TMP/table"
finish
