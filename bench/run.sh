#!/usr/bin/env bash
# Runs ../shared/bench against the compiled executables, aslc's interpreter mode
# (aslc run --interpret) and the peer interpreter (aws-local-stepfunctions,
# installed from npm as pinned in ../shared/bench/peers), side by side in one
# run (bench/bench.py). Extra arguments go to run.py (e.g. --only hello --quick).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
shared=${SHARED:-$root/../shared}
build=${BUILD_DIR:-$root/build}
peers=${ASL_PEERS_DIR:-/tmp/peers}
if [ ! -d "$peers/node_modules" ]; then
  mkdir -p "$peers" && cp "$shared"/bench/peers/package*.json "$peers"/
  (cd "$peers" && npm ci --no-audit --no-fund --silent)
fi
# A release build, as docs/BINDINGS.md advises for handlers (-DNDEBUG: the runtime
# shares the handler's copies of nlohmann's functions).
c++ -O2 -DNDEBUG -std=c++17 -c "$here/handlers.cpp" -I"$root/runtime/include" -o "$build/bench-handlers.o"
export ASL_PEERS_DIR="$peers"
python3 "$here/bench.py" --shared "$shared" --aslc "$build/aslc" \
  --build-args "--bindings $here/bindings.json --link $build/bench-handlers.o" "$@"
