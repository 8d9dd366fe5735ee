#!/usr/bin/env bash
# Runs `exemplar run` with two binaries on the samples (both encodings, zh/en, history, both
# criteria files) and on generated rows, and compares the output folders with
# same_outputs.py (bytes equal; only the run's time may differ); the last cases of each set
# write the columnar and Arrow layouts.
# Usage: scripts/bench/compare-bins.sh OLD_BIN NEW_BIN [METRICS.csv for the large cases]
set -euo pipefail
cd "$(dirname "$0")/../.."
OLD="$1"; NEW="$2"; BIG="${3:-Benchmarks/.data/metrics-100000.csv}"
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
cases=(
  "samples/metrics-2022.csv --criteria criteria/2022.toml"
  "samples/metrics-2022.csv --criteria criteria/2022.toml --history samples/history.csv"
  "samples/metrics-2022.csv --criteria criteria/2022-ahp-topsis.toml --history samples/history.csv --lang en"
  "samples/metrics-2022-gb18030.csv --encoding gb18030 --criteria criteria/2022.toml --output-encoding gb18030"
  "samples/metrics-2022.csv --criteria criteria/2022.toml --seed 7 --no-stability"
  "samples/metrics-2022.csv --criteria criteria/2022.toml --history samples/history.csv --layout columnar"
  "samples/metrics-2022.csv --criteria criteria/2022-ahp-topsis.toml --layout arrow"
)
[ -s "$BIG" ] && cases+=(
  "$BIG --criteria criteria/2022.toml"
  "$BIG --criteria criteria/2022-ahp-topsis.toml --lang en"
  "$BIG --criteria criteria/2022.toml --output-encoding gb18030 --no-excel"
  "$BIG --criteria criteria/2022.toml --no-excel --no-html --layout arrow"
  "$BIG --criteria criteria/2022-ahp-topsis.toml --no-excel --no-html --layout columnar"
  "$BIG --criteria criteria/2022-ahp-topsis.toml --no-excel --no-html --layout arrow"
)
bad=0
for i in "${!cases[@]}"; do
  # shellcheck disable=SC2086
  "$OLD" run ${cases[$i]} --out "$TMP/old-$i" >/dev/null 2>&1
  # shellcheck disable=SC2086
  "$NEW" run ${cases[$i]} --out "$TMP/new-$i" >/dev/null 2>&1
  if python3 scripts/bench/same_outputs.py "$TMP/old-$i" "$TMP/new-$i" >"$TMP/log" 2>&1; then
    echo "same: ${cases[$i]} ($(wc -l <"$TMP/log") files)"
  else
    echo "DIFFERENT: ${cases[$i]}"; cat "$TMP/log"; bad=1
  fi
done
exit $bad
