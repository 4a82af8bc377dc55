#!/usr/bin/env bash
# Fuzz smoke test: runs every cargo-fuzz target in fuzz/ for a bounded time.
#
#   scripts/fuzz-smoke.sh                 all targets, FUZZ_TIME seconds each (default 20)
#   scripts/fuzz-smoke.sh segment figures only these targets
#
# Environment:
#   FUZZ_TIME=N          seconds per target (default 20)
#   FUZZ_SANITIZER=...   none (default: fastest; panics, overflow and debug assertions
#                        are what safe Rust can hit) or address
#   FUZZ_SKIP_UNAVAILABLE=1  exit 0 with a notice when cargo-fuzz cannot be installed
#                        (offline machine) instead of failing
#
# The machine has only stable Rust; cargo-fuzz needs nightly flags, so the build runs
# with RUSTC_BOOTSTRAP=1. Seeds: the example articles in ../shared/corpus when present,
# and the odd inputs in tests/odd-input.
# A crash fails the script (after the other targets ran); the reproducer is in
# fuzz/artifacts/<target>/ and `cargo fuzz run <target> <file>` replays it.
set -uo pipefail
cd "$(dirname "$0")/.."

CARGO_FUZZ_VERSION=0.13.2
TIME="${FUZZ_TIME:-20}"
SANITIZER="${FUZZ_SANITIZER:-none}"
ALL=(ingest clean segment figures attribute analyze_document analyze_corpus)
if [[ $# -gt 0 ]]; then targets=("$@"); else targets=("${ALL[@]}"); fi

if ! cargo fuzz --version 2>/dev/null | grep -q "$CARGO_FUZZ_VERSION"; then
  echo "fuzz-smoke: installing cargo-fuzz $CARGO_FUZZ_VERSION" >&2
  if ! cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked >&2; then
    if [[ "${FUZZ_SKIP_UNAVAILABLE:-0}" == 1 ]]; then
      echo "fuzz-smoke: cargo-fuzz unavailable, skipped" >&2
      exit 0
    fi
    echo "fuzz-smoke: cannot install cargo-fuzz" >&2
    exit 1
  fi
fi

export RUSTC_BOOTSTRAP=1
# No colour codes or progress bars in CI logs.
export CARGO_TERM_COLOR=never CARGO_TERM_PROGRESS_WHEN=never
flags=(-O --debug-assertions --sanitizer "$SANITIZER" --fuzz-dir fuzz)
if ! cargo fuzz build "${flags[@]}"; then
  echo "fuzz-smoke: build failed" >&2
  exit 1
fi

seeds=../shared/corpus/korea-oil
failed=()
for t in "${targets[@]}"; do
  corpus="fuzz/corpus/$t"
  mkdir -p "$corpus" "fuzz/artifacts/$t"
  if [[ -z "$(ls -A "$corpus")" && -d "$seeds" ]]; then
    # The analysis targets read a format byte first; the copies get one for free
    # (the article's first byte), which is fine for seeding.
    cp "$seeds"/*.txt "$corpus"/ 2>/dev/null || true
  fi
  if [[ ! -e "$corpus/odd-hostile.html" ]]; then
    # The odd inputs (legacy encodings, hostile HTML) reach the decoding and HTML paths.
    for f in tests/odd-input/*.txt tests/odd-input/*.html; do cp "$f" "$corpus/odd-$(basename "$f")"; done
  fi
  echo "== fuzz $t (${TIME}s)" >&2
  # -detect_leaks=0: LeakSanitizer needs ptrace, often refused in containers/CI.
  # -timeout: an input taking longer than 10 s is reported as a hang (a slow path).
  cargo fuzz run "${flags[@]}" "$t" "$corpus" -- \
      -max_total_time="$TIME" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -detect_leaks=0 -print_final_stats=1 \
      -artifact_prefix="fuzz/artifacts/$t/" 2>&1 | grep -vE '^#[0-9]+[[:space:]]+(NEW|REDUCE|pulse)' >&2
  if [[ ${PIPESTATUS[0]} -ne 0 ]]; then
    failed+=("$t")
  fi
done

if [[ ${#failed[@]} -gt 0 ]]; then
  echo "fuzz-smoke: FAILED: ${failed[*]} (reproducers in fuzz/artifacts/)" >&2
  exit 1
fi
echo "fuzz-smoke: all ${#targets[@]} targets ran ${TIME}s without a crash" >&2
