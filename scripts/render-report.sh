#!/usr/bin/env bash
# Renders an Exemplar report.html to a PNG with headless Chromium and checks that
# the image exists and is not blank.
#
#   scripts/render-report.sh REPORT.html OUT.png
#
# Needs Debian's `chromium` (apt-get install -y chromium) and, for Chinese text, a
# CJK font (fonts-wqy-microhei or fonts-noto-cjk). The window is 1240×1754 px,
# A4 at 150 dpi. "Not blank" is checked without Python or ImageMagick: a PNG of
# one flat colour compresses to a few kilobytes, a rendered report to far more,
# so the file must be larger than MIN_BYTES (default 20000).
# Exit codes: 0 ok · 64 usage · 66 report missing · 69 chromium missing · 70 render failed or blank.
set -euo pipefail
if [ $# -ne 2 ]; then echo "usage: $0 REPORT.html OUT.png" >&2; exit 64; fi
report=$1 out=$2
min_bytes=${MIN_BYTES:-20000}
[ -r "$report" ] || { echo "$report: cannot read the report" >&2; exit 66; }
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$browser" ] || { echo "render-report: chromium is not on PATH (apt-get install -y chromium)" >&2; exit 69; }
abs=$(cd "$(dirname "$report")" && pwd)/$(basename "$report")
rm -f "$out"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --user-data-dir="$profile" --no-first-run --disable-extensions \
  --screenshot="$out" --window-size=1240,1754 "file://$abs" >/dev/null 2>&1 || true
[ -s "$out" ] || { echo "render-report: chromium wrote no image to $out" >&2; exit 70; }
magic=$(head -c 8 "$out" | od -An -tx1 | tr -d ' \n')
[ "$magic" = 89504e470d0a1a0a ] || { echo "render-report: $out is not a PNG" >&2; exit 70; }
size=$(wc -c <"$out")
if [ "$size" -lt "$min_bytes" ]; then
  echo "render-report: $out looks blank ($size bytes < $min_bytes)" >&2
  exit 70
fi
echo "$out: PNG, $size bytes"
