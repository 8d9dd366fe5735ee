#!/usr/bin/env bash
# Regenerates Tests/ScoringTests/Fixtures/edge-cases.json (exact formulas, cross-checked
# with pymcdm and numpy). Creates scripts/.venv (gitignored) on first use. CI does not run
# this: the fixture is committed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$root/scripts/.venv"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import pymcdm, numpy" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet pymcdm numpy
fi
"$venv/bin/python" "$here/edge_cases.py" "$root/Tests/ScoringTests/Fixtures"
