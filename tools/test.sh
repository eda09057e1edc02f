#!/usr/bin/env bash
# README command 2: set up, build, and run every test: GoogleTest, lit, and the
# shared suites in ../shared (corpus, conformance compiled and interpreted,
# jsonata, history) as ratchets.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/bootstrap.sh
BUILD_DIR=${BUILD_DIR:-build}
if [ ! -d ../shared ]; then
  echo "warning: ../shared not found; the shared suites will fail" >&2
fi
cd "$BUILD_DIR"
# -V shows each suite's counts; the per-test RUN/OK lines of GoogleTest are left out.
set +e
ctest -V --timeout 1500 2>&1 | grep -vE '^[0-9]+: \[ +(RUN|OK) +\]|^(UpdateCTestConfiguration|Constructing|Checking test dependency|Parse Config)'
status=${PIPESTATUS[0]}
exit "$status"
