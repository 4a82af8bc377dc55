#!/usr/bin/env bash
# Speed and size benchmark: builds parallax-bench in release mode and writes
# docs/benchmarks.md (words/s per stage, peak memory, corpus scaling, wasm size).
#
#   scripts/bench.sh            full run (1 MB + 10 MB corpora, 100/1,000/5,000 articles)
#   scripts/bench.sh --quick    smaller and faster
#
# Extra arguments are passed to parallax-bench (see `--help`). Set BENCH_CPU=N to pin
# the run to one CPU with taskset (less noise on a shared machine).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p parallax-bench
pin=()
if [[ -n "${BENCH_CPU:-}" ]] && command -v taskset >/dev/null; then
  pin=(taskset -c "$BENCH_CPU")
fi
exec "${pin[@]}" ./target/release/parallax-bench --write docs/benchmarks.md "$@"
