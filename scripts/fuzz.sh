#!/usr/bin/env bash
# Builds a libFuzzer + ASan harness and runs it for SECONDS.
# Usage: scripts/fuzz.sh [SECONDS=60] [ingest|criteria]
#   ingest:   Ingest on CSV bytes. Seeds: Fuzz/corpus/ (committed).
#   criteria: the criteria loader on TOML text and rule expressions. Seeds: Fuzz/corpus-criteria/.
# New inputs go to Fuzz/corpus-run[-criteria]/ and crashes to Fuzz/artifacts/ (gitignored).
set -euo pipefail
cd "$(dirname "$0")/../Fuzz"
SECONDS_TO_RUN="${1:-60}"
TARGET="${2:-ingest}"
case "$TARGET" in
  ingest) SEEDS=corpus; RUN=corpus-run; MAXLEN=4096; EXTRA=() ;;
  # TOMLKit 0.6.0 leaks the key list of every `TOMLTable.keys` call (C++ tableGetKeys): not ours,
  # and not a crash, so leak detection is off for this target and the RSS limit is raised.
  criteria) SEEDS=corpus-criteria; RUN=corpus-run-criteria; MAXLEN=8192; EXTRA=(-detect_leaks=0 -rss_limit_mb=6144) ;;
  *) echo "unknown target $TARGET (ingest or criteria)" >&2; exit 64 ;;
esac
swift build -c debug --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address --product "$TARGET-fuzz" 2>&1 \
  | grep -Ev "ld.gold: warning: Cannot export local symbol" || true
# A failed build must not fuzz a stale binary.
[ "${PIPESTATUS[0]}" = 0 ] || { echo "fuzz.sh: the build failed" >&2; exit 1; }
BIN="$(swift build -c debug --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address --show-bin-path)/$TARGET-fuzz"
mkdir -p "$RUN" artifacts
SWIFT_BACKTRACE=enable=no "$BIN" "$RUN" "$SEEDS" -max_total_time="$SECONDS_TO_RUN" -max_len="$MAXLEN" -timeout=10 "${EXTRA[@]}" \
  -artifact_prefix=artifacts/ -print_final_stats=1
