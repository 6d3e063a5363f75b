# Sourced by serve.sh and test.sh: installs each pinned tool only when the right version is missing.
# Every step prints one line, so a second run shows at a glance that nothing was reinstalled.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
GECKODRIVER_VERSION=0.37.1
MINIBROWSER=/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser
# The release wasm is built by this pinned nightly when it can be installed: it rebuilds the
# standard library for size with the app (`-Zbuild-std`), leaves out panic locations
# (`-Zlocation-detail=none`) and makes a panic a plain trap (`-Cpanic=immediate-abort`, which
# public/boot-check.js reports on the page), about 27 KB less brotli than stable
# (docs/size-steps.md). Without it the machine's stable toolchain builds the same app.
SIZE_TOOLCHAIN=nightly-2026-05-20
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

step() { printf '==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_rust_parts() {
  # Each list is read whole before grep looks: grep stopping at its match would otherwise end
  # the writer early, and pipefail would count that as a failure.
  if grep -qx wasm32-unknown-unknown <<<"$(rustup target list --installed)"; then
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

# Installs crate NAME at VERSION from crates.io unless `NAME --version` already reports it.
ensure_crate() {
  local name="$1" version="$2" minutes="$3"
  if "$name" --version 2>/dev/null | grep -q "^$name $version"; then
    step "$name $version: present"
  else
    step "$name $version: installing (about $minutes minutes)"
    cargo install --locked "$name@$version"
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

# npm packages pinned in package.json and package-lock.json: wasm-opt (Debian's binaryen is too
# old for current rustc output), Workbox (the service worker's precache step,
# scripts/precache.mjs) and axe-core (the accessibility tests inject it into pages).
ensure_npm_tools() {
  local axe_version
  axe_version="$(sed -n 's/.*"axe-core": "\(.*\)".*/\1/p' "$ROOT/package.json")"
  if wasm-opt --version 2>/dev/null | grep -q "version_$BINARYEN_VERSION" &&
    [ -f "$ROOT/node_modules/workbox-build/package.json" ] &&
    [ -f "$ROOT/node_modules/workbox-precaching/package.json" ] &&
    grep -q "\"version\": \"$axe_version\"" "$ROOT/node_modules/axe-core/package.json" 2>/dev/null; then
    step "wasm-opt $BINARYEN_VERSION, Workbox and axe-core $axe_version: present"
  else
    step "wasm-opt $BINARYEN_VERSION, Workbox and axe-core $axe_version: installing from npm"
    (cd "$ROOT" && npm ci --no-audit --no-fund)
  fi
}

# The three browser engines and their WebDriver servers, from Debian (taken at whatever version
# its security updates ship; see the README), in one apt run for whatever is missing.
ensure_browsers() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  [ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
  [ -x /usr/bin/WebKitWebDriver ] && [ -x "$MINIBROWSER" ] || missing+=(webkit2gtk-driver)
  command -v Xvfb >/dev/null || missing+=(xvfb)
  if [ "${#missing[@]}" -eq 0 ]; then
    step "browsers: present"
  else
    step "browsers: installing ${missing[*]} from Debian"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
  step "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -n1)"
  step "firefox: $(/usr/bin/firefox-esr --version 2>/dev/null | head -n1)"
  step "webkit: WebKitGTK $(dpkg-query -W -f '${Version}' webkit2gtk-driver 2>/dev/null)"
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

# Sets SIZE_BUILD=1 when the size toolchain, its standard library's source and the crates that
# library needs are all there, installing what is missing; a failure only means stable builds.
SIZE_BUILD=0
ensure_size_toolchain() {
  if grep -q '^rust-src' <<<"$(rustup component list --toolchain "$SIZE_TOOLCHAIN" --installed 2>/dev/null)" &&
    grep -qx wasm32-unknown-unknown <<<"$(rustup target list --toolchain "$SIZE_TOOLCHAIN" --installed 2>/dev/null)"; then
    step "$SIZE_TOOLCHAIN for the release wasm: present"
  else
    step "$SIZE_TOOLCHAIN for the release wasm: installing"
    if ! rustup toolchain install "$SIZE_TOOLCHAIN" --profile minimal \
      --component rust-src --target wasm32-unknown-unknown; then
      step "$SIZE_TOOLCHAIN: could not be installed; the release wasm is built with stable"
      return 0
    fi
  fi
  # Trunk builds offline, so the standard library's own dependencies are downloaded here.
  if (cd "$ROOT" && size_build_env cargo fetch --quiet --target wasm32-unknown-unknown); then
    SIZE_BUILD=1
  else
    step "$SIZE_TOOLCHAIN: its standard library's crates could not be downloaded; the release wasm is built with stable"
  fi
}

# Runs a command with the size toolchain's settings. The data tool's build hook leaves them out
# (Trunk.toml): it is a native program, built by stable like every other check.
size_build_env() {
  RUSTUP_TOOLCHAIN="$SIZE_TOOLCHAIN" \
    CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zlocation-detail=none -Zunstable-options -Cpanic=immediate-abort" \
    "$@"
}

# `trunk build` or `trunk serve` for release, with the size toolchain when it is there.
trunk_release() {
  if [ "$SIZE_BUILD" = 1 ]; then
    step "release build: $SIZE_TOOLCHAIN, standard library rebuilt for size"
    size_build_env trunk "$@" --release --offline
  else
    step "release build: $(rustc --version)"
    trunk "$@" --release --offline
  fi
}

ensure_build_tools() {
  ensure_python3
  ensure_rust_parts
  ensure_size_toolchain
  ensure_crate trunk "$TRUNK_VERSION" 5
  ensure_wasm_bindgen
  ensure_npm_tools
}

ensure_test_tools() {
  ensure_build_tools
  ensure_browsers
  # geckodriver is not packaged by Debian 12; crates.io has it.
  ensure_crate geckodriver "$GECKODRIVER_VERSION" 3
}
