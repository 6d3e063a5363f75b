#!/usr/bin/env bash
# Trunk post-build hook. Trunk 0.21 starts all hooks of a stage at the same time, so the steps
# that must see each other's output run here, in order: first the Content Security Policy step
# rewrites index.html (and adds the loader file), then the service worker's precache list is made
# from the final files.
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
bash "$here/csp.sh"
node "$here/precache.mjs"
