#!/usr/bin/env python3
"""Month names, weekday names and date-pattern words of the main news languages, from
CLDR (npm package cldr-dates-modern), for the dateline reader in
crates/core/src/clean/date.rs.

Usage:
    npm install --no-save --prefix /tmp/cldr cldr-dates-modern@45.0.0
    python3 scripts/data/clean_date_words.py /tmp/cldr/node_modules/cldr-dates-modern/main \
        > crates/core/data/clean/date_words.tsv

Output, one `kind<TAB>form<TAB>value` per line, forms lower-cased without a final dot:
- `m  form  1..12`: a month name (format and stand-alone, wide and abbreviated; the
  format forms hold the genitive of Slavic languages: "января", "stycznia").
- `w  form  0`: a word a dateline may carry besides the date: the words of weekday
  names and the literal words of the locale's long date and date-time patterns ("de",
  "г", "às", "um").

A form that names different months in two languages ("listopad": November in Polish and
Czech, October in Croatian) is left out, as are forms under three letters and forms that
are also a month in English for a different month. English is read by the code itself
(its AP abbreviations are not in CLDR).
"""

import json
import os
import re
import sys
import unicodedata

# The languages of most news on the web after English (W3Techs content languages) and
# of the regions OSINT work covers most.
LOCALES = [
    "de", "fr", "es", "pt", "it", "nl", "ru", "uk", "pl", "cs", "sk", "tr", "sv", "da",
    "nb", "fi", "ro", "hu", "el", "bg", "sr-Latn", "hr", "sl", "lt", "lv", "et", "id",
    "ms", "vi", "ca", "be", "ka", "az", "kk",
]

ENGLISH = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}


def norm(s):
    s = unicodedata.normalize("NFC", s).lower().strip()
    return s[:-1] if s.endswith(".") else s


def literals(pattern):
    """The literal words of a CLDR date pattern: quoted runs and runs of letters that
    are not pattern letters (ASCII letters are pattern letters)."""
    out = []
    for q in re.findall(r"'([^']+)'", pattern):
        out += q.split()
    bare = re.sub(r"'[^']*'", " ", pattern)
    out += re.findall(r"[^\x00-\x7f\s,.\-/{}0-9]+", bare)
    return [norm(w) for w in out if norm(w)]


def main(root):
    months = {}
    conflict = set()
    words = set()
    for loc in LOCALES:
        path = os.path.join(root, loc, "ca-gregorian.json")
        with open(path, encoding="utf-8") as f:
            g = json.load(f)["main"][loc]["dates"]["calendars"]["gregorian"]
        for ctx in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for k, v in g["months"][ctx][width].items():
                    form, m = norm(v), int(k)
                    # Catalan's genitive "de gener": the name is the last word (the
                    # "de" is a pattern word); Vietnamese "tháng 1" has no name
                    form = norm(form.split()[-1]) if form else form
                    if len(form) < 3 or not form.isalpha():
                        continue
                    if ENGLISH.get(form, m) != m or months.get(form, m) != m:
                        conflict.add(form)
                    months[form] = m
                for v in g["days"][ctx][width].values():
                    # (one word each: the reader checks a dateline's words one by one)
                    words.update(w for w in norm(v).split() if len(w) >= 2)
        # the words of the clock patterns ("HH 'Uhr'")
        for key, v in g["dateTimeFormats"]["availableFormats"].items():
            if key in ("h", "H", "hm", "Hm"):
                words.update(literals(v))
        for kind in ("full", "long", "medium"):
            words.update(literals(g["dateFormats"][kind]))
            at = g.get("dateTimeFormats-atTime", {}).get("standard", {}).get(kind)
            for p in (g["dateTimeFormats"][kind], at or ""):
                words.update(literals(p))
    for form in sorted(months):
        if form not in conflict and form not in ENGLISH:
            print(f"m\t{form}\t{months[form]}")
    for w in sorted(words):
        if w not in months and " " not in w and not any(c.isdigit() for c in w):
            print(f"w\t{w}\t0")


if __name__ == "__main__":
    main(sys.argv[1])
