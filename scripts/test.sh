#!/usr/bin/env bash
# Installs what is needed (scripts/setup.sh) and runs ALL tests:
#   1. cargo test --workspace                 (core, CLI, web protocol; native)
#   2. the example corpus in www/ matches ../shared (when ../shared is there)
#   3. wasm-bindgen-test in headless Chromium (a Web Worker): WASM JSON == native CLI JSON
#   4. trunk build --release                  (dist/)
#   5. Playwright e2e against dist/           (node --test tests/e2e/)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
step() { echo; echo "=== $* ==="; }

step "1/5 cargo test --workspace"
cargo test --workspace

step "2/5 example corpus up to date"
if [ -d ../shared/corpus/korea-oil ]; then
  for f in ../shared/corpus/korea-oil/*.txt; do
    cmp "$f" "www/examples/korea-oil/$(basename "$f")" \
      || { echo "www/examples/korea-oil is stale: run bash scripts/update-examples.sh" >&2; exit 1; }
  done
  echo "www/examples/korea-oil matches ../shared/corpus/korea-oil"
else
  echo "../shared not found: skipped"
fi

step "3/5 WASM == native (wasm-bindgen-test in headless Chromium)"
mkdir -p target/wasm-test
cargo run -q -p parallax-cli -- analyze www/examples/korea-oil/*.txt --json > target/wasm-test/native.json
CHROMEDRIVER=/usr/bin/chromedriver \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test -p parallax-web --target wasm32-unknown-unknown --test wasm

step "4/5 trunk build --release"
trunk build --release
for f in app worker; do
  raw=$(stat -c %s "dist/${f}_bg.wasm"); gz=$(gzip -9c "dist/${f}_bg.wasm" | wc -c)
  echo "dist/${f}_bg.wasm: $raw bytes raw, $gz bytes gzip"
done

step "5/5 Playwright e2e (node --test tests/e2e/)"
PARALLAX_NATIVE_JSON="$PWD/target/wasm-test/native.json" node --test tests/e2e/
