#!/usr/bin/env bash
# aslc's interpreter mode shaped like a run.py peer driver (DEF INPUT --repeat N):
# `aslc run --interpret` with --bench, so run.py times it like the other tools.
# Workloads whose Tasks need the native bench handlers are refused: interpreter
# mode runs inside aslc, which links no native handlers (docs/ARCHITECTURE.md).
set -euo pipefail
def=$1 input=$2
shift 2
if grep -q '"arn:aws:lambda:[^"]*:function:bench-fail-' "$def"; then
  echo "aslc --interpret: this workload's Tasks need the native bench handlers (bench/handlers.cpp)," \
       "which interpreter mode cannot call" >&2
  exit 3
fi
exec "${ASLC_BIN:?}" run "$def" --input "$input" --interpret --bench \
  --bindings "$(dirname "$0")/bindings.interpret.json" "$@"
