#!/usr/bin/env python3
"""Build the test pages of tests/data/scripts/ from the hand-written sources in src/.

Each src/LANG.txt holds one invented news site (its chrome, in that language) and two invented
stories, `a` and `b`, all written for ndupes (no text comes from anywhere else).  For each story
this writes what a crawl would hold:

  LANG-S-page.txt  the story in the site's chrome as a text browser renders it: skip link, menu,
                   cookie line, breadcrumb, headline, byline, share line, photo caption, the body
                   wrapped at 78 columns, print/share line, a teaser list that also names the other
                   story's headline, footer with copyright and imprint;
  LANG-S-body.txt  the article alone: paragraphs 2 and 3 merged into one, the longest paragraph
                   split in two at a sentence end near its middle, wrapped at 62 columns;
  LANG-S-copy.txt  a byte-identical copy of the page;
  LANG-S-crlf.txt  the page re-wrapped at 70 columns, with CRLF line ends;

and truth.tsv (file<TAB>cluster, clusters LANG-a and LANG-b).  The two pages of a language are on
the same site with the same chrome, so that they test "two stories are not merged by their chrome".

Wrapping counts East Asian wide characters as two columns.  Chinese and Japanese lines break
between any two characters (not before closing punctuation, not after opening punctuation, never
inside a run of Latin letters or digits); Thai, which has no spaces between words, breaks only at
its spaces (between phrases), as a browser without a Thai dictionary would; the other scripts
break at spaces.

Run from anywhere: python3 tests/data/scripts/make-pages.py  (it rewrites the files in place;
the output is deterministic).
"""
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
UNSPACED = {"zh", "ja"}        # break between characters
PHRASE_SPACED = {"th"}         # spaces only between phrases: break there, never inside
NO_START = set("、。，．：；！？」』）》”’〕】・ー)]}.,;:!?")
NO_END = set("「『（《“‘〔【([{")


def width(ch):
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def tokens(text, lang):
    """Units that a line break may not split: words (spaced scripts), characters (CJK) with
    Latin/digit runs kept whole, phrases (Thai); spaces are their own tokens."""
    out, cur = [], ""
    for ch in text:
        if ch == " ":
            if cur:
                out.append(cur)
            out.append(" ")
            cur = ""
        elif lang in UNSPACED and ord(ch) >= 0x2E80:
            if cur:
                out.append(cur)
            out.append(ch)
            cur = ""
        else:
            cur += ch
    if cur:
        out.append(cur)
    return out


def wrap(text, cols, lang):
    """Greedy fill of one paragraph into lines of at most cols columns."""
    toks = tokens(text, lang)
    lines, line, w = [], [], 0
    for t in toks:
        tw = sum(width(c) for c in t)
        if t == " ":
            if line:
                line.append(t)
                w += 1
            continue
        if line and w + tw > cols:
            # kinsoku: no closing mark at a line start, no opening mark at a line end
            carry = []
            if lang in UNSPACED:
                nxt = t
                while len(line) > 1 and line[-1] != " " and len(carry) < 3 and \
                        (nxt[0] in NO_START or line[-1][-1] in NO_END):
                    nxt = line.pop()
                    carry.insert(0, nxt)
            while line and line[-1] == " ":
                line.pop()
            lines.append("".join(line))
            line = carry
            w = sum(width(c) for x in line for c in x)
        line.append(t)
        w += tw
    while line and line[-1] == " ":
        line.pop()
    if line:
        lines.append("".join(line))
    return lines


def parse(path):
    sec, name = {}, None
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if line.startswith("@@ "):
                name = line[3:].strip()
                sec[name] = []
            elif name is not None:
                sec[name].append(line)
    for k in sec:
        while sec[k] and sec[k][-1] == "":
            sec[k].pop()
        while sec[k] and sec[k][0] == "":
            sec[k].pop(0)
    return sec


def paragraphs(lines):
    paras, cur = [], []
    for l in lines:
        if l.strip():
            cur.append(l.strip())
        elif cur:
            paras.append(cur)
            cur = []
    if cur:
        paras.append(cur)
    return [" ".join(p) for p in paras]


def sentence_ends(p, lang):
    """Offsets just after a sentence end (where a paragraph may be split)."""
    ends = []
    for i, ch in enumerate(p):
        nxt = p[i + 1] if i + 1 < len(p) else ""
        if lang in UNSPACED:
            if ch in "。！？" and nxt not in "」』”）":
                ends.append(i + 1)
            elif ch in "」』" and i > 0 and p[i - 1] in "。！？":
                ends.append(i + 1)
        elif lang == "hi":
            if ch in "।?!" and nxt == " ":
                ends.append(i + 1)
            elif ch in "\"”" and nxt == " " and i > 0 and p[i - 1] in "।?!":
                ends.append(i + 1)
        elif lang == "th":
            if ch == " " and i > 0:
                ends.append(i)
        elif ch in ".!?»\"”“" and nxt == " " and i > 0 and (ch in ".!?" or p[i - 1] in ".!?"):
            ends.append(i + 1)
    return [e for e in ends if 0 < e < len(p)]


def body_paras(paras, lang):
    """The extraction's paragraphs: 2 and 3 merged, the longest split near its middle."""
    ps = list(paras)
    if len(ps) >= 3:
        sep = "" if lang in UNSPACED else " "
        ps[1:3] = [ps[1] + sep + ps[2]]
    longest = max(range(len(ps)), key=lambda i: len(ps[i]))
    p = ps[longest]
    ends = sentence_ends(p, lang)
    if ends:
        cut = min(ends, key=lambda e: abs(e - len(p) // 2))
        ps[longest:longest + 1] = [p[:cut].rstrip(), p[cut:].lstrip()]
    return ps


def page(sec, s, other, lang, cols):
    title = sec[s + ".title"][0]
    out = [l.replace("{section}", sec[s + ".section"][0]) for l in sec["header"]]
    out += ["", title, ""] + sec[s + ".byline"] + sec["share"] + [""]
    out += sec[s + ".caption"] + [""]
    for p in paragraphs(sec[s + ".body"]):
        out += wrap(p, cols, lang) + [""]
    out += sec["tail"] + [""]
    teasers = list(sec["teasers"])
    teasers.insert(2, sec[other + ".title"][0])
    out += sec["related"] + ["  • " + t for t in teasers] + [""]
    out += sec["footer"]
    return "\n".join(out) + "\n"


def body(sec, s, lang):
    out = []
    for p in body_paras(paragraphs(sec[s + ".body"]), lang):
        out += wrap(p, 62, lang) + [""]
    return "\n".join(out[:-1]) + "\n"


def write(name, text, crlf=False):
    data = text.replace("\n", "\r\n") if crlf else text
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="") as f:
        f.write(data)


def main():
    truth = []
    for fn in sorted(os.listdir(os.path.join(HERE, "src"))):
        if not fn.endswith(".txt"):
            continue
        lang = fn[:-4]
        sec = parse(os.path.join(HERE, "src", fn))
        for s, other in (("a", "b"), ("b", "a")):
            pg = page(sec, s, other, lang, 78)
            base = "%s-%s-" % (lang, s)
            write(base + "page.txt", pg)
            write(base + "copy.txt", pg)
            write(base + "body.txt", body(sec, s, lang))
            write(base + "crlf.txt", page(sec, s, other, lang, 70), crlf=True)
            for kind in ("page", "body", "copy", "crlf"):
                truth.append("%s%s.txt\t%s-%s" % (base, kind, lang, s))
    write("truth.tsv", "# file\tcluster\n" + "\n".join(truth) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
