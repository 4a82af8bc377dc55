#!/usr/bin/env python3
"""Build crates/core/data/figures/{units,currencies}.tsv from public packages.

Inputs (download, then run this script from the repo root):
  pip download --no-deps quantulum3==0.10.0      (MIT; units.json)
  npm pack currency-codes@2.2.0                  (MIT; ISO 4217 codes and names)
  npm pack currency-symbol-map@5.1.0             (BSD-2-Clause; code -> symbol)
  pip download --no-deps pint==0.25.3            (BSD-3-Clause; pint/default_en.txt)
Usage: scripts/data/figures_units.py QUANTULUM_UNITS_JSON CURRENCY_CODES_DATA_JS CSM_MAP_JS PINT_DEFAULT_EN_TXT

pint adds a few units news writes that quantulum3 lacks (PINT_PICK below: energy in
watt-hours with SI prefixes, torque, temperature and pressure symbols); forms already
taken by quantulum3 keep quantulum3's unit.

units.tsv:      form<TAB>unit<TAB>cs   (cs=1: case-sensitive symbol, 0: lower-cased name)
currencies.tsv: form<TAB>ISO code<TAB>kind (pre: written before the number,
                post: written after it, code: the ISO code itself, usable either side)
"""
import json, re, sys

units_json, cc_js, csm_js, pint_txt = sys.argv[1:5]
units = json.load(open(units_json, encoding="utf-8"))

PREFIXES = {"k": "kilo", "M": "mega", "G": "giga", "T": "tera", "m": "milli",
            "c": "centi", "µ": "micro", "n": "nano"}
IRREGULAR = {"foot": "feet", "inch": "inches", "century": "centuries",
             "millennium": "millennia", "hertz": "hertz", "siemens": "siemens",
             "lux": "lux", "stokes": "stokes", "celsius": "celsius", "fahrenheit": "fahrenheit"}
# Forms that are ordinary English words or too ambiguous after a number in news
# text; the recogniser treats such words as counted nouns instead.
SKIP_FORMS = {"time", "times", "instance", "instances", "count", "counts", "turn", "cycle", "circle", "set", "pack",
              "piece", "pc", "pair", "quarter", "span", "drop", "shake", "real", "mill",
              "mil", "gross", "rad", "gray", "henry", "dime", "tex", "rhe", "gal", "pond",
              "ell", "stere", "quad", "nit", "dots", "league", "nautical league", "c.",
              "d.", "in", "a", "at", "st", "mb", "tb", "gb", "bar", "stokes", "penny",
              "cup", "dimensionless", "unk", "bip", "beep", "sol", "won", "rand"}

def plural(w):
    if w in IRREGULAR:
        return IRREGULAR[w]
    if re.search(r"(s|x|z|ch|sh)$", w):
        return w + "es"
    if re.search(r"[^aeiou]y$", w):
        return w[:-1] + "ies"
    return w + "s"

def plurals(name):
    words = name.split(" ")
    out = {name}
    if "per" in words:  # "mile per hour" -> "miles per hour"
        i = words.index("per")
        out.add(" ".join(words[: i - 1] + [plural(words[i - 1])] + words[i - 1 + 1 :]))
    elif words[0] in ("degree", "square", "cubic") and len(words) > 1:
        if words[0] == "degree":
            out.add(" ".join([plural(words[0])] + words[1:]))
        out.add(" ".join(words[:-1] + [plural(words[-1])]))
    else:
        out.add(" ".join(words[:-1] + [plural(words[-1])]))
    return out

rows = {}  # (form, cs) -> unit ; first (best) wins
SKIP_SYMBOLS = {"s", "a", "in", "at", "st", "d", "y", "h", "c", "p", "u", "q", "b", "t", "G", "Gs"}
def add(form, unit, cs):
    if not form or (cs and form in SKIP_SYMBOLS) or (not cs and form.lower() in SKIP_FORMS):
        return
    key = (form if cs else form.lower(), cs)
    rows.setdefault(key, unit)

# Exact name matches first so that e.g. "ton" maps to the unit named "ton".
entries = [(k, v) for k, v in units.items() if v.get("entity") != "currency"]
for name, v in entries:
    for s in v.get("surfaces", []) or []:
        if s.lower() == name.lower():
            for p in plurals(s.lower()):
                add(p, name, 0)
for name, v in entries:
    for s in v.get("surfaces", []) or []:
        for p in plurals(s.lower()):
            add(p, name, 0)
    for sym in v.get("symbols", []) or []:
        add(sym, name, 1)
for name, v in entries:
    for pre in v.get("prefixes", []) or []:
        if pre not in PREFIXES:
            continue
        for s in v.get("surfaces", []) or []:
            if " " in s:
                continue
            pname = PREFIXES[pre] + s.lower()
            canon = PREFIXES[pre] + name
            for p in plurals(pname):
                add(p, canon, 0)
        for sym in v.get("symbols", []) or []:
            if len(sym) <= 3 and sym.isalpha():
                add(pre + sym, PREFIXES[pre] + name, 1)
                if pre == "µ":
                    add("μ" + sym, PREFIXES[pre] + name, 1)

# Exponent forms: quantulum3 parses "m²" / "km2" by composing a symbol with a power,
# so its table only has "sq m"; add the written power forms of its square and cubic
# symbols ("sq km" -> "km²", "km2").
for (form, cs), unit in list(rows.items()):
    m = re.fullmatch(r"(sq|cu) ([a-zA-Zµ]{1,2})", form)
    if m and m.group(2) == "hm":
        continue
    if cs and m:
        p = "²" if m.group(1) == "sq" else "³"
        add(m.group(2) + p, unit, 1)
        if len(m.group(2)) + 1 >= 2:
            add(m.group(2) + ("2" if p == "²" else "3"), unit, 1)

# ... and of every short length symbol that has no square or cubic unit of its own
# ("cm2" -> "square centimetre", "mm³" -> "cubic millimetre").
lengths = {n for n, v in entries if v.get("entity") == "length"}
lengths |= {PREFIXES[p] + n for n, v in entries if v.get("entity") == "length" for p in v.get("prefixes") or [] if p in PREFIXES}
for (form, cs), unit in list(rows.items()):
    if cs and unit in lengths and unit.endswith("metre") and form.isalpha() and len(form) <= 2:
        for p, word in (("²", "square"), ("³", "cubic")):
            add(form + p, f"{word} {unit}", 1)
            add(form + ("2" if p == "²" else "3"), f"{word} {unit}", 1)

# ---------------------------------------------------------------- pint
# name -> (SI prefixes to apply, unit name to report or None for pint's own name)
PINT_PICK = {
    "watt_hour": ("kMGT", None),
    "ampere_hour": ("m", None),
    "foot_pound": ("", "pound-foot"),
    "degree_Celsius": ("", None),
    "degree_Fahrenheit": ("", None),
    "kip_per_square_inch": ("", "kilopound per square inch"),
}
PINT_PREFIX = {"k": "kilo", "M": "mega", "G": "giga", "T": "tera", "m": "milli"}
pint_defs = {}
for line in open(pint_txt, encoding="utf-8"):
    line = line.split("#")[0].strip()
    if "=" not in line or line.startswith("@"):
        continue
    parts = [x.strip() for x in line.split("=")]
    pint_defs[parts[0]] = [x for x in parts[2:] if x and x != "_"]
# a form pint shares with a quantulum3 unit names the unit as quantulum3 does
q_by_form = {f: u for (f, cs), u in rows.items()}
for pname, (prefixes, rename) in PINT_PICK.items():
    aliases = pint_defs[pname]
    unit = rename or next((q_by_form[a] for a in aliases if a in q_by_form), pname.replace("_", " "))
    # lower-case aliases longer than a symbol are names; the rest are symbols
    words = [a for a in aliases if len(a) > 3 and a.islower() and a.isalpha()] + [pname.lower()]
    syms = [a for a in aliases if a not in words and "_" not in a]
    for w in words:
        w = w.replace("_", " ")
        for f in plurals(w) | {w.replace(" ", "-")}:
            add(f, unit, 0)
    for sym in syms:
        add(sym, unit, 1)
    for pre in prefixes:
        pu = PINT_PREFIX[pre] + unit
        for w in [pname.replace("_", " ")]:
            for f in plurals(PINT_PREFIX[pre] + w) | {PINT_PREFIX[pre] + w.replace(" ", "-")}:
                add(f, pu, 0)
        for sym in syms:
            if sym[0].isupper() or sym[0].isalpha():
                add(pre + sym, pu, 1)
# Torque in the order news writes it ("332 lb-ft", "275 pound-feet"), built from
# pint's symbols and names of pound and foot.
lb, ft = pint_defs["pound"], pint_defs["foot"]
for p_form in ["pound", "pounds"] + [a for a in lb if len(a) <= 3]:
    for f_form in ["foot", "feet"] + [a for a in ft if len(a) <= 3]:
        for sep in ("-", " "):
            add(p_form + sep + f_form, "pound-foot", 0)

# Symbols of two or more characters are often written in another case ("HP",
# "Ghz", "KWH"): add the lower-cased form as a name unless two symbols collide.
lower_syms = {}
for (form, cs), unit in rows.items():
    if cs and len(form) >= 2 and form.isascii() and not re.fullmatch(r"[a-zA-Z]+[23]", form):
        lower_syms.setdefault(form.lower(), set()).add(unit)
for low, us in lower_syms.items():
    if len(us) == 1 and (low, 0) not in rows and low not in SKIP_FORMS and low not in SKIP_SYMBOLS:
        rows[(low, 0)] = next(iter(us))

with open("crates/core/data/figures/units.tsv", "w", encoding="utf-8") as f:
    for (form, cs), unit in sorted(rows.items()):
        f.write(f"{form}\t{unit}\t{cs}\n")

# ---------------------------------------------------------------- currencies
js = open(cc_js, encoding="utf-8").read()
iso = json.loads(js[js.index("["): js.rindex("]") + 1])
csm = dict(re.findall(r"^\s*([A-Z]{3}): '([^']*)'", open(csm_js, encoding="utf-8").read(), re.M))

cur = {}  # (form, kind) -> code
def addc(form, code, kind):
    cur.setdefault((form, kind), code)

# "$" alone means US dollars in English news; the other dollar signs carry a prefix.
addc("$", "USD", "pre")
for name, v in units.items():  # quantulum3's English currency names and symbols
    code = v.get("currency_code")
    if v.get("entity") != "currency" or not code:
        continue
    for s in v.get("surfaces", []):
        if s.lower() not in SKIP_FORMS:
            for p in plurals(s.lower()):
                addc(p, code, "post")
    for sym in v.get("symbols", []):
        if sym != code and not sym.isalpha() or (sym.isalpha() and len(sym) > 1 and sym != code):
            addc(sym, code, "pre")
names = {}
for c in iso:
    code, name = c["code"], c["currency"].strip()
    if not re.fullmatch(r"[A-Z]{3}", code) or code.startswith("X"):
        continue
    addc(code, code, "code")
    if "(" in name:
        continue
    for p in plurals(name.lower()):
        addc(p, code, "post")
    last = name.lower().split(" ")[-1]
    names.setdefault(last, set()).add(code)
    # Dollar currencies: "HK$", "NZ$", "$US" built from the ISO country prefix.
    if name.endswith("Dollar"):
        addc(code[:2] + "$", code, "pre")
        addc("$" + code[:2], code, "pre")
for last, codes in sorted(names.items()):  # unambiguous bare names ("ringgit", "baht")
    if len(codes) == 1 and last not in SKIP_FORMS and len(last) > 3:
        for p in plurals(last):
            addc(p, next(iter(codes)), "post")
for code, sym in sorted(csm.items()):
    sharing = [c for c, s in csm.items() if s == sym]
    if len(sharing) == 1 and not (sym.isalpha() and len(sym) == 1) and sym != code:
        addc(sym, code, "pre")
        if sym.endswith("$") and len(sym) > 1:
            addc("$" + sym[:-1], code, "pre")
for (form, kind), code in list(cur.items()):  # "A$" -> "$A"
    if kind == "pre" and len(form) == 2 and form.endswith("$") and form[0].isalpha():
        addc("$" + form[0], code, "pre")

with open("crates/core/data/figures/currencies.tsv", "w", encoding="utf-8") as f:
    for (form, kind), code in sorted(cur.items()):
        f.write(f"{form}\t{code}\t{kind}\n")
