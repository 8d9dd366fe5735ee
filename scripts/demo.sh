#!/usr/bin/env bash
# The annual run on the shipped samples with the default criteria: installs what is
# missing, builds a release binary, writes out/2022/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product exemplar
bin=$(swift build -c release --show-bin-path)/exemplar
"$bin" validate samples/metrics-2022.csv --criteria criteria/2022.toml
"$bin" run samples/metrics-2022.csv --criteria criteria/2022.toml \
  --history samples/history.csv --screen samples/screening.csv --reviews samples/reviews.csv \
  --recusals samples/recusals.csv --decisions samples/decisions.csv --out out/2022 --ledger out/ledger.db
"$bin" ledger list --ledger out/ledger.db
echo "demo: results in out/2022/, the run recorded in out/ledger.db (docs/ledger.md)" >&2
ls -l out/2022
