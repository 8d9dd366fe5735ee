#!/usr/bin/env bash
# Regenerates the Sobol' reference data: Joe-Kuo direction numbers (Swift source) and
# the SciPy/SALib fixtures. Needs Python 3 and network access to PyPI the first time.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="$root/scripts/.venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q SALib numpy
fi
"$venv/bin/python" "$root/scripts/reference/sobol_directions.py" "$root/Sources/Sensitivity/JoeKuoDirections.swift"
"$venv/bin/python" "$root/scripts/reference/sobol_salib.py" "$root/Tests/SensitivityTests/Fixtures"
echo "wrote Sources/Sensitivity/JoeKuoDirections.swift and Tests/SensitivityTests/Fixtures/{sobol_points,salib_*}.json"
