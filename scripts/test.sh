#!/usr/bin/env bash
# Sets up a fresh Debian machine and runs the whole test suite: the unit and end-to-end tests,
# the same tests under AddressSanitizer + UndefinedBehaviorSanitizer, and a short fuzzing run.
# Usage: scripts/test.sh            (FUZZ_SECONDS=N to fuzz longer; default 90)
set -euo pipefail
cd "$(dirname "$0")/.."

export ARSANALYS_EXTRA_PACKAGES="python3-openpyxl clang libclang-rt-14-dev zip unzip chromium
  libreoffice-calc-nogui poppler-utils gnumeric hunspell hunspell-sv"
jobs=$(nproc)

echo "== Bygger och kör testerna"
scripts/setup.sh build -DARSANALYS_WERROR=ON
# SheetJS for the reader-agreement test and puppeteer-core for the self-check page's browser
# test, pinned in tests/package-lock.json (npm comes with the machine's Node.js; without it
# those tests are skipped).
if command -v npm >/dev/null && { [ ! -f tests/node_modules/xlsx/package.json ] ||
     [ ! -f tests/node_modules/puppeteer-core/package.json ] ||
     [ tests/package-lock.json -nt tests/node_modules/.package-lock.json ]; }; then
  (cd tests && npm ci --no-audit --no-fund --loglevel=error)
fi
ctest --test-dir build --output-on-failure -j "$jobs"

echo "== Bygger och kör testerna med ASan + UBSan"
CMAKE_BUILD_TYPE=RelWithDebInfo scripts/setup.sh build-asan -DARSANALYS_SANITIZE=ON
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs"

echo "== Fuzzar läsaren och vår deflate i ${FUZZ_SECONDS:-90} s"
CXX=clang++ CMAKE_BUILD_TYPE=RelWithDebInfo scripts/setup.sh build-fuzz -DARSANALYS_FUZZ=ON \
  -DARSANALYS_TESTS=OFF
scripts/fuzz.sh build-fuzz "${FUZZ_SECONDS:-90}"
