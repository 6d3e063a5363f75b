#!/usr/bin/env bash
# For running one engine's or one file's end-to-end tests by hand (README, "Tests"): installs
# what the tests need (browsers and drivers too), then makes the release build in dist/ as
# test.sh does.
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
ensure_test_tools
cd "$ROOT"
# A failed build must not leave an older dist/ to test.
rm -rf dist
trunk_release build
if [ "$SIZE_BUILD" != 1 ]; then
  step "built by stable: give the end-to-end tests E2E_SIZE_BUILD=0 for that build's size budget"
fi
