#!/usr/bin/env bash
# Runs the benchmarks of BENCHMARKS.md: builds the app, installs the benchmark's own npm packages
# (perf/package.json, kept apart so the test command never downloads Lighthouse), then prints
# every figure and writes them to test-output/bench/. Not part of the test command: its
# timings depend on the machine. Arguments go to perf/bench.mjs (for example --only scale).
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
ensure_test_tools
cd "$ROOT"
if [ -x perf/node_modules/.bin/lighthouse ] && [ perf/node_modules/.package-lock.json -nt perf/package-lock.json ]; then
  step "benchmark packages: present"
else
  step "benchmark packages: installing"
  npm ci --prefix perf --no-audit --no-fund
fi
mkdir -p public/data public/data.staging public/data.previous
rm -rf dist
trunk_release build
CHROME_PATH=/usr/bin/chromium node perf/bench.mjs --dist dist --out test-output/bench "$@"
