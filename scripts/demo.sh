#!/usr/bin/env bash
# The yearly cycle on the shipped samples with the default criteria: installs what is missing,
# builds a release binary, then
#   2022: the selection with screening, expert reviews and the committee's decisions → out/2022/,
#         recorded in a fresh ledger (out/demo-ledger.db) and marked as the year's final;
#   2023: the next year's selection, its history (and 复核 re-review) taken from that final → out/2023/,
#         marked as its year's final;
#   2024: the third year, its history from both finals → out/2024/;
#   2023 and 2024 compared → out/compare/, and one enterprise followed across the three years.
# EXEMPLAR_BIN=PATH runs an existing binary instead of building one.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${EXEMPLAR_BIN:-}" ]; then
  bin="$EXEMPLAR_BIN"
else
  scripts/setup.sh
  swift build -c release --product exemplar
  bin=$(swift build -c release --show-bin-path)/exemplar
fi
mkdir -p out
# The demo's own ledger, made afresh each time (a year's final cannot be changed once marked).
rm -f out/demo-ledger.db
"$bin" validate samples/metrics-2022.csv --criteria criteria/2022.toml --history samples/history.csv
"$bin" run samples/metrics-2022.csv --criteria criteria/2022.toml \
  --history samples/history.csv --screen samples/screening.csv --reviews samples/reviews.csv \
  --recusals samples/recusals.csv --decisions samples/decisions.csv --out out/2022 --ledger out/demo-ledger.db
"$bin" ledger final 1 --ledger out/demo-ledger.db
"$bin" run samples/metrics-2023.csv --criteria criteria/2023.toml --out out/2023 --ledger out/demo-ledger.db
"$bin" ledger final 2 --ledger out/demo-ledger.db
"$bin" run samples/metrics-2024.csv --criteria criteria/2024.toml --out out/2024 --ledger out/demo-ledger.db
"$bin" ledger list --ledger out/demo-ledger.db
"$bin" compare 2023 2024 --ledger out/demo-ledger.db --out out/compare --movers 5
"$bin" history 9133021255170627XX --ledger out/demo-ledger.db   # a 2022 city benchmark re-reviewed in 2023
echo "demo: out/2022/, out/2023/ and out/2024/ (results.json, ranking.csv, shortlists/, recommendations.xlsx, report.html/.pdf, the 推荐汇总表 and 公示 pages), out/compare/, the ledger out/demo-ledger.db (docs/ledger.md)" >&2
