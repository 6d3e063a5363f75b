#!/usr/bin/env bash
# Installs what is missing, builds the app and serves it on http://127.0.0.1:8080 (deep links included).
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
ensure_build_tools
cd "$ROOT"
# Trunk resolves every [watch] ignore path at start-up and stops if one is missing; the data
# tool creates and removes them, so make sure they exist first.
mkdir -p public/data public/data.staging public/data.previous
step "serving on http://127.0.0.1:8080 (Ctrl-C to stop)"
trunk_release serve "$@"
