#!/usr/bin/env bash
# Checks the README's serve command: starts scripts/serve.sh on a spare port, waits until a deep
# link and the ratings answer, then stops it. Used by test.sh; needs the tools already installed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# A port the kernel just handed out, so two checks on one machine do not collide.
PORT="${SERVE_CHECK_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
# Outside the project: Trunk watches the project folder, and a log written inside it would
# start a new build with every line.
LOG="$(mktemp)"

setsid "$ROOT/scripts/serve.sh" --port "$PORT" >"$LOG" 2>&1 &
pid=$!
trap 'kill -- -"$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$LOG"' EXIT

base="http://127.0.0.1:$PORT"
slug="$(ls "$ROOT/content/posts" | head -n 1)"
slug="${slug%.md}"
# Trunk answers before its first build is done, so wait until the built app answers both.
# The page must be the one scripts/csp.sh finished: no inline script, the loader in a file, so
# the Content Security Policy lets the app start under `trunk serve` too.
served() {
  local page
  page="$(curl -sf "$base/posts/$slug")" &&
    grep -q '<div id="app">' <<<"$page" &&
    grep -q 'http-equiv="Content-Security-Policy"' <<<"$page" &&
    ! grep -qP '<script(?![^>]*\bsrc=)' <<<"$page" &&
    grep -q '<script type="module" src="/boot-' <<<"$page" &&
    curl -sf "$base/data/ratings.json" | grep -q '"format":"on-probation/ratings"' &&
    headers_sent
}

# What a page's meta tags cannot say (Trunk.toml's [serve] headers).
headers_sent() {
  local headers
  headers="$(curl -sf -D - -o /dev/null "$base/league-table" | tr -d '\r' | tr '[:upper:]' '[:lower:]')" &&
    grep -qx "content-security-policy: frame-ancestors 'none'" <<<"$headers" &&
    grep -qx 'x-frame-options: deny' <<<"$headers" &&
    grep -qx 'x-content-type-options: nosniff' <<<"$headers"
}
for _ in $(seq 1 600); do
  if served 2>/dev/null; then
    echo "serve command: served the app under its Content Security Policy and frame and type headers, a deep link and the ratings on $base"
    exit 0
  fi
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "serve.sh stopped before serving:"; tail -n 20 "$LOG"; exit 1
  fi
  sleep 1
done
echo "serve command: $base/posts/$slug or the ratings never answered in 10 minutes:"
tail -n 20 "$LOG"
exit 1
