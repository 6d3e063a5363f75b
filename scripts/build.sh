#!/usr/bin/env bash
# Installs what is missing and makes the release build in dist/, as test.sh does, for running
# one engine's or one file's end-to-end tests by hand (README, "Tests").
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
ensure_build_tools
cd "$ROOT"
trunk_release build
if [ "$SIZE_BUILD" != 1 ]; then
  step "built by stable: give the end-to-end tests E2E_SIZE_BUILD=0 for that build's size budget"
fi
