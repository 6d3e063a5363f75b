#!/usr/bin/env bash
# Installs what is missing (toolchain, browsers, drivers), then runs every check and test:
# formatting, clippy, native unit tests, the release build, component tests in headless Chromium
# and Firefox, and end-to-end tests that serve dist/ and drive each browser engine through
# WebDriver: once in Chromium, once in Firefox and once in WebKit (E2E_ENGINES="firefox" runs
# only the ones named).
# Each step prints its own "N passed, N failed"; the last line sums every suite and engine.
# Exits non-zero on any failure.
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
# If installing fails, set -e stops the script: still end with the summary line.
finished=0
trap '[ "$finished" = 1 ] || printf "\n0 passed, 1 failed\n"' EXIT
ensure_test_tools
cd "$ROOT"

OUT="$ROOT/test-output"
mkdir -p "$OUT"
LOG="$OUT/test.log"
: >"$LOG"
# One line per step that ran tests, repeated at the end: "--> name: N passed, M failed (S s)".
STEPS="$OUT/steps.txt"
: >"$STEPS"
failed_steps=()
failed_builds=0

# Runs a step, keeps its output in the log and goes on after a failure so every result is seen.
# Failures that no "test result" line counts are added: a failed build, fmt or clippy counts
# one, and so does each test binary that crashed without printing its result.
run() {
  local name="$1" step_log="$OUT/step.log" targets reported
  shift
  step "$name"
  local started=$SECONDS
  if ! "$@" 2>&1 | tee "$step_log"; then
    failed_steps+=("$name")
    targets=$(sed -n 's/^error: \([0-9]\+\) targets\? failed:.*/\1/p' "$step_log" | tail -n 1)
    reported=$(grep -c '^test result: FAILED' "$step_log" || true)
    if [ -n "$targets" ] && [ "$targets" -gt "$reported" ]; then
      failed_builds=$((failed_builds + targets - reported))
    elif [ "$reported" -eq 0 ]; then
      failed_builds=$((failed_builds + 1))
    fi
  fi
  cat "$step_log" >>"$LOG"
  awk -v name="$name" -v secs=$((SECONDS - started)) '/^test result:/ { p += $4; f += $6 }
    END { if (p + f > 0) printf "--> %s: %d passed, %d failed (%d s)\n", name, p, f, secs }' "$step_log" |
    tee -a "$STEPS"
  rm -f "$step_log"
}

run "format" cargo fmt --all --check
run "clippy (native)" cargo clippy --workspace --exclude on-probation --all-targets --quiet -- -D warnings
run "clippy (wasm)" cargo clippy -p on-probation --target wasm32-unknown-unknown --all-targets --quiet -- -D warnings
run "native tests" cargo test --no-fail-fast -p model -p datatool
# A failed build must not leave an older dist/ for the browser tests to pass against.
rm -rf "$ROOT/dist"
run "release build" trunk_release build
run "component tests (Chromium)" env \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --no-fail-fast -p on-probation --target wasm32-unknown-unknown
# The same component tests in Firefox (the runner's Safari mode cannot drive WebKitGTK; the
# end-to-end suite covers WebKit).
run "component tests (Firefox)" env \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  GECKODRIVER="$(command -v geckodriver)" \
  cargo test --no-fail-fast -p on-probation --target wasm32-unknown-unknown
for engine in ${E2E_ENGINES:-chromium firefox webkit}; do
  case "$engine" in
    chromium) label=Chromium ;;
    firefox) label=Firefox ;;
    webkit) label=WebKit ;;
    *) label="$engine" ;; # the harness refuses an unknown engine by name
  esac
  rm -f "$OUT/skipped-$engine.txt"
  # E2E_SIZE_BUILD picks the first-visit budget for the toolchain that built the wasm.
  run "end-to-end tests ($label)" env E2E_ENGINE="$engine" E2E_DIST="$ROOT/dist" E2E_OUTPUT="$OUT" \
    E2E_SIZE_BUILD="$SIZE_BUILD" cargo test --no-fail-fast -p e2e
  # Tests an engine cannot run say so, rather than passing silently; the count goes in the summary.
  if [ -s "$OUT/skipped-$engine.txt" ]; then
    tee -a "$LOG" <"$OUT/skipped-$engine.txt"
    printf '    of which %d skipped in %s (reasons: test-output/skipped-%s.txt)\n' \
      "$(wc -l <"$OUT/skipped-$engine.txt")" "$label" "$engine" | tee -a "$STEPS"
  fi
done
run "serve command" "$ROOT/scripts/serve-check.sh"

# cargo and wasm-bindgen-test-runner both print "test result: ok. N passed; M failed; ...".
read -r passed failed < <(awk '/^test result:/ { p += $4; f += $6 } END { print p + 0, f + 0 }' "$LOG")
failed=$((failed + failed_builds))
for name in "${failed_steps[@]}"; do
  printf 'failed step: %s\n' "$name"
done
finished=1
echo
cat "$STEPS"
echo "$passed passed, $failed failed"
[ "${#failed_steps[@]}" -eq 0 ]
