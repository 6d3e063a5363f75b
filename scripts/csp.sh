#!/usr/bin/env bash
# Trunk post-build hook: makes the built index.html work under its own Content Security Policy.
#
# index.html carries a strict policy (`script-src 'self' 'wasm-unsafe-eval'`, no 'unsafe-inline').
# Trunk 0.21 writes its wasm loader as an inline <script type="module">, which that policy blocks,
# so this step moves the loader into its own file, `boot-<hash>.js`, loaded with
# `<script type="module" src=... integrity=...>`. A file rather than a hash in the policy: the
# policy then stays the same on every build, and a second inline script can never slip in.
# It then refuses the build if anything inline that the policy would block is left (another
# inline script, an event-handler attribute, a style attribute or element), or if the policy is
# missing or not the first thing in <head> (a <meta> policy covers only what follows it).
#
# Python rather than sed: the script needs a content hash, base64 and a check over the whole
# document; python3 is on every Debian machine (scripts/tools.sh checks), and it needs no crate
# compiled into the build.
set -euo pipefail
exec python3 - "${TRUNK_STAGING_DIR:?run by Trunk as a post_build hook}" "${TRUNK_PUBLIC_URL:-/}" <<'PYTHON'
import base64, hashlib, pathlib, re, sys

staging, public_url = pathlib.Path(sys.argv[1]), sys.argv[2]
index = staging / "index.html"
html = index.read_text(encoding="utf-8")

def fail(reason):
    sys.exit(f"scripts/csp.sh: {index}: {reason}")

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)

def move_loader(match):
    attrs, body = match.group(1), match.group(2)
    if re.search(r"\bsrc\s*=", attrs, re.I):
        return match.group(0)
    if not (re.search(r"type\s*=\s*\"module\"", attrs) and "import init" in body):
        fail("an inline <script> that is not Trunk's loader; the Content Security Policy would block it")
    data = body.strip().encode("utf-8") + b"\n"
    name = f"boot-{hashlib.sha256(data).hexdigest()[:16]}.js"
    (staging / name).write_bytes(data)
    integrity = "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()
    return (f'<script type="module" src="{public_url}{name}" '
            f'integrity="{integrity}" crossorigin="anonymous"></script>')

html = SCRIPT.sub(move_loader, html)
if not re.search(r"<script\b[^>]*\bsrc=\"[^\"]*boot-[0-9a-f]{16}\.js\"", html):
    fail("no Trunk loader script found to move")

policy = re.search(r"<meta\s+http-equiv=\"Content-Security-Policy\"\s+content=\"([^\"]+)\"", html, re.I)
if not policy:
    fail("no <meta http-equiv=\"Content-Security-Policy\">")
head = html[html.lower().index("<head"):]
first_loaded = re.search(r"<(script|link|style)\b", head, re.I)
if first_loaded and first_loaded.start() < head.index(policy.group(0)):
    fail("the Content Security Policy must come before every script, link and style in <head>")
if "unsafe-inline" in policy.group(1):
    fail("the Content Security Policy must not allow 'unsafe-inline'")
if re.search(r"<style\b|<[a-z][^>]*\s(style|on[a-z]+)\s*=", html, re.I):
    fail("inline style or event-handler attribute; the Content Security Policy would block it")

index.write_text(html, encoding="utf-8")
PYTHON
