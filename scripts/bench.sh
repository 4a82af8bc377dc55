#!/usr/bin/env bash
# Speed and size benchmark: writes docs/benchmarks.md (machine notes, goals, words/s per
# stage natively and in headless Chromium, cold start, peak memory, corpus scaling of
# analyse + compare, .wasm sizes raw/gzip/brotli).
#
#   scripts/bench.sh              full run (1 MB + 10 MB corpora, 100/1,000/5,000 articles)
#   scripts/bench.sh --quick      smaller and faster
#   scripts/bench.sh --web        also rebuild dist/ first (trunk build --release --offline)
#   scripts/bench.sh --no-browser skip the browser run (keeps an existing browser-bench.json)
#
# The browser part (scripts/browser-bench.mjs: playwright-core + /usr/bin/chromium) runs
# when dist/ exists; it writes tests/e2e/output/browser-bench.json, which the native bench
# (crates/bench, parallax-bench) reads into the report. Other arguments are passed to
# parallax-bench (see `--help`). BENCH_CPU=N pins the native run to one CPU with taskset
# (less noise on a shared machine).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

browser=1
web=0
quick=()
rest=()
for a in "$@"; do
  case "$a" in
    --no-browser) browser=0 ;;
    --web) web=1 ;;
    --quick) quick=(--quick); rest+=("$a") ;;
    *) rest+=("$a") ;;
  esac
done

if [[ $web == 1 ]]; then
  trunk build --release --offline
fi
if [[ $browser == 1 ]]; then
  if [[ -f dist/worker_loader.js ]] && command -v node >/dev/null && [[ -x "${CHROMIUM:-/usr/bin/chromium}" ]]; then
    node scripts/browser-bench.mjs "${quick[@]}"
  else
    echo "bench.sh: no dist/ (or node/chromium): browser numbers skipped; build with --web" >&2
  fi
fi

cargo build --release -q -p parallax-bench
pin=()
if [[ -n "${BENCH_CPU:-}" ]] && command -v taskset >/dev/null; then
  pin=(taskset -c "$BENCH_CPU")
fi
exec "${pin[@]}" ./target/release/parallax-bench --write docs/benchmarks.md "${rest[@]}"
