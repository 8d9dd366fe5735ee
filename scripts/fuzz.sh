#!/usr/bin/env bash
# Builds the Ingest fuzzer (libFuzzer + ASan, docs/platform.md "Fuzzing") and runs it for SECONDS.
# Usage: scripts/fuzz.sh [SECONDS=60]. Seeds: Fuzz/corpus/ (committed); new inputs go to
# Fuzz/corpus-run/ and crashes to Fuzz/artifacts/ (both gitignored).
set -euo pipefail
cd "$(dirname "$0")/../Fuzz"
SECONDS_TO_RUN="${1:-60}"
swift build -c debug --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address 2>&1 | grep -Ev "ld.gold: warning: Cannot export local symbol" || true
BIN="$(swift build -c debug --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address --show-bin-path)/ingest-fuzz"
mkdir -p corpus-run artifacts
SWIFT_BACKTRACE=enable=no "$BIN" corpus-run corpus -max_total_time="$SECONDS_TO_RUN" -max_len=4096 \
  -artifact_prefix=artifacts/ -print_final_stats=1
