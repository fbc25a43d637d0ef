#!/bin/sh
# prose-from-debian.sh LANG OUTDIR: collect prose in language LANG from Debian packages installed on
# this machine, as a corpus for `ndgen -l LANG -c OUTDIR` (one *.txt file a document: a title line,
# a blank line, paragraphs separated by blank lines).  Nothing is copied into the repository: run it
# where the packages are installed, at bench time.
#
# Sources, each used when present (README.md says which package brings which language):
#   man    translated manual pages, /usr/share/man/LANG*/man{1,5,7,8} (manpages-de, -fr, -es, -ru,
#          -ja, -zh, -pl, ...), rendered with `man -l` and `col -b` at a width that keeps each
#          paragraph on one line; the title is the NAME line's description, the paragraphs are the
#          body lines that read as sentences (options, synopses and examples are left out);
#   help   GNOME's user help, /usr/share/help/LANG*/*/*.page (gnome-user-docs): the <p> elements of
#          each Mallard page, its <title> as the title;
#   mo     message catalogs, /usr/share/locale/LANG*/LC_MESSAGES/*.mo (any translated program):
#          translated messages that are whole sentences, four to a paragraph.  Short and repetitive,
#          but the only text most machines carry in Arabic, Hebrew or Thai.
# Untranslated text is left out: in a language written in another script, a paragraph must be mostly
# that script; in a Latin-script language, a paragraph full of English function words is dropped.
#
# Prints what it found per source (documents, paragraphs, words or characters) on stderr.
# Options: -s SOURCES  a comma-separated subset of man,help,mo (default: all three).
set -eu
sources=man,help,mo
if [ "${1:-}" = "-s" ]; then sources=$2; shift 2; fi
if [ $# -ne 2 ]; then
  echo "usage: prose-from-debian.sh [-s man,help,mo] LANG OUTDIR" >&2
  exit 2
fi
lang=$1
out=$2
case $lang in *[!a-zA-Z_@-]*|'') echo "prose-from-debian.sh: $lang: not a language code" >&2; exit 2;; esac
mkdir -p "$out"
if [ -n "$(ls -A "$out")" ]; then echo "prose-from-debian.sh: $out: not empty" >&2; exit 2; fi
command -v perl >/dev/null || { echo "prose-from-debian.sh: perl is needed" >&2; exit 2; }

# The folders of LANG: "zh" is zh_CN and zh_TW, "pt" is pt and pt_BR, "de" is de and de_DE...
dirs() { for d in "$1/$lang" "$1/${lang}_"* "$1/${lang}@"*; do [ -d "$d" ] && echo "$d"; done; return 0; }

# Filter and write: reads "TITLE\tPARA\tPARA..." records (one document a line) on stdin, writes
# OUTDIR/PREFIX-N.txt for each document that keeps two paragraphs or more, and prints
# "documents paragraphs units" on stdout.
write_docs() {
  LANGCODE=$lang PREFIX=$1 OUT=$out perl -CSD -ne '
    BEGIN { our ($docs, $paras, $units) = (0, 0, 0);
            our $unspaced = $ENV{LANGCODE} =~ /^(zh|ja|th)/;
            our $latin = $ENV{LANGCODE} =~ /^(de|fr|es|it|pt|nl|pl|tr|id|cs|sv|da|fi|ro|hu|ca|vi)/; }
    our ($docs, $paras, $units, $unspaced, $latin);
    chomp; my ($title, @p) = split /\t/;
    sub translated {
      my ($t) = @_;
      my $letters = () = $t =~ /\p{L}/g;
      return 0 unless $letters;
      if (!$latin) { my $ascii = () = $t =~ /[A-Za-z]/g; return $ascii / $letters < 0.5; }
      my $en = () = $t =~ /\b(?:the|and|of|to|is|you|your|this|that|with|for|are|can)\b/g;
      return $en < 3;
    }
    sub sentence {
      my ($t) = @_;
      return 0 if $t =~ /^[-\x{2010}\x{2013}\x{2022}*\$#]/ || $t =~ /[{}<>|\\]|\s--?\w|%[sdu]/;
      my $n = $unspaced ? length($t =~ s/\s//gr) / 2 : scalar(split /\s+/, $t);
      return $n >= 8 && ($ENV{LANGCODE} eq "th" || $t =~ /[.!?\x{3002}\x{FF01}\x{FF1F}\x{061F}\x{06D4}]["\x{201D}\x{300D}\x{BB})]?$/);
    }
    $title =~ s/^\s+|\s+$//g;
    # a paragraph seen before (a licence, a note on the translation) is kept once in the whole corpus
    our %seen;
    @p = grep { sentence($_) && translated($_) && !$seen{$_}++ } map { s/^\s+|\s+$//gr } @p;
    next if @p < 2 || !length($title) || !translated($title);
    $docs++;
    my $f = sprintf "%s/%s-%05d.txt", $ENV{OUT}, $ENV{PREFIX}, $docs;
    open(my $h, ">:encoding(UTF-8)", $f) or die "$f: $!";
    print $h $title, "\n\n", join("\n\n", @p), "\n";
    close $h;
    $paras += @p;
    $units += $unspaced ? length(join "", @p) : scalar(map { split /\s+/ } @p);
    END { print "$docs $paras $units\n"; }'
}

report() { # SOURCE "docs paras units"
  set -- "$1" $2
  unit=words
  case $lang in zh*|ja*|th*) unit=characters;; esac
  echo "prose-from-debian.sh: $lang: $1: $2 documents, $3 paragraphs, $4 $unit" >&2
}

case ",$sources," in *,man,*)
  if command -v man >/dev/null && command -v col >/dev/null; then
    n=$(for d in $(dirs /usr/share/man); do
          for f in "$d"/man1/* "$d"/man5/* "$d"/man7/* "$d"/man8/*; do
            [ -f "$f" ] || continue
            MANWIDTH=4000 man -E UTF-8 -l "$f" 2>/dev/null | col -bx | iconv -f UTF-8 -t UTF-8 -c | perl -CSD -0777 -ne '
              # NAME: the first indented line after the first heading; its text after " - ".
              my @l = split /\n/;
              my ($title, @p, $seen);
              for my $line (@l) {
                if ($line =~ /^\S/) { $seen++; next; }
                next unless $seen;
                my $t = $line =~ s/^\s+|\s+$//gr;
                next unless length $t;
                if (!defined $title) { $title = ($t =~ /\s[-\x{2014}\x{2013}]\s+(.+)/) ? $1 : ""; next; }
                push @p, $t if $line =~ /^ {7}\S/ || $line =~ /^ {14}\S/;
              }
              print join("\t", $title // "", @p), "\n";'
          done
        done | write_docs man)
    report man "$n"
  else
    echo "prose-from-debian.sh: man or col is not installed: no manual pages" >&2
  fi;;
esac

case ",$sources," in *,help,*)
  n=$(for d in $(dirs /usr/share/help); do
        for f in "$d"/*/*.page; do
          [ -f "$f" ] || continue
          perl -CSD -0777 -ne '
            sub text { my ($t) = @_; $t =~ s/<[^>]*>//g; $t =~ s/\s+/ /g;
                       $t =~ s/&lt;/</g; $t =~ s/&gt;/>/g; $t =~ s/&quot;/"/g; $t =~ s/&apos;/\x27/g;
                       $t =~ s/&#(\d+);/$1 < 0x110000 ? chr($1) : ""/ge; $t =~ s/&amp;/&/g; return $t; }
            my ($title) = /<title[^>]*>(.*?)<\/title>/s;
            my @p = map { text($_) } /<p(?:\s[^>]*)?>(.*?)<\/p>/gs;
            print join("\t", text($title // ""), @p), "\n";' "$f"
        done
      done | write_docs help)
  report help "$n";;
esac

case ",$sources," in *,mo,*)
  if command -v msgunfmt >/dev/null; then
    n=$(for d in $(dirs /usr/share/locale); do
          for f in "$d"/LC_MESSAGES/*.mo; do
            [ -f "$f" ] || continue
            msgunfmt "$f" 2>/dev/null | iconv -f UTF-8 -t UTF-8 -c | LANGCODE=$lang perl -CSD -0777 -ne '
              my @s;
              while (/^msgstr(?:\[\d+\])? ((?:"(?:[^"\\]|\\.)*"\s*\n?)+)/mg) {
                my $t = join "", $1 =~ /"((?:[^"\\]|\\.)*)"/g;
                $t =~ s/\\n/ /g; $t =~ s/\\t/ /g; $t =~ s/\\(.)/$1/g; $t =~ s/_(?=\w)//g; $t =~ s/\s+/ /g;
                # a message that is a sentence: long enough, ends like one, no placeholders
                push @s, $t if length($t) >= 20 && $t !~ /[%{}<>|\\]|\$\w/ &&
                               ($ENV{LANGCODE} eq "th" || $t =~ /[.!?\x{3002}\x{FF01}\x{FF1F}\x{061F}\x{06D4}]$/);
              }
              my ($title) = grep { length($_) >= 4 && length($_) <= 60 } @s;
              my (@p, @cur);
              for my $t (@s) { push @cur, $t; if (@cur == 4) { push @p, join(" ", @cur); @cur = (); } }
              push @p, join(" ", @cur) if @cur;
              print join("\t", $title // "", @p), "\n";'
          done
        done | write_docs mo)
    report mo "$n"
  else
    echo "prose-from-debian.sh: msgunfmt (gettext) is not installed: no message catalogs" >&2
  fi;;
esac
echo "prose-from-debian.sh: $lang: written to $out ($(ls "$out" | wc -l) files, $(du -sh "$out" | cut -f1))" >&2
