#!/usr/bin/env bash
# Sets up a fresh Debian machine (missing packages via apt-get, configure, build) and runs the
# main job on the sample round shipped in samples/2024. Outputs go to ut/ (or OUT_DIR), the
# decision annex as a PDF too (Debian's chromium, installed here).
# Usage: scripts/run-sample.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-ut}
# Chromium prints the decision annex to beslutsbilaga.pdf.
ARSANALYS_EXTRA_PACKAGES="chromium ${ARSANALYS_EXTRA_PACKAGES:-}" scripts/setup.sh build
set +e
build/arsanalys run samples/2024 -o "$out"
status=$?
set -e
if [ "$status" -eq 1 ]; then
  echo
  echo "(Exempelomgången innehåller de verkliga felen från 2024, så 'fel' ovan är väntade;"
  echo " resultaten är skrivna och märkta som utkast.)"
  exit 0
fi
exit "$status"
