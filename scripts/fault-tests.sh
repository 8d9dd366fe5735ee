#!/usr/bin/env bash
# Fault injection through the CLI (issue 11): a full disk, kill -9 during a run over an
# existing output, a metrics file truncated while it is read, hostile criteria files.
# Usage: scripts/fault-tests.sh [EXEMPLAR=.build/debug/exemplar] [ROWS=200000]
# The full-disk case mounts a 1 MB tmpfs and needs root; it is skipped with a message otherwise.
set -uo pipefail
cd "$(dirname "$0")/.."
BIN="$(realpath "${1:-.build/debug/exemplar}")"
ROWS="${2:-200000}"
C="$PWD/criteria/2022.toml"
M="$PWD/samples/metrics-2022.csv"
W="$(mktemp -d /tmp/exemplar-faults.XXXXXX)"
FAILED=0
pass() { echo "ok   $1"; }
fail() { echo "FAIL $1"; FAILED=1; }
# The first N characters (not bytes) of stdin: messages are Chinese, `cut -c` would split UTF-8.
clip() { python3 -c 'import sys; print(sys.stdin.read().rstrip("\n")[:int(sys.argv[1])])' "$1"; }
cleanup() { mountpoint -q "$W/disk" 2>/dev/null && umount "$W/disk"; rm -rf "$W"; }
trap cleanup EXIT

# 1. A full disk (a 1 MB tmpfs). (a) As TMPDIR: libxlsxwriter's temporary files go inside the
# output's folder, so the run succeeds with a sound workbook. (b) As the output's disk: exit 73,
# the old output intact, no litter.
if [ "$(id -u)" = 0 ] && mkdir -p "$W/disk" && mount -t tmpfs -o size=1m tmpfs "$W/disk" 2>/dev/null; then
  "$BIN" run "$M" --criteria "$C" --out "$W/disk/out" --no-excel --no-html >/dev/null 2>&1
  first=$?
  cat /dev/zero > "$W/disk/filler" 2>/dev/null
  TMPDIR="$W/disk" "$BIN" run "$M" --criteria "$C" --out "$W/xl" --no-html >"$W/tmpdir.log" 2>&1
  rc=$?
  if [ "$rc" = 0 ] && python3 -c "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; assert all(i.file_size > 0 for i in z.infolist())" "$W/xl/recommendations.xlsx"; then
    pass "full TMPDIR: exit 0, workbook sound"
  else fail "full TMPDIR: rc=$rc $(tail -1 "$W/tmpdir.log")"; fi
  truncate -s -200000 "$W/disk/filler"
  before=$(cd "$W/disk/out" && find . -type f -exec sha256sum {} + | sort)
  "$BIN" run "$M" --criteria "$C" --out "$W/disk/out" >"$W/full.log" 2>&1
  rc=$?
  after=$(cd "$W/disk/out" && find . -type f -exec sha256sum {} + | sort)
  litter=$(ls "$W/disk" | grep -c 'tmp-' || true)
  if [ "$first" = 0 ] && [ "$rc" = 73 ] && [ "$before" = "$after" ] && [ "$litter" = 0 ]; then
    pass "full disk: exit 73, old output intact ($(tail -1 "$W/full.log" | sed 's/.*: cannot/cannot/' | clip 70))"
  else fail "full disk: first=$first rc=$rc litter=$litter $(tail -1 "$W/full.log")"; fi
  umount "$W/disk"
else
  echo "skip full disk: needs root to mount a 1 MB tmpfs"
fi

# 2. kill -9 at random points of a run over an existing output.
"$BIN" generate --rows "$ROWS" --seed 1 --out "$W/big.csv" >/dev/null 2>&1
"$BIN" run "$W/big.csv" --criteria "$C" --out "$W/out" --no-html >/dev/null 2>&1 || fail "kill -9: first run"
names=$(cd "$W/out" && find . -type f | sort)
for delay in 0.3 0.8 1.5 2.5 4; do
  "$BIN" run "$W/big.csv" --criteria "$C" --out "$W/out" --no-html >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  # The old output or a complete new one (the same files; only the time differs): never a mix.
  if [ "$(cd "$W/out" && find . -type f | sort)" != "$names" ] \
    || ! python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$W/out/results.json" 2>/dev/null; then
    fail "kill -9 after ${delay}s: the output is incomplete"
  fi
done
"$BIN" run "$M" --criteria "$C" --out "$W/out" --no-excel --no-html >/dev/null 2>&1 || fail "kill -9: run after the kills"
if ls "$W" | grep -q '^out\.tmp-'; then fail "kill -9: litter left after the next run: $(ls "$W" | grep '^out\.tmp-')"; else pass "kill -9 at 5 points: output never partial, litter cleaned by the next run"; fi

# 3. A metrics file truncated while it is read: a clear error (exit 66: it changed), no output;
# or, if the read finished first, a manifest of exactly the bytes read.
cp "$W/big.csv" "$W/shrinking.csv"
( sleep 0.2; truncate -s 1000000 "$W/shrinking.csv" ) &
"$BIN" run "$W/shrinking.csv" --criteria "$C" --out "$W/t" --no-excel --no-html >"$W/trunc.log" 2>&1
rc=$?
wait
if [ "$rc" = 66 ] && ! [ -e "$W/t" ]; then pass "truncated while read: exit 66 ($(tail -1 "$W/trunc.log" | clip 90))"
elif [ "$rc" = 0 ] && [ "$(grep -o '"rows": *[0-9]*' "$W/t/results.json" | head -1 | grep -o '[0-9]*$')" -gt 0 ]; then
  # The read finished before the truncation: then the manifest must describe the full file.
  grep -q "$(sha256sum "$W/big.csv" | cut -c1-64)" "$W/t/results.json" && pass "truncated after the read: full file recorded" || fail "truncated: manifest hash of other bytes"
else fail "truncated while read: rc=$rc $(tail -1 "$W/trunc.log")"; fi

# 4. Hostile criteria files: each an error at a line (exit 78), never a crash.
python3 scripts/hostile-criteria.py "$W/h" >/dev/null
for f in "$W"/h/*.toml; do
  timeout 20 "$BIN" validate "$M" --criteria "$f" >"$W/h.log" 2>&1
  rc=$?
  name=$(basename "$f" .toml)
  if [ "$rc" = 78 ] && grep -q "$(basename "$f"):[0-9]" "$W/h.log"; then pass "hostile criteria $name: exit 78 at a line"
  else fail "hostile criteria $name: rc=$rc $(grep -v warning "$W/h.log" | tail -1 | clip 120)"; fi
done
# 5. Nothing is published before it is durable: every file and folder of a run's output (the
# workbooks, the pages, the PDFs when Chromium is installed, the marker, shortlists/) is fsync'ed
# under its temporary name before the folder is renamed to DIR (strace -y names each fsync's file).
if command -v strace >/dev/null; then
  strace -f -y -qq -e trace=fsync,rename,renameat2 -o "$W/sync.trace" "$BIN" run "$M" --criteria "$C" --out "$W/synced" >/dev/null 2>&1
  rc=$?
  if [ "$rc" = 0 ] && python3 - "$W/synced" "$W/sync.trace" <<'PY'; then pass "every file and folder synced before the output is published ($(cd "$W/synced" && find . -mindepth 1 | wc -l) entries)"
import os, re, sys
out, trace = sys.argv[1], open(sys.argv[2], encoding="utf-8", errors="replace").read().splitlines()
name = os.path.basename(out)
# The call that publishes: the temporary folder renamed (or exchanged) to DIR.
publish = next(i for i, l in enumerate(trace) if re.search(r"rename(at2)?\(.*" + re.escape(name) + r"\.tmp-\w{6}\"", l))
tmp = re.search(re.escape(name) + r"\.tmp-\w{6}", trace[publish]).group(0)
synced = {m.group(1) for l in trace[:publish] for m in [re.search(r"fsync\(\d+<[^>]*/" + re.escape(tmp) + r"(/[^>]*)?>\) = 0", l)] if m}
synced = {s or "" for s in synced}
entries = [""] + ["/" + os.path.relpath(os.path.join(d, f), out) for d, ds, fs in os.walk(out) for f in ds + fs]
missing = [e or "." for e in entries if e not in synced]
if missing:
    sys.exit(f"not synced before the rename: {missing}")
PY
  else fail "sync before publish: rc=$rc"; fi
else
  echo "skip sync before publish: strace is not installed"
fi
exit $FAILED
