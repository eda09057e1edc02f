#!/usr/bin/env bash
# README command 1: set up, build, compile the demo workflow and run it.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/bootstrap.sh
echo "== aslc build examples/hello.json -o build/hello"
build/aslc build examples/hello.json -o build/hello
echo "== build/hello --input examples/hello.input.json"
build/hello --input examples/hello.input.json
