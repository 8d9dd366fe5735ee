#!/usr/bin/env bash
# Ingest throughput and memory: Exemplar (release) vs pandas.read_csv on the same file, same run.
# Usage: scripts/bench-ingest.sh [ROWS=1000000] [REPEATS=3]
# THREADS=N: parts read at once (default: nproc); a sequential run (1 thread) is measured too.
#
# Data: `exemplar generate --rows ROWS --seed 2022` → Benchmarks/.data/metrics-ROWS.csv (kept;
# gitignored) and its GB18030 copy (iconv). Columns: criteria/2022.toml, loaded by ingest-bench.
# Every measurement runs in a fresh process (peak RSS = ru_maxrss of that one run); the best
# of REPEATS is kept. Wall time and CPU time (getrusage) are both printed: on a shared machine
# CPU time is the fairer figure. The load average is printed first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench/build.sh
ROWS="${1:-1000000}"
REPEATS="${2:-3}"
THREADS="${THREADS:-$(nproc)}"
CRITERIA=criteria/2022.toml
DATA=Benchmarks/.data
mkdir -p "$DATA"
FILE="$DATA/metrics-$ROWS.csv"
GB="$DATA/metrics-$ROWS-gb18030.csv"

echo "load average at start: $(cat /proc/loadavg) ($(nproc) CPUs)"
# EXEMPLAR / INGEST_BENCH: use these binaries instead of building (e.g. to compare commits).
if [ -z "${EXEMPLAR:-}" ]; then
  build_or_die swift build -c release --product exemplar
  EXEMPLAR="$(swift build -c release --show-bin-path)/exemplar"
fi
if [ ! -s "$FILE" ]; then
  echo "generating $FILE ($ROWS rows)"
  "$EXEMPLAR" generate --rows "$ROWS" --seed 2022 --out "$FILE"
fi
[ -s "$GB" ] && [ "$GB" -nt "$FILE" ] || iconv -f UTF-8 -t GB18030 "$FILE" > "$GB"

BIN="${INGEST_BENCH:-}"
if [ -z "$BIN" ]; then
  # SwiftPM does not see new source files of the root package from here until it re-plans.
  rm -f Benchmarks/.build/release.yaml
  build_or_die swift build -c release --package-path Benchmarks --product ingest-bench
  BIN="$(swift build -c release --package-path Benchmarks --show-bin-path)/ingest-bench"
fi

if [ ! -x Benchmarks/.venv/bin/python ]; then
  python3 -m venv Benchmarks/.venv
  Benchmarks/.venv/bin/pip install --quiet pandas
fi

RESULTS="$(mktemp)"
trap 'rm -f "$RESULTS"' EXIT
for _ in $(seq "$REPEATS"); do
  "$BIN" "$CRITERIA" "$FILE" utf-8 "$THREADS" >> "$RESULTS"
  "$BIN" "$CRITERIA" "$GB" gb18030 "$THREADS" >> "$RESULTS"
  "$BIN" "$CRITERIA" "$FILE" utf-8 1 >> "$RESULTS"
  "$BIN" "$CRITERIA" "$GB" gb18030 1 >> "$RESULTS"
  # pandas: string dtype for the id and name, like Exemplar; each run a fresh interpreter.
  Benchmarks/.venv/bin/python - "$FILE" >> "$RESULTS" <<'PY'
import os, resource, sys, time
import pandas as pd
path = sys.argv[1]
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t0, c0 = time.perf_counter(), time.process_time()
df = pd.read_csv(path, encoding="utf-8-sig", dtype={"统一社会信用代码": str, "企业名称": str})
wall, cpu = time.perf_counter() - t0, time.process_time() - c0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"pandas version={pd.__version__} rows={len(df)} columns={df.shape[1]} bytes={os.path.getsize(path)} "
      f"wall={wall} cpu={cpu} rss_mib={rss} base_rss_mib={base}")
PY
  # Whole `exemplar validate` process (start-up, criteria, ingest, summary).
  /usr/bin/time -f "validate wall=%e cpu=%U+%S rss_kib=%M" "$EXEMPLAR" validate --criteria "$CRITERIA" "$FILE" \
    > /dev/null 2>> "$RESULTS.v" || { cat "$RESULTS.v"; exit 1; }
done
grep "^validate" "$RESULTS.v" >> "$RESULTS"
rm -f "$RESULTS.v"

python3 - "$RESULTS" <<'PY'
import re, sys
rows = [dict(kv.split("=", 1) for kv in line.split()[1:]) | {"what": line.split()[0]}
        for line in open(sys.argv[1]) if "=" in line]
def best(what, enc=None, threads=None):
    rs = [r for r in rows if r["what"] == what and (enc is None or r.get("encoding") == enc)
          and (threads is None or r.get("threads") == threads)]
    return min(rs, key=lambda r: float(r["wall"])), min(float(r["cpu"]) for r in rs), max(float(r["rss_mib"]) for r in rs), min(float(r["rss_mib"]) for r in rs)
out = {}
threads = sorted({r["threads"] for r in rows if r["what"] == "ingest"} - {"1"}) or ["1"]
n = threads[0]
runs = [(f"exemplar UTF-8, {n} threads", "ingest", "utf-8", n), (f"exemplar GB18030, {n} threads", "ingest", "gb18030", n),
        ("exemplar UTF-8, 1 thread", "ingest", "utf-8", "1"), ("exemplar GB18030, 1 thread", "ingest", "gb18030", "1"),
        ("pandas read_csv", "pandas", None, None)]
for label, what, enc, t in runs:
    r, cpu, rss_max, rss_min = best(what, enc, t)
    mib = int(r["bytes"]) / 1048576
    wall = float(r["wall"])
    out[label] = (mib / wall, mib / cpu)
    print(f"{label}: {r['rows']} rows, {mib:.1f} MiB: best wall {wall:.3f} s = {mib / wall:.1f} MiB/s, "
          f"best CPU {cpu:.3f} s = {mib / cpu:.1f} MiB/s; peak RSS {rss_min:.1f}–{rss_max:.1f} MiB "
          f"({rss_max / mib:.2f}x file; {float(r['base_rss_mib']):.1f} MiB before reading)")
(ew, ec), (pw, pc) = out[f"exemplar UTF-8, {n} threads"], out["pandas read_csv"]
print(f"ratio exemplar ({n} threads)/pandas (UTF-8): wall {ew / pw:.2f}x, CPU {ec / pc:.2f}x")
(sw, sc) = out["exemplar UTF-8, 1 thread"]
print(f"speed-up of {n} threads over 1 (UTF-8): wall {ew / sw:.2f}x")
vs = [l.split() for l in open(sys.argv[1]) if l.startswith("validate")]
walls = [float(v[1].split("=")[1]) for v in vs]
cpus = [sum(map(float, v[2].split("=")[1].split("+"))) for v in vs]
print(f"exemplar validate (whole process): best wall {min(walls):.2f} s, best CPU {min(cpus):.2f} s, "
      f"peak RSS {max(int(v[3].split('=')[1]) for v in vs) / 1024:.1f} MiB")
PY
echo "load average at end: $(cat /proc/loadavg)"
