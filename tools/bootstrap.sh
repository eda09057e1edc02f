#!/usr/bin/env bash
# Installs what is missing (Debian 12 packages only), then configures and
# builds aslc in ./build with Ninja and ccache. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(g++ cmake ninja-build ccache python3 llvm-19-dev llvm-19-tools liblld-19-dev libboost-context-dev
          nlohmann-json3-dev libgtest-dev uuid-dev libpcre2-dev libcurl4-openssl-dev)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

BUILD_DIR=${BUILD_DIR:-build}
WERROR=${ASLC_WERROR:-OFF}
echo "== configuring $BUILD_DIR"
# ccache keyed on paths relative to the checkout, so every clone (CI's too) shares one cache.
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DASLC_WERROR="$WERROR" >/dev/null
echo "== building"
start=$(date +%s)
cmake --build "$BUILD_DIR" -j "$(nproc)"
echo "== built in $(( $(date +%s) - start )) s"
