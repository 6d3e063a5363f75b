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
# Each is read whole before grep looks, so grep stopping early cannot fail the pipeline.
app_answers() {
  grep -q '<div id="app">' <<<"$(curl -sf "$base/posts/$slug")" &&
    grep -q '"format":"on-probation/ratings"' <<<"$(curl -sf "$base/data/ratings.json")"
}

fail() {
  echo "serve command: $1"
  tail -n 20 "$LOG"
  exit 1
}

ready=0
for _ in $(seq 1 600); do
  if app_answers 2>/dev/null; then
    ready=1
    break
  fi
  kill -0 "$pid" 2>/dev/null || fail "serve.sh stopped before serving:"
  sleep 1
done
[ "$ready" = 1 ] || fail "$base/posts/$slug or the ratings never answered in 10 minutes:"

# What is wrong with the served page and its headers, or nothing. The page must be the one
# scripts/csp.sh finished: no inline script, the loader in a file, so the Content Security
# Policy lets the app start under `trunk serve` too.
problem() {
  local page headers header
  page="$(curl -sf "$base/posts/$slug")" || { echo "$base/posts/$slug stopped answering"; return; }
  grep -q 'http-equiv="Content-Security-Policy"' <<<"$page" || { echo "the page has no Content Security Policy"; return; }
  if grep -qP '<script(?![^>]*\bsrc=)' <<<"$page"; then
    echo "the page has an inline script, which its Content Security Policy blocks"
    return
  fi
  grep -q '<script type="module" src="/boot-' <<<"$page" || { echo "the page does not load the app from a /boot-*.js file"; return; }
  # What a page's meta tags cannot say (Trunk.toml's [serve] headers).
  headers="$(curl -sf -D - -o /dev/null "$base/league-table")" || { echo "$base/league-table did not answer"; return; }
  headers="$(tr -d '\r' <<<"$headers" | tr '[:upper:]' '[:lower:]')"
  for header in "content-security-policy: frame-ancestors 'none'" 'x-frame-options: deny' \
    'x-content-type-options: nosniff' 'referrer-policy: strict-origin-when-cross-origin'; do
    grep -qxF "$header" <<<"$headers" || { echo "$base/league-table came without the header \"$header\""; return; }
  done
}

# Trunk may still be swapping in a build it started before: a problem must last 30 s to count.
for _ in $(seq 1 30); do
  found="$(problem)"
  [ -z "$found" ] && break
  sleep 1
done
[ -z "$found" ] || fail "$found"
echo "serve command: served the app under its Content Security Policy, with its framing, type and referrer headers, a deep link and the ratings on $base"
