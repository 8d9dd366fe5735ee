#!/usr/bin/env bash
# Regenerates Tests/ScoringTests/Fixtures/*.json from the reference libraries (make_fixtures.py,
# and vector_negative.py for vector-negative.json: TOPSIS with vector normalisation of negative values).
# Creates scripts/.venv (gitignored) on first use. CI does not run this: the fixtures are committed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$root/scripts/.venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet pymcdm scikit-criteria numpy
fi
"$venv/bin/python" "$here/make_fixtures.py" "$root/Tests/ScoringTests/Fixtures"
"$venv/bin/python" "$here/vector_negative.py" "$root/Tests/ScoringTests/Fixtures/vector-negative.json"
