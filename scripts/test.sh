#!/usr/bin/env bash
# Installs what is needed (scripts/setup.sh) and runs ALL tests:
#   1. cargo test --workspace                 (core, CLI, web protocol; native)
#   2. the example corpus in www/ matches ../shared (when ../shared is there)
#   3. wasm-bindgen-test in headless Chromium (a Web Worker): WASM JSON == native CLI JSON
#   4. trunk build --release                  (dist/)
#   5. Playwright e2e against dist/           (node --test tests/e2e/)
#   6. cargo-fuzz smoke run of every fuzz target (scripts/fuzz-smoke.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
step() { echo; echo "=== $* ==="; }
# Every step runs even when an earlier one failed, so one run shows all failures.
failed=()
run() { local name="$1"; shift; "$@" || { echo "FAILED: $name" >&2; failed+=("$name"); }; }

step "1/6 cargo test --workspace"
run "cargo test --workspace" cargo test --workspace --no-fail-fast

step "2/6 example corpus up to date"
examples_current() {
  if [ ! -d ../shared/corpus/korea-oil ]; then echo "../shared not found: skipped"; return 0; fi
  for f in ../shared/corpus/korea-oil/*.txt; do
    cmp "$f" "www/examples/korea-oil/$(basename "$f")" \
      || { echo "www/examples/korea-oil is stale: run bash scripts/update-examples.sh" >&2; return 1; }
  done
  echo "www/examples/korea-oil matches ../shared/corpus/korea-oil"
}
run "example corpus" examples_current

step "3/6 WASM == native (wasm-bindgen-test in headless Chromium)"
mkdir -p target/wasm-test
wasm_equals_native() {
  cargo run -q -p parallax-cli -- analyze www/examples/korea-oil/*.txt --json > target/wasm-test/native.json || return 1
  CHROMEDRIVER=/usr/bin/chromedriver \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  WASM_BINDGEN_TEST_TIMEOUT=300 \
    cargo test -p parallax-web --target wasm32-unknown-unknown --test wasm
}
run "wasm == native" wasm_equals_native

step "4/6 trunk build --release"
build_site() {
  rm -rf dist
  trunk build --release || return 1
  for f in app worker; do
    raw=$(stat -c %s "dist/${f}_bg.wasm"); gz=$(gzip -9c "dist/${f}_bg.wasm" | wc -c)
    echo "dist/${f}_bg.wasm: $raw bytes raw, $gz bytes gzip"
  done
}
run "trunk build" build_site

step "5/6 Playwright e2e (node --test tests/e2e/)"
if [ -f dist/index.html ]; then
  run "e2e" env PARALLAX_NATIVE_JSON="$PWD/target/wasm-test/native.json" node --test --test-concurrency=1 tests/e2e/
else
  echo "FAILED: e2e (no dist/)" >&2; failed+=("e2e")
fi

step "6/6 fuzz smoke (cargo-fuzz, every target for a bounded time)"
run "fuzz smoke" env FUZZ_TIME="${FUZZ_TIME:-15}" bash scripts/fuzz-smoke.sh

echo
if [ ${#failed[@]} -gt 0 ]; then
  echo "scripts/test.sh: FAILED steps: ${failed[*]}" >&2
  exit 1
fi
echo "scripts/test.sh: all steps passed"
