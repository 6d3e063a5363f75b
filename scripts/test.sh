#!/usr/bin/env bash
# Installs what is missing (toolchain, browsers, drivers), then runs every check and test:
# formatting, clippy, native unit tests, the release build, component tests in headless Chromium,
# and end-to-end tests that serve dist/ and drive Chromium through WebDriver.
# Ends with one line "N passed, N failed" summed over every suite; exits non-zero on any failure.
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
ensure_test_tools
cd "$ROOT"

OUT="$ROOT/test-output"
mkdir -p "$OUT"
LOG="$OUT/test.log"
: >"$LOG"
failed_steps=()

# Runs a step, keeps its output in the log and goes on after a failure so every result is seen.
run() {
  local name="$1"
  shift
  step "$name"
  if ! "$@" 2>&1 | tee -a "$LOG"; then
    failed_steps+=("$name")
  fi
}

run "format" cargo fmt --all --check
run "clippy (native)" cargo clippy --workspace --exclude on-probation --all-targets --quiet -- -D warnings
run "clippy (wasm)" cargo clippy -p on-probation --target wasm32-unknown-unknown --all-targets --quiet -- -D warnings
run "native tests" cargo test -p model -p datatool
run "release build" trunk build --release --offline
run "component tests (Chromium)" env \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test -p on-probation --target wasm32-unknown-unknown
run "end-to-end tests (Chromium)" env E2E_DIST="$ROOT/dist" E2E_OUTPUT="$OUT" cargo test -p e2e

# cargo and wasm-bindgen-test-runner both print "test result: ok. N passed; M failed; ...".
read -r passed failed < <(awk '/^test result:/ { p += $4; f += $6 } END { print p + 0, f + 0 }' "$LOG")
# A step that failed without a failing test (a build, fmt or clippy) still counts as a failure.
for name in "${failed_steps[@]}"; do
  printf 'failed step: %s\n' "$name"
done
if [ "${#failed_steps[@]}" -gt 0 ] && [ "${failed:-0}" -eq 0 ]; then
  failed=${#failed_steps[@]}
fi
echo
echo "${passed:-0} passed, ${failed:-0} failed"
[ "${#failed_steps[@]}" -eq 0 ]
