#!/usr/bin/env bash
# The ledger's costs (docs/ledger.md, "Performance"): recording a run of ROWS enterprises
# beside the run's own time, and reading YEARS years × ROWS of history from the ledger
# against today's CSV history. Release build. Usage: scripts/bench-ledger.sh [ROWS] [YEARS]
# EXEMPLAR_BIN=PATH measures an existing binary instead of building one (A/B comparisons).
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000} years=${2:-10}
if [ -n "${EXEMPLAR_BIN:-}" ]; then
  bin="$EXEMPLAR_BIN"
else
  swift build -c release --product exemplar >/dev/null
  bin=$(swift build -c release --show-bin-path)/exemplar
fi
echo "binary: $bin; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
first=$((2023 - years))
for y in $(seq $first 2023); do "$bin" generate --rows "$rows" --seed 7 --year "$y" --out "$work/m$y.csv" >/dev/null; done
secs() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc; }
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
run() { "$bin" run "$work/m$1.csv" --criteria criteria/2022.toml --set evaluation.year="$1" --out "$work/out" --no-excel --no-html "${@:2}"; }

echo "== recording a run of $rows enterprises (run --no-excel --no-html; median of 3)"
plain=() ledger=()
for i in 1 2 3; do
  plain+=("$(secs run $first)")
  rm -f "$work/r.db"*
  ledger+=("$(secs run $first --ledger "$work/r.db")")
done
p=$(median "${plain[@]}") l=$(median "${ledger[@]}")
echo "run: ${p} s; run --ledger (new file): ${l} s; recording: $(echo "$l - $p" | bc) s"
echo "ledger file: $(du -k "$work/r.db" | cut -f1) KiB for one run"
for i in 1 2 3; do rm -f "$work/r.db"*; run $first --ledger "$work/r.db" --json; done | grep -o '"ledger_seconds":[0-9.]*' | sed 's/^/  run --json: /'

echo "== $years years × $rows enterprises in one ledger, each year final"
for y in $(seq $first 2022); do
  t=$(secs run "$y" --ledger "$work/l.db")
  n=$("$bin" ledger list --ledger "$work/l.db" --json | grep -o '"run":[0-9]*' | tail -1 | cut -d: -f2)
  "$bin" ledger final "$n" --ledger "$work/l.db" >/dev/null
  echo "  $y: run --ledger ${t} s (run $n)"
done
echo "ledger file: $(du -k "$work/l.db" | cut -f1) KiB"
"$bin" ledger history --ledger "$work/l.db" --out "$work/h.csv" 2>/dev/null
echo "history CSV from the finals: $(($(wc -l <"$work/h.csv") - 1)) lines"
python3 - "$work" "$first" <<'PY'
import sys
work, first = sys.argv[1], int(sys.argv[2])
# Every enterprise of every year in the history, as a hand-kept file could grow to.
ids = [l.split(",", 1)[0].lstrip("\ufeff") for l in open(f"{work}/m{first}.csv", encoding="utf-8")][1:]
with open(f"{work}/big.csv", "w", encoding="utf-8") as f:
    f.write("id,year,programme\n")
    for y in range(first, 2023):
        for i in ids: f.write(f"{i},{y},city_benchmark\n")
PY
echo "== reading the history (validate = ingest + history; median of 3)"
v() { "$bin" validate "$work/m2023.csv" --criteria criteria/2022.toml --set evaluation.year=2023 "$@"; }
a=() b=() c=() d=()
for i in 1 2 3; do
  a+=("$(secs v)"); b+=("$(secs v --history "$work/h.csv")"); c+=("$(secs v --ledger "$work/l.db")"); d+=("$(secs v --history "$work/big.csv")")
done
echo "no history: $(median "${a[@]}") s; --history (finals, CSV): $(median "${b[@]}") s; --ledger: $(median "${c[@]}") s; --history ($years × $rows lines): $(median "${d[@]}") s"
echo "ledger history (whole command): $(secs "$bin" ledger history --ledger "$work/l.db") s"
id=$(sed -n 2p "$work/m$first.csv" | cut -d, -f1)
echo "history $id over $years years (whole command): $(secs "$bin" history "$id" --ledger "$work/l.db") s"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
