#!/usr/bin/env bash
# Runs the HTTP example: starts server.py on an ephemeral 127.0.0.1 port,
# compiles greet.json with the port substituted in (definition and bindings),
# runs it and compares its output with greet.expected.json.
# usage: examples/http/run.sh [path/to/aslc]   (default: build/aslc)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
aslc="$(realpath "${1:-$here/../../build/aslc}")"
tmp="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

python3 "$here/server.py" > "$tmp/port" &
server=$!
for _ in $(seq 50); do [ -s "$tmp/port" ] && break; sleep 0.1; done
port="$(awk '$1 == "PORT" {print $2}' "$tmp/port")"
[ -n "$port" ] || { echo "run.sh: the server did not start" >&2; exit 1; }

sed "s/\${PORT}/$port/" "$here/greet.bindings.json" > "$tmp/bindings.json"
"$aslc" build "$here/greet.json" --sub "API=http://127.0.0.1:$port" --bindings "$tmp/bindings.json" -o "$tmp/greet"
"$tmp/greet" --input "$here/greet.input.json" > "$tmp/out.json"
if diff <(python3 -m json.tool --sort-keys "$tmp/out.json") <(python3 -m json.tool --sort-keys "$here/greet.expected.json"); then
  echo "examples/http: output as expected: $(cat "$tmp/out.json")"
else
  echo "examples/http: output differs from greet.expected.json (above)" >&2
  exit 1
fi
