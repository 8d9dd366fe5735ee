#!/usr/bin/env bash
# Sensitivity benchmarks: Monte Carlo (10,000 weight samples on 10,000 enterprises x 20
# criteria, shortlists per sample) in Swift (release) vs a vectorised numpy version in the
# same run; Sobol' N=1024 over 20 weights; stability intervals on 100,000 enterprises.
# Usage: scripts/bench-sensitivity.sh [SAMPLES=10000] [ROWS=10000] [THREADS=2]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench/build.sh
SAMPLES="${1:-10000}"
ROWS="${2:-10000}"
THREADS="${3:-2}"
DATA=Benchmarks/.data
mkdir -p "$DATA"
# SwiftPM does not see new source files of the root package from here until it re-plans.
rm -f Benchmarks/.build/release.yaml
build_or_die swift build -c release --package-path Benchmarks --product sensitivity-bench
BIN="$(swift build -c release --package-path Benchmarks --show-bin-path)/sensitivity-bench"
if [ ! -x Benchmarks/.venv/bin/python ]; then
  python3 -m venv Benchmarks/.venv
fi
Benchmarks/.venv/bin/python -c "import numpy" 2>/dev/null || Benchmarks/.venv/bin/pip install --quiet numpy

SWIFT_OUT="$("$BIN" "$DATA" "$SAMPLES" "$ROWS" "$THREADS")"
echo "$SWIFT_OUT"
NUMPY_OUT="$(Benchmarks/.venv/bin/python scripts/bench-sensitivity.py "$DATA" "$SAMPLES")"
echo "$NUMPY_OUT"
SWIFT_S="$(echo "$SWIFT_OUT" | sed -n 's/^montecarlo .*seconds=\([0-9.e+-]*\).*/\1/p')"
NUMPY_S="$(echo "$NUMPY_OUT" | sed -n 's/^numpy .*seconds=\([0-9.e+-]*\).*/\1/p')"
python3 -c "import sys; s, n = float(sys.argv[1]), float(sys.argv[2]); print(f'montecarlo speed-up over numpy: {n / s:.1f}x (floor 5x)')" "$SWIFT_S" "$NUMPY_S"
echo "machine: $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
