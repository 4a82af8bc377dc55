#!/usr/bin/env bash
# Installs what is needed (scripts/setup.sh), builds the web app into dist/ and serves it
# on http://localhost:8080 (PORT=... to change). The page loads the example corpus on the
# first visit. Ctrl-C stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release
PORT="${PORT:-8080}"
cat <<MSG

Parallax is built in dist/ (any static file server, any sub-path).
The same analysis on the command line:
  cargo run --release -p parallax-cli -- analyze www/examples/korea-oil/*.txt
  cargo run --release -p parallax-cli -- analyze www/examples/korea-oil/*.txt --json > analysis.json

Open http://localhost:$PORT/
MSG
exec node scripts/static-server.mjs dist "$PORT" "${HOST:-127.0.0.1}"
