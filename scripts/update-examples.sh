#!/usr/bin/env bash
# Copies the example corpus from ../shared/corpus/<name> into www/examples/<name>/ and
# writes the manifest the web app reads ("Load example"), so the static site carries
# the corpus without needing ../shared at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:-korea-oil}"
src="../shared/corpus/$name"
dst="www/examples/$name"
[ -d "$src" ] || { echo "no corpus at $src" >&2; exit 1; }
rm -rf "$dst"
mkdir -p "$dst"
cp "$src"/*.txt "$dst"/
python3 - "$dst" "$name" <<'PY'
import json, os, sys
dst, name = sys.argv[1], sys.argv[2]
files = sorted(f for f in os.listdir(dst) if f.endswith(('.txt', '.md', '.html', '.htm')))
with open(os.path.join(dst, 'manifest.json'), 'w') as f:
    json.dump({"name": name, "files": files}, f, indent=2)
    f.write("\n")
PY
echo "copied $(ls "$dst" | wc -l) files to $dst"
