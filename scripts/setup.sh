#!/usr/bin/env bash
# Installs what building and testing the web app needs, at pinned versions. Each step is
# skipped when the right version is already there, so running it again is cheap.
#
#   - rustup target wasm32-unknown-unknown
#   - trunk 0.21.14                       (cargo install --locked)
#   - wasm-bindgen-cli = Cargo.lock's wasm-bindgen version (also gives wasm-bindgen-test-runner)
#   - chromium + chromedriver             (Debian packages, only when missing)
#   - npm ci: binaryen 132 (wasm-opt, used by Trunk) and playwright-core (e2e tests)
#
# Trunk runs offline (Trunk.toml), so it never downloads tools itself; and the e2e tests
# drive the system Chromium (never `npx playwright install`).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
say() { echo "setup: $*"; }

if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "rust target wasm32-unknown-unknown present"
else
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

TRUNK_VERSION=0.21.14
if trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  say "trunk $TRUNK_VERSION present"
else
  say "installing trunk $TRUNK_VERSION"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$WB_VERSION" ] || { echo "setup: no wasm-bindgen in Cargo.lock" >&2; exit 1; }
if wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WB_VERSION" \
  && command -v wasm-bindgen-test-runner >/dev/null; then
  say "wasm-bindgen-cli $WB_VERSION present"
else
  say "installing wasm-bindgen-cli $WB_VERSION"
  # Its own lock file can pin yanked crates; fall back to a fresh resolution then.
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --locked \
    || cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  say "chromium and chromedriver present"
else
  say "installing chromium and chromium-driver (apt)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium chromium-driver
fi

npm_ok() {
  node -e '
    const want = require("./package.json").devDependencies;
    for (const [name, v] of Object.entries(want)) {
      const got = require("./node_modules/" + name + "/package.json").version;
      if (got !== v) process.exit(1);
    }' 2>/dev/null && [ -x node_modules/.bin/wasm-opt ]
}
if npm_ok; then
  say "node modules present (binaryen, playwright-core)"
else
  say "npm ci (binaryen, playwright-core)"
  npm ci --no-audit --no-fund
fi
say "done"
