#!/usr/bin/env bash
# The XML parser benchmark (docs/performance.md, "Ett XML-läsverktyg", issue 17): the reader's
# pull parser against a pugixml DOM on the same parts: the 1,000,000-cell benchmark workbook's
# sheet, the city-scale register (kunder.xlsx of 8,000 customers, bench/gen_round.py) and the
# largest sheet of one of its submissions, and the sample round's register and submission.
# Prints a Markdown table (arsanalys_bench_xml, bench/bench_xml.cc).
#
# Usage: bench/run_xml_bench.sh [BUILD_DIR]     (default build-bench, a Release build)
#        REPS=N (default 5)
set -euo pipefail
build_dir=$(realpath -m "${1:-$(dirname "$0")/../build-bench}")  # relative to the caller
cd "$(dirname "$0")/.."
root=$(pwd)
reps=${REPS:-5}
out="$root/bench/out"
mkdir -p "$out/xml"

. bench/lib.sh
bench_build libpugixml-dev python3-openpyxl unzip

# The workbooks, reused when bench/run_reader_bench.sh or bench/run_round_bench.sh wrote them.
big="$out/reader-1m.xlsx"
if [ ! -f "$big" ] || [ "$build_dir/bench/arsanalys_gen_workbook" -nt "$big" ]; then
  say "Skriver $big"
  "$build_dir/bench/arsanalys_gen_workbook" "$big.tmp" 50000 20
  mv "$big.tmp" "$big"
fi
round="$out/round-8000"
if [ ! -f "$round/omgang.toml" ] || [ bench/gen_round.py -nt "$round/omgang.toml" ]; then
  say "Skriver omgången $round"
  rm -rf "$round"
  /usr/bin/python3 bench/gen_round.py "$round" 8000
fi

# The parts, unzipped: name -> (workbook, part).
parts=(
  "1m-cells-sheet1.xml $big xl/worksheets/sheet1.xml"
  "round-8000-kunder-sheet1.xml $round/kunder.xlsx xl/worksheets/sheet1.xml"
  "round-8000-intraservice-sheet4.xml $round/leverantorer/intraservice.xlsx xl/worksheets/sheet4.xml"
  "sample-kunder-sheet1.xml samples/2024/kunder.xlsx xl/worksheets/sheet1.xml"
  "sample-intraservice-sheet2.xml samples/2024/leverantorer/intraservice.xlsx xl/worksheets/sheet2.xml"
)
files=()
for p in "${parts[@]}"; do
  read -r name book part <<<"$p"
  unzip -p "$book" "$part" > "$out/xml/$name"
  files+=("$out/xml/$name")
done
cd "$out/xml"
"$build_dir/bench/arsanalys_bench_xml" "$reps" "${files[@]##*/}"
