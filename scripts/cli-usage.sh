#!/usr/bin/env bash
# Rewrites the usage block of docs/cli.md ("Usage lines, as `--help` prints them") from the
# built executable's --help of every command (CLITests/UsageTests checks the page against it).
# Usage: scripts/cli-usage.sh [EXEMPLAR_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${1:-.build/debug/exemplar}"
python3 - "$BIN" <<'PY'
import re, subprocess, sys
bin = sys.argv[1]
lines = []
for c in ["validate", "run", "explain", "weights", "sensitivity", "diff", "generate", "ledger list", "ledger final", "ledger history", "history", "compare", "tune", "letter"]:
    out = subprocess.run([bin] + c.split() + ["--help", "--lang", "en"], capture_output=True, text=True).stdout
    usage = next(l for l in out.splitlines() if l.startswith("USAGE: "))[7:]
    lines.append(usage)
page = open("docs/cli.md", encoding="utf-8").read()
head = "Usage lines, as `--help` prints them:\n```\n"
start = page.index(head) + len(head)
end = page.index("```", start)
page = page[:start] + "\n".join(lines) + "\n" + page[end:]
open("docs/cli.md", "w", encoding="utf-8").write(page)
PY
