#!/usr/bin/env bash
# Installs the Debian packages Exemplar builds and tests with (run as root on a fresh
# Debian 12 machine; a no-op when they are present). Swift 6.x must be on PATH.
set -euo pipefail
need=()
for p in libcsv-dev libxlsxwriter-dev pkg-config unzip libsqlite3-dev sqlite3 strace; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ "${EXEMPLAR_WITH_BROWSER:-0}" = 1 ]; then
  for p in chromium fonts-wqy-microhei python3-venv poppler-utils; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi
command -v swift >/dev/null || { echo "setup: swift is not on PATH (install Swift 6.x)" >&2; exit 1; }
