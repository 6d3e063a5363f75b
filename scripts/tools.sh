# Sourced by serve.sh and test.sh: installs each pinned tool only when the right version is missing.
# Every step prints one line, so a second run shows at a glance that nothing was reinstalled.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
GECKODRIVER_VERSION=0.37.1
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

step() { printf '==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_rust_parts() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    step "wasm32 target: present"
  else
    step "wasm32 target: installing"
    rustup target add wasm32-unknown-unknown
  fi
  # A minimal rustup profile has neither; the test command needs both.
  if cargo fmt --version >/dev/null 2>&1 && cargo clippy --version >/dev/null 2>&1; then
    step "rustfmt and clippy: present"
  else
    step "rustfmt and clippy: installing"
    rustup component add rustfmt clippy
  fi
}

ensure_trunk() {
  if trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then
    step "trunk $TRUNK_VERSION: present"
  else
    step "trunk $TRUNK_VERSION: installing (about 5 minutes)"
    cargo install --locked "trunk@$TRUNK_VERSION"
  fi
}

# The CLI must equal the wasm-bindgen crate version in Cargo.lock. Installed without --locked:
# its own lockfile pins a crate release the registry no longer serves.
ensure_wasm_bindgen() {
  local version
  version="$(grep -A1 '^name = "wasm-bindgen"$' "$ROOT/Cargo.lock" | sed -n 's/^version = "\(.*\)"/\1/p' | head -n 1)"
  if wasm-bindgen --version 2>/dev/null | grep -q " $version\$" &&
    wasm-bindgen-test-runner --version 2>/dev/null | grep -q " $version\$"; then
    step "wasm-bindgen $version: present"
  else
    step "wasm-bindgen $version: installing (about 2 minutes)"
    cargo install --force "wasm-bindgen-cli@$version"
  fi
}

# Debian's binaryen is too old for current rustc output; npm's package is pinned in package-lock.json,
# with Workbox (the service worker's precache step, scripts/precache.mjs).
ensure_npm_tools() {
  if wasm-opt --version 2>/dev/null | grep -q "version_$BINARYEN_VERSION" &&
    [ -f "$ROOT/node_modules/workbox-build/package.json" ] &&
    [ -f "$ROOT/node_modules/workbox-precaching/package.json" ]; then
    step "wasm-opt $BINARYEN_VERSION and Workbox: present"
  else
    step "wasm-opt $BINARYEN_VERSION and Workbox: installing from npm (package-lock.json)"
    (cd "$ROOT" && npm ci --no-audit --no-fund)
  fi
}

ensure_chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    step "chromium and chromedriver: present ($(/usr/bin/chromium --version 2>/dev/null | head -n1))"
  else
    step "chromium and chromedriver: installing from Debian"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
  fi
}

# The Content Security Policy build hook (scripts/csp.sh) is a Python script. Debian ships
# python3 in its standard system, so this only installs on a stripped-down image.
ensure_python3() {
  if command -v python3 >/dev/null 2>&1; then
    step "python3: present ($(python3 --version 2>&1))"
  else
    step "python3: installing from Debian"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3
  fi
}

# The offline tests also run in Firefox and WebKitGTK (service workers in every engine).
ensure_other_browsers() {
  if [ -x /usr/bin/firefox-esr ] && command -v WebKitWebDriver >/dev/null && command -v xvfb-run >/dev/null; then
    step "firefox-esr, WebKitWebDriver and xvfb: present"
  else
    step "firefox-esr, WebKitWebDriver and xvfb: installing from Debian"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr webkit2gtk-driver xvfb
  fi
  if geckodriver --version 2>/dev/null | grep -q "geckodriver $GECKODRIVER_VERSION"; then
    step "geckodriver $GECKODRIVER_VERSION: present"
  else
    step "geckodriver $GECKODRIVER_VERSION: installing (about 3 minutes)"
    cargo install --locked "geckodriver@$GECKODRIVER_VERSION"
  fi
}

ensure_build_tools() {
  ensure_python3
  ensure_rust_parts
  ensure_trunk
  ensure_wasm_bindgen
  ensure_npm_tools
}

ensure_test_tools() {
  ensure_build_tools
  ensure_chromium
  ensure_other_browsers
}
