#!/usr/bin/env python3
"""Derive the reporting-cue lexicon from PolNeAR train (brat `Cue` spans).

Usage: python3 scripts/data/quotes_cues.py ../shared/bench/polnear/train > crates/core/data/quotes/cues.txt

Every `Cue` span of every train annotation file is lower-cased and its whitespace
collapsed. Cues that are not words (":" , quote marks) and function words that
annotators sometimes mark as the cue ("in", "for", "to") are dropped; each remaining
cue form is counted once per occurrence. Single-word forms and multi-word forms
(e.g. "according to", "was quoted as saying") are both kept. Only forms seen at least
MIN times are written, most frequent first: `count<TAB>form`.
"""
import collections
import os
import re
import sys

MIN = 3
FUNCTION = {"in", "for", "to", "of", "on", "at", "by", "with", "from", "as", "that", "the", "a", "an",
            "and", "or", "but", "is", "was", "are", "were", "be", "been", "has", "have", "had", "it",
            "this", "his", "her", "their", "its", "per", "via", "under", "after", "before", "about"}


def main(root):
    counts = collections.Counter()
    adir = os.path.join(root, "attributions")
    for name in sorted(os.listdir(adir)):
        if not name.endswith(".ann"):
            continue
        with open(os.path.join(adir, name), encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 3 or not parts[1].startswith("Cue "):
                    continue
                form = re.sub(r"\s+", " ", parts[2].strip().lower()).replace("\u2019", "'")
                form = form.strip(" :,.\"'\u201c\u201d")
                if not form or not re.search(r"[a-z]", form) or len(form.split()) > 5:
                    continue
                if form in FUNCTION:
                    continue
                counts[form] += 1
    out = sys.stdout
    out.write("# PolNeAR train Cue spans (see SOURCE.md): count<TAB>cue form, lower-case\n")
    for form, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if n >= MIN:
            out.write(f"{n}\t{form}\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/bench/polnear/train")
