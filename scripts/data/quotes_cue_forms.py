#!/usr/bin/env python3
"""The other inflections of the cue lexicon's verbs.

Usage: pip install lemminflect==0.2.3 &&
       python3 scripts/data/quotes_cue_forms.py crates/core/data/quotes/cues.txt \
           > crates/core/data/quotes/cue_forms.txt

cues.txt holds the forms PolNeAR's annotators happened to mark at least three times:
"warned" but not "warns", "criticized" but not "criticizes". A reporter's choice of tense
says nothing about whether a verb reports speech, so every single-word cue that is a verb
form lends its frequency to its lemma's other inflections. LemmInflect (MIT licence;
its tables derive from the AGID inflection database and the NIH SPECIALIST Lexicon) gives
the lemma of a form and the lemma's inflections; only forms it knows as verbs are used, so
no form is guessed by suffix rules. Written: `form<TAB>attested form` for every
inflection (past, past participle, -ing, third person -s) not already in cues.txt, with the
attested sibling of highest frequency, most frequent first. Base forms are not added:
"order", "document", "state" are nouns far more often than reports, and for the same
reason no form LemmInflect also knows as a noun or adjective ("emails", "names",
"reporting", "given") is added. Nor are the
inflections of a lemma that is itself another verb's form ("found" of find, "saw" of see:
no "founded", "sawing").
"""
import sys

import lemminflect

TAGS = ("VBD", "VBN", "VBG", "VBZ")


def main(path):
    counts = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            n, form = line.rstrip("\n").split("\t")
            if " " not in form:
                counts[form] = int(n)
    best = {}
    for form, n in counts.items():
        for lemma in lemminflect.getAllLemmas(form, upos="VERB").get("VERB", ()):
            # "found" is find's past before it is a verb of its own, "saw" see's
            if lemma == form and lemminflect.getAllLemmas(form, upos="VERB").get("VERB", ()) != (form,):
                continue
            if any(l != lemma for l in lemminflect.getAllLemmas(lemma, upos="VERB").get("VERB", ())):
                continue
            infl = lemminflect.getAllInflections(lemma, upos="VERB")
            for tag in TAGS:
                for g in infl.get(tag, ()):
                    g = g.lower()
                    if g in counts or g == form:
                        continue
                    # "emails", "names", "reporting", "given" are nouns or adjectives
                    # as often as verbs: left to the annotated forms
                    if any(lemminflect.getAllLemmas(g, upos=p) for p in ("NOUN", "ADJ")):
                        continue
                    if g not in best or counts[best[g]] < n:
                        best[g] = form
    print("# Inflections of cues.txt's verbs that cues.txt lacks (see SOURCE.md): form<TAB>attested sibling")
    for g in sorted(best, key=lambda g: (-counts[best[g]], g)):
        print(f"{g}\t{best[g]}")


if __name__ == "__main__":
    main(sys.argv[1])
