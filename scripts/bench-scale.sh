#!/usr/bin/env bash
# Results at scale (issue #18), release build, ROWS enterprises × 20 criteria, weighted sum:
# ingest alone, `run --no-excel --no-html` in the three layouts (objects: results.json's ranking;
# columnar: enterprises.csv; arrow: enterprises.arrow), dd of each run's own output bytes (fsync'd, as run writes them),
# the same computation in pandas + numpy (scripts/bench/peer_run.py: results.json and
# ranking.csv) and in polars alone writing the full ranking table (scripts/bench/polars_ranking.py), each
# the best of REPEAT (Exemplar's commands and dd in REPEAT interleaved rounds, the peers after them);
# then bytes per enterprise, the floors' ratios and peak memory (the largest of any round), the
# last floor's ratio round by round, and what deleting a previous output folder costs (each run
# writes a new folder, each dd a new file; the deletions are timed on their own).
# Usage: scripts/bench-scale.sh [ROWS=1000000] [REPEAT=3]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench/build.sh
ROWS="${1:-1000000}"; REPEAT="${2:-3}"
DATA=Benchmarks/.data; mkdir -p "$DATA"
release_and_peers
F="$DATA/metrics-$ROWS.csv"
[ -s "$F" ] || "$BIN" generate --rows "$ROWS" --seed 2022 --out "$F"
python3 scripts/bench/make_criteria.py criteria/2022.toml "$DATA" >/dev/null
M="python3 scripts/bench/measure.py"
line() { local out; out=$($M "$@"); echo "$out" >&2; echo "$out"; }
secs() { sed -E 's/.*best ([0-9.]+) s.*/\1/'; }
rss() { sed -E 's/.*peak RSS ([0-9.]+) MiB.*/\1/'; }
bytes() { du -sb --apparent-size "$1" | cut -f1; }
echo "file: $F, $(du -m "$F" | cut -f1) MB, $ROWS rows; $(nproc) cores; load $(cut -d' ' -f1 /proc/loadavg)"
# Exemplar's commands and dd in rounds: each round runs every one of them once, in turn, so a
# slower minute on a shared machine slows all of them alike instead of the ones measured in it
# (the ratios compare commands measured minutes apart otherwise). Best of the rounds each.
ROUNDS=$(mktemp); trap 'rm -f "$ROUNDS"' EXIT
dd_of() { echo dd if=/dev/zero of="$DATA/out-dd" bs=1M count=$((($(bytes "$1") + 1048575) / 1048576)) conv=fsync status=none; }
# Each run writes a new folder and each dd a new file: the earlier output is deleted first, outside
# the timing. Replacing an output folder costs its deletion on top of the run (on this machine's
# ext4, mounted with `discard`, ~0.6 s per GB, waiting on the device); that deletion is measured on
# its own line, per round.
for r in $(seq "$REPEAT"); do
  $M "ingest alone (exemplar validate)" 1 -- "$BIN" validate "$F" --criteria "$DATA/wsm.toml" >>"$ROUNDS"
  for l in objects columnar arrow; do
    layout=(); [ "$l" = objects ] || layout=(--layout "$l")
    if [ -d "$DATA/out-$l" ]; then
      $M "deleting the previous $l output ($(($(bytes "$DATA/out-$l") / 1048576)) MiB)" 1 -- rm -rf "$DATA/out-$l" >>"$ROUNDS"
    fi
    $M "exemplar run, $l layout" 1 -- "$BIN" run "$F" --criteria "$DATA/wsm.toml" --out "$DATA/out-$l" --no-excel --no-html "${layout[@]}" >>"$ROUNDS"
  done
  for l in objects columnar arrow; do
    rm -f "$DATA/out-dd"
    # shellcheck disable=SC2046
    $M "dd of the $l run's bytes ($(($(bytes "$DATA/out-$l") / 1048576)) MiB), fsync" 1 -- $(dd_of "$DATA/out-$l") >>"$ROUNDS"
  done
done
rm -f "$DATA/out-dd"
# The best wall time of a command over the rounds, with that round's CPU and load, and the
# largest peak RSS of any round.
best() {
  python3 - "$ROUNDS" "$1" <<'PY'
import re, sys
rows = [l.rstrip("\n") for l in open(sys.argv[1]) if l.startswith(sys.argv[2] + ":")]
wall = lambda l: float(re.search(r"best ([0-9.]+) s", l).group(1))
peak = max(float(re.search(r"peak RSS ([0-9.]+) MiB", l).group(1)) for l in rows)
line = min(rows, key=wall)
print(re.sub(r"peak RSS [0-9.]+ MiB", f"peak RSS {peak:.1f} MiB", line) + f" (best of {len(rows)} rounds)")
PY
}
report() { local out; out=$(best "$1"); echo "$out" >&2; echo "$out"; }
ingest=$(report "ingest alone (exemplar validate)" | secs)
obj=$(report "exemplar run, objects layout")
col=$(report "exemplar run, columnar layout")
arr=$(report "exemplar run, arrow layout")
ob=$(bytes "$DATA/out-objects"); cb=$(bytes "$DATA/out-columnar"); ab=$(bytes "$DATA/out-arrow")
ddo=$(report "dd of the objects run's bytes ($((ob / 1048576)) MiB), fsync" | secs)
ddc=$(report "dd of the columnar run's bytes ($((cb / 1048576)) MiB), fsync" | secs)
dda=$(report "dd of the arrow run's bytes ($((ab / 1048576)) MiB), fsync" | secs)
pandas=$(line "pandas + numpy, same computation" "$REPEAT" --fresh "$DATA/out-pandas" -- "$PY" scripts/bench/peer_run.py pandas "$F" "$DATA/spec.json" "$DATA/out-pandas" | secs)
polars=$(line "polars, full ranking table (scripts/bench/polars_ranking.py)" "$REPEAT" --fresh "$DATA/out-polars" -- "$PY" scripts/bench/polars_ranking.py "$F" "$DATA/spec.json" "$DATA/out-polars" | secs)
python3 - "$ROWS" "$ingest" "$(echo "$obj" | secs)" "$(echo "$col" | secs)" "$(echo "$arr" | secs)" "$ddo" "$ddc" "$dda" \
  "$pandas" "$polars" "$ob" "$cb" "$ab" "$(echo "$obj" | rss)" "$(echo "$col" | rss)" "$(echo "$arr" | rss)" "$(stat -c %s "$F")" "$ROUNDS" <<'PY'
import re, statistics, sys
rows = int(sys.argv[1])
i, o, c, a, ddo, ddc, dda, pd, pl = map(float, sys.argv[2:11])
ob, cb, ab = map(int, sys.argv[11:14])
orss, crss, arss = map(float, sys.argv[14:17])
size = int(sys.argv[17])
print(f"bytes per enterprise written: objects {ob / rows:.0f}, columnar {cb / rows:.0f}, arrow {ab / rows:.0f}")
for name, t, dd, peak in (("objects", o, ddo, orss), ("columnar", c, ddc, crss), ("arrow", a, dda, arss)):
    print(f"{name:8}: run {t:.3f} s; polars/run {pl / t:.2f}x (floor >= 1); pandas/run {pd / t:.2f}x (floor >= 4); "
          f"run/(ingest + dd) {t / (i + dd):.2f}x (floor <= 1.5); peak RSS {peak:.0f} MiB = {peak * 2**20 / size:.2f}x the input (floor <= 2)")
# The same ratio within each round (its own ingest, run and dd, measured a minute apart at
# most): less exposed to a slow minute than the bests above, which may come from different rounds.
wall = lambda l: float(re.search(r"best ([0-9.]+) s", l).group(1))
lines = [l for l in open(sys.argv[18])]
def series(prefix): return [wall(l) for l in lines if l.startswith(prefix)]
ingests = series("ingest alone")
for name in ("objects", "columnar", "arrow"):
    runs, dds = series(f"exemplar run, {name} layout:"), series(f"dd of the {name} run's bytes")
    ratios = [r / (i + d) for r, i, d in zip(runs, ingests, dds)]
    print(f"{name:8}: run/(ingest + dd) round by round {' '.join(f'{x:.2f}' for x in ratios)}; median {statistics.median(ratios):.2f}x")
for name in ("objects", "columnar", "arrow"):
    gone = series(f"deleting the previous {name} output")
    if gone:
        print(f"{name:8}: deleting the previous output (what replacing a folder adds), round by round {' '.join(f'{x:.2f}' for x in gone)} s")
PY
