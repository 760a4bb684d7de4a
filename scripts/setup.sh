#!/usr/bin/env bash
# Sets up a fresh Debian machine for arsanalys and builds it: installs the Debian packages that
# are missing (apt-get, as root or through sudo), configures with CMake and builds.
# Usage: scripts/setup.sh [BUILD_DIR] [extra CMake arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${1:-build}
shift || true

# Build and runtime dependencies; test tools (openpyxl, LibreOffice, Chromium, clang) are added
# by scripts/test.sh through ARSANALYS_EXTRA_PACKAGES.
packages=(build-essential cmake ninja-build pkg-config libfmt-dev librange-v3-dev catch2
  libzip-dev libxlsxwriter-dev libcli11-dev libtomlplusplus-dev
  nlohmann-json3-dev libdeflate-dev zlib1g-dev libcpp-httplib-dev ${ARSANALYS_EXTRA_PACKAGES:-})

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installerar Debian-paket som saknas: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}"
fi

cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE:-Release} "$@" >/dev/null
cmake --build "$build_dir" --parallel "$(nproc)"
