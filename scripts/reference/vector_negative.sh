#!/usr/bin/env bash
# Regenerates Tests/ScoringTests/Fixtures/vector-negative.json (TOPSIS, vector normalisation,
# negative values) with pymcdm, in the venv make_fixtures.sh creates (scripts/.venv).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$root/scripts/.venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet pymcdm scikit-criteria numpy
fi
"$venv/bin/python" "$here/vector_negative.py" "$root/Tests/ScoringTests/Fixtures/vector-negative.json"
