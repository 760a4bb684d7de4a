#!/usr/bin/env bash
# Sets up a fresh Debian machine (missing packages via apt-get, configure, build) and runs the
# main job on the sample round shipped in samples/2024. Outputs go to ut/ (or OUT_DIR).
# Usage: scripts/run-sample.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-ut}
scripts/setup.sh build
round=samples/2024

# `run` is the main job; until it is built (issue 5), show how the reader sees each submission.
set +e
message=$(build/arsanalys run "$round" -o "$out" 2>&1)
status=$?
set -e
if ! grep -q "inte färdigt ännu" <<<"$message"; then
  echo "$message"
  exit "$status"
fi
mkdir -p "$out/inspect"
shopt -s nullglob
files=("$round"/leverantorer/*.xlsx)
if [ ${#files[@]} -eq 0 ]; then
  echo "fel: inga underlag i $round/leverantorer" >&2
  exit 2
fi
for f in "${files[@]}"; do
  name=$(basename "$f" .xlsx)
  build/arsanalys inspect "$f" > "$out/inspect/$name.txt"
  build/arsanalys inspect --json "$f" > "$out/inspect/$name.json"
  head -n 3 "$out/inspect/$name.txt"
done
echo
echo "Klart: så läser arsanalys varje underlag, i $out/inspect/ (.txt för ögat, .json för skript)."
