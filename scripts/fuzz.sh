#!/usr/bin/env bash
# Runs the libFuzzer targets built in BUILD_DIR (configured with CXX=clang++ -DARSANALYS_FUZZ=ON)
# for SECONDS in all, split between them: the reader's two, and our deflate's round trip. Seeds:
# the fixture workbooks, small corpus files, and their worksheet parts. A crash, leak, timeout or
# out-of-memory is saved under tests/fuzz/regressions/<target>/ (replayed by the Catch2 suite
# from then on) and fails the run.
# Usage: scripts/fuzz.sh BUILD_DIR [SECONDS]      e.g. scripts/fuzz.sh build-fuzz 3600 locally
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${1:?usage: scripts/fuzz.sh BUILD_DIR [SECONDS]}
seconds=${2:-60}
per_target=$(( seconds / 3 > 1 ? seconds / 3 : 1 ))
work="$build_dir/fuzz-work"
mkdir -p "$work/seeds/fuzz_reader" "$work/seeds/fuzz_sheet" "$work/seeds/fuzz_deflate"

# Seeds for the whole-file target: our fixtures and the corpus files under 256 kB.
cp tests/data/xlsx/*.xlsx "$work/seeds/fuzz_reader/"
find tests/corpus -name '*.xlsx' -size -256k -exec cp {} "$work/seeds/fuzz_reader/" \;
# Seeds for the worksheet target (tests/fuzz/fuzz_inputs.h): each fixture's first worksheet,
# 0xFF, its shared strings; and the same followed by its styles, workbook part and workbook
# relationships, each after a 0xFF.
part_of() {  # file part: the part's bytes, or nothing when the file has no such part
  if unzip -Z1 "$1" | grep -qx "$2"; then unzip -p "$1" "$2"; fi
}
for f in tests/data/xlsx/*.xlsx; do
  sheet=$(unzip -Z1 "$f" | grep -i '^xl/worksheets/[^/]*\.xml$' | head -n 1 || true)
  [ -n "$sheet" ] || continue
  out="$work/seeds/fuzz_sheet/$(basename "$f" .xlsx)"
  unzip -p "$f" "$sheet" > "$out"
  if unzip -Z1 "$f" | grep -qx 'xl/sharedStrings.xml'; then
    printf '\377' >> "$out"
    unzip -p "$f" xl/sharedStrings.xml >> "$out"
  fi
  {
    unzip -p "$f" "$sheet"
    for part in xl/sharedStrings.xml xl/styles.xml xl/workbook.xml xl/_rels/workbook.xml.rels; do
      printf '\377'
      part_of "$f" "$part"
    done
  } > "$out-alla"
done

# Seeds for the deflate target: the worksheet seeds (XML, as the writers deflate it).
cp "$work"/seeds/fuzz_sheet/* "$work/seeds/fuzz_deflate/" 2>/dev/null || true

status=0
for target in fuzz_reader fuzz_sheet fuzz_deflate; do
  corpus="$work/corpus/$target"
  regressions="tests/fuzz/regressions/$target"
  mkdir -p "$corpus" "$regressions"
  echo "== $target i $per_target s"
  "$build_dir/tests/fuzz/$target" "$corpus" "$work/seeds/$target" \
    -max_total_time="$per_target" -max_len=1048576 -timeout=20 -rss_limit_mb=2048 \
    -artifact_prefix="$regressions/" -print_final_stats=1 2> "$work/$target.log" || status=$?
  tail -n 12 "$work/$target.log"
  if [ "$status" -ne 0 ]; then
    echo "fel: $target hittade ett fel; indata sparat i $regressions/ (se $work/$target.log)"
    exit "$status"
  fi
done
echo "Fuzzningen hittade inga fel."
