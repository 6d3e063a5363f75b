#!/usr/bin/env bash
# Renders the app icons in public/icons/ from the one source image, public/favicon.svg.
# The PNGs are committed, so builds need no image tools; run this after changing the source.
# `any` icons are the source as drawn; `maskable` icons put it inside the central 80 % safe
# zone on a full-bleed background of the source's own colour, so launchers can crop them to
# any shape without cutting the mark. Needs rsvg-convert (Debian: apt-get install librsvg2-bin).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SOURCE="$ROOT/public/favicon.svg"
OUT="$ROOT/public/icons"
BACKGROUND="#1d3b5a" # the source's square, so the crop never shows a different colour

command -v rsvg-convert >/dev/null || {
  echo "icons.sh needs rsvg-convert (apt-get install librsvg2-bin)" >&2
  exit 1
}
mkdir -p "$OUT"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The source's drawing, nested at 80 % of a full-bleed square (vector, so it stays sharp).
source="$(tr -d '\n' <"$SOURCE")"
view_box="$(sed -n 's/^.*<svg[^>]*viewBox="\([^"]*\)".*$/\1/p' <<<"$source")"
drawing="$(sed -e 's/^.*<svg[^>]*>//' -e 's#</svg>.*$##' <<<"$source")"
cat >"$work/maskable.svg" <<SVG
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
  <rect width="100" height="100" fill="$BACKGROUND"/>
  <svg x="10" y="10" width="80" height="80" viewBox="$view_box">$drawing</svg>
</svg>
SVG
for size in 192 512; do
  rsvg-convert -w "$size" -h "$size" "$SOURCE" -o "$OUT/icon-$size.png"
  rsvg-convert -w "$size" -h "$size" "$work/maskable.svg" -o "$OUT/maskable-$size.png"
done
ls -l "$OUT"
