#!/usr/bin/env bash
# Ingest throughput: Exemplar (release) vs pandas.read_csv on the same 1,000,000-row file,
# UTF-8 and GB18030. Usage: scripts/bench-ingest.sh [FILE.csv] [ROWS=1000000]
# Without FILE, generates Benchmarks/.data/ingest-ROWS.csv with scripts/gen-ingest-bench.py
# (when `exemplar generate` exists, pass its output as FILE; the columns must match
# Benchmarks/Sources/ingest-bench/main.swift).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${2:-1000000}"
DATA=Benchmarks/.data
mkdir -p "$DATA"
FILE="${1:-$DATA/ingest-$ROWS.csv}"
if [ ! -s "$FILE" ]; then
  echo "generating $FILE ($ROWS rows)"
  python3 scripts/gen-ingest-bench.py "$ROWS" "$FILE"
fi
GB="$DATA/$(basename "$FILE" .csv)-gb18030.csv"
[ -s "$GB" ] && [ "$GB" -nt "$FILE" ] || iconv -f UTF-8 -t GB18030 "$FILE" > "$GB"

swift build -c release --package-path Benchmarks --product ingest-bench 2>&1 | grep -E "error|warning|Compiling|Build" || true
BIN="$(swift build -c release --package-path Benchmarks --show-bin-path)/ingest-bench"

if [ ! -x Benchmarks/.venv/bin/python ]; then
  python3 -m venv Benchmarks/.venv
  Benchmarks/.venv/bin/pip install --quiet pandas
fi

UTF8_LINE="$("$BIN" "$FILE" utf-8 3)"
echo "$UTF8_LINE"
GB_LINE="$("$BIN" "$GB" gb18030 3)"
echo "$GB_LINE"

PANDAS_LINE="$(Benchmarks/.venv/bin/python - "$FILE" <<'PY'
import os, sys, time
import pandas as pd
path = sys.argv[1]
best = cpu = float("inf")
for _ in range(3):
    t0, c0 = time.perf_counter(), time.process_time()
    df = pd.read_csv(path, encoding="utf-8", dtype={"统一社会信用代码": str, "企业名称": str})
    best = min(best, time.perf_counter() - t0)
    cpu = min(cpu, time.process_time() - c0)
mib = os.path.getsize(path) / 1048576
print(f"pandas {pd.__version__} read_csv: {len(df)} rows, {mib:.2f} MiB in {best:.2f} s = {mib / best:.2f} MiB/s "
      f"(CPU {cpu:.2f} s = {mib / cpu:.2f} MiB/s of CPU time)")
PY
)"
echo "$PANDAS_LINE"
# Wall-clock and CPU-time ratios (CPU time is the fairer figure on a shared machine).
python3 - "$UTF8_LINE" "$PANDAS_LINE" <<'PY'
import re, sys
def rates(line):
    wall = float(re.search(r"s = ([0-9.]+) MiB/s \(", line).group(1))
    cpu = float(re.search(r"= ([0-9.]+) MiB/s of CPU time", line).group(1))
    return wall, cpu
(ow, oc), (pw, pc) = rates(sys.argv[1]), rates(sys.argv[2])
print(f"ratio exemplar/pandas (UTF-8): wall {ow / pw:.2f}x, CPU time {oc / pc:.2f}x")
PY
