#!/bin/sh
# Regenerates crates/core/data/clean/abbreviations.tsv from the PyPI package pysbd
# (MIT; English abbreviation lists in pysbd/lang/common/standard.py).
# Output: one lower-case abbreviation per line, tab, class:
#   p = prepositive (Mr., Gen.: never ends a sentence before a capitalised word)
#   n = number abbreviation (No., pp.: does not end a sentence before a digit)
#   a = other abbreviation (ends a sentence only before a clearly new sentence)
set -eu
VER=0.3.4
TMP=$(mktemp -d)
pip download "pysbd==$VER" --no-deps -d "$TMP" >/dev/null
cd "$TMP" && unzip -q pysbd-$VER-py3-none-any.whl
OUT=${OUT:-$(dirname "$0")/../../crates/core/data/clean/abbreviations.tsv}
PYTHONPATH="$TMP" python3 - "$OUT" <<'PY'
import sys
from pysbd.lang.common.standard import Standard
A = Standard.Abbreviation
pre, num = set(A.PREPOSITIVE_ABBREVIATIONS), set(A.NUMBER_ABBREVIATIONS)
rows = []
for a in sorted(set(A.ABBREVIATIONS) | pre | num):
    rows.append(f"{a}\t{'p' if a in pre else 'n' if a in num else 'a'}")
open(sys.argv[1], "w").write("\n".join(rows) + "\n")
PY
