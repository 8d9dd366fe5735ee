#!/usr/bin/env bash
# The before/after table of issue #16 (docs/ingest.md, "Office files: before and after"):
# runs every case of the issue with two builds of exemplar on the corpus in
# Tests/Fixtures/office (and samples/, criteria/ for the cases that need a whole run) and
# prints one Markdown row per case: the message of BEFORE and of AFTER, in the default
# language (zh), shortened with … past 240 characters.
#
#   scripts/office-messages.sh BEFORE_EXEMPLAR AFTER_EXEMPLAR > table.md
#
# The criteria file is criteria/2022.toml without its [screening], [reviews] and [documents]
# tables (which builds before them reject), and small edits of it for the criteria cases.
set -euo pipefail
cd "$(dirname "$0")/.."
before=$(realpath "$1")
after=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
office=Tests/Fixtures/office
metrics=samples/metrics-2022.csv
criteria=$work/2022.toml
awk '/^\[/{skip = ($0 ~ /^\[\[?(screening|reviews|documents)[\].]/)} !skip' criteria/2022.toml > "$criteria"
complete=Tests/Fixtures/criteria/complete.toml
sed 's/require = "above_scale and consulting_spend_wan >= 30"/require = "consulting_spend_wan"/' $complete > "$work/not-a-condition.toml"
sed "s/require = 'above_scale and consulting_spend_wan >= 15'/require = 'above_scale and name >= 15'/" $complete > "$work/compares.toml"
sed 's/  \[1, 3, 5\],/  [1, 3, "1\/5"],/; s/  \["1\/5", "1\/3", 1\],/  [5, "1\/3", 1],/' $complete > "$work/ahp.toml"
sed 's/^cumulative = false$/cumulative = fals/' $complete > "$work/syntax.toml"
# Edits of the 2022 file (builds before #16 have no --set).
edit() { python3 - "$criteria" "$work/$1" "$2" "$3" <<'PY'
import sys
src, dst, old, new = sys.argv[1:]
text = open(src, encoding="utf-8").read()
assert old in text, old
open(dst, "w", encoding="utf-8").write(text.replace(old, new, 1))
PY
}
{ cat "$criteria"; printf '\n[aggregation]\nmethod = "topsiss"\n'; } > "$work/topsiss.toml"
edit ceiling.toml 'reward = 100000' 'reward = 150000'
edit lenient.toml 'unit = "万元"' 'unit = "万元"
lenient = true'
edit vector-ws.toml 'normalise = "goalposts"
goalposts = [0, 20]' 'normalise = "vector"'
{ cat "$work/vector-ws.toml"; printf '\n[aggregation]\nmethod = "topsis"\n'; } > "$work/vector-topsis.toml"

# One row: CASE, then the command's arguments; the lines kept are those matching $keep
# (default: every line of stderr and stdout), the first $lines of them (default 1).
row() {
  local name=$1
  shift
  local b a
  b=$(cell "$before" "$@")
  a=$(cell "$after" "$@")
  printf '| %s | %s | %s |\n' "$name" "$b" "$a"
}
cell() {
  local exe=$1
  shift
  local out
  rm -rf "$work/out"
  if [ "$1" = --sh ]; then
    out=$(cd "$work" && X=$exe sh -c "$2" 2>&1 || true)
  else
    out=$(cd "$work" && "$exe" "$@" 2>&1 || true)
  fi
  out=$(printf '%s\n' "$out" | grep -a -E -- "${keep:-.}" | head -n "${lines:-1}" || true)
  out=${out//$work\//}
  out=${out//$PWD\//}
  out=$(printf '%s' "$out" | awk 'BEGIN{ORS=" ⏎ "} {print}' | sed 's/ ⏎ $//')
  [ -z "$out" ] && out="(nothing)"
  if [ "$(printf '%s' "$out" | wc -m)" -gt 240 ]; then out="$(printf '%s' "$out" | cut -c1-240)…"; fi
  out=${out//|/\\|}
  printf '`%s`' "$out"
}
ln -s "$PWD/$office" "$work/office"
ln -s "$PWD/samples" "$work/samples"
ln -s "$PWD/criteria" "$work/criteria"
ln -s "$PWD/Tests" "$work/Tests"

echo '| case | before | after |'
echo '| --- | --- | --- |'
keep=':[0-9]+:' row 'English diagnostics: a criteria value' validate $metrics --criteria topsiss.toml
keep=':[0-9]+:' row 'English diagnostics: rule not a condition' validate $metrics --criteria not-a-condition.toml
keep=':[0-9]+:' row 'English diagnostics: rule compares types' validate $metrics --criteria compares.toml
keep=':[0-9]+:' row 'English diagnostics: AHP consistency' validate $metrics --criteria ahp.toml
keep=':[0-9]+:' row 'English diagnostics: TOML syntax' validate $metrics --criteria syntax.toml
keep='rror|错误' row 'English diagnostics: a usage error' sensitivity $metrics --criteria 2022.toml --out ./out --samples 0
keep='rror|错误' row 'English diagnostics: a missing option' validate $metrics
row 'GB18030 without --encoding' validate office/excel-gb18030.csv --criteria 2022.toml
row '--encoding gbk' --sh '"$X" validate office/excel-gb18030.csv --criteria 2022.toml --encoding gbk 2>&1 | head -1'
lines=2 keep=':[0-9]+:' row 'full-width header' validate office/fullwidth-header.csv --criteria 2022.toml
lines=2 keep=':[0-9]+:' row 'Alt+Enter header' validate office/alt-enter-header.csv --criteria 2022.toml
lines=2 keep=':[0-9]+:' row 'misspelt header (unknown + missing)' validate office/misspelt-header.csv --criteria 2022.toml
for cell in '9.13303E+17' '2022/3/1' '4-Mar' "'-'" "'/'" "'无'" 'N/A' '3级' '−4.5' '（4.5）' '专精特新企业'; do
  keep=$(printf '%s' "$cell" | sed 's/[].[*+/()?]/\\&/g')
  keep=$keep row "cell ${cell//\'/}" validate office/slipped-cells.csv --criteria 2022.toml
done
unset keep
keep="15,164" row 'thousands separators' validate office/formatted-numbers.csv --criteria 2022.toml
keep="１" row 'full-width digits' validate office/fullwidth-digits.csv --criteria 2022.toml
keep="13\.70%" row '13.70%' validate office/formatted-numbers.csv --criteria 2022.toml
keep=':5:营业收入' row 'repeated errors in one column' validate office/formatted-numbers.csv --criteria 2022.toml
keep='营业收入|lenient' row 'lenient = true (one warning per column)' validate office/formatted-numbers.csv --criteria lenient.toml
row 'empty file' validate office/empty.csv --criteria 2022.toml
keep='warning|警告' row 'warning (reward above the ceiling)' validate $metrics --criteria ceiling.toml
keep='warning|警告' row '… in the validate summary' --sh '"$X" validate '$metrics' --criteria ceiling.toml 2>&1 | grep -E "warning|警告" | tail -1'
row '… counted in the run summary' --sh '"$X" run '$metrics' --criteria ceiling.toml --out ./out --no-excel --no-html 2>&1 | tail -1'
row 'validate --json warnings' --sh '"$X" validate '$metrics' --criteria ceiling.toml --json 2>/dev/null | grep -o "\"warnings\":[^]]*]\?" | head -c 400'

for cmd in sensitivity explain weights diff; do
  case $cmd in
    sensitivity) args=(sensitivity $metrics --criteria 2022.toml --out ./out --samples 20 --sobol 0) ;;
    explain) args=(explain $metrics --criteria 2022.toml --id 91330281MA2TKFB4X7) ;;
    weights) args=(weights $metrics --criteria 2022.toml) ;;
    diff) args=(diff $metrics --criteria 2022.toml --criteria 2022.toml) ;;
  esac
  lines=3 row "--output-encoding gb18030 on $cmd" --sh '"$X" '"${args[*]}"' --output-encoding gb18030 >/dev/null 2>err; s=$?; echo "exit $s"; grep -E "rror|错误|:[0-9]+:" err | head -1; if [ -d out ]; then if iconv -f utf-8 -t utf-8 out/sensitivity.csv >/dev/null 2>&1; then echo "sensitivity.csv in UTF-8"; else echo "sensitivity.csv not UTF-8: $(iconv -f gb18030 -t utf-8 out/sensitivity.csv | head -1 | cut -d, -f1-3)"; fi; fi'

done
row 'sensitivity.csv headers (zh)' --sh '"$X" sensitivity '$metrics' --criteria 2022.toml --out ./out --samples 20 --sobol 0 >/dev/null 2>&1; head -1 out/sensitivity.csv'
row 'explain --id by name' explain $metrics --criteria 2022.toml --id 宁波诚宏汽车部件有限公司
row 'explain --id one character short' explain $metrics --criteria 2022.toml --id 91330281MA2TKFB4X
row 'run --json' --sh '"$X" run '$metrics' --criteria 2022.toml --out ./out --no-excel --no-html --json 2>/dev/null'
lines=4 row 'help text' --sh '"$X" run --help | sed -n 4,7p'
keep='cost_reduction|rror|^exemplar' row 'vector normalisation, negative values, TOPSIS' run $metrics --criteria vector-topsis.toml --out ./out --no-excel --no-html
keep='cost_reduction|rror|^exemplar' row 'vector normalisation, negative values, weighted sum' run $metrics --criteria vector-ws.toml --out ./out --no-excel --no-html
