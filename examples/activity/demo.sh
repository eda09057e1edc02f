#!/bin/sh
# Runs the compiled resize machine with an activity worker beside it and
# prints the execution's output.   usage: demo.sh EXE [ASLC]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
exe=$1
aslc=${2:-aslc}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$exe" --callback-socket "$dir/callback.sock" --input "$here/resize.input.json" > "$dir/output" &
pid=$!
python3 "$here/worker.py" --aslc "$aslc" --socket "$dir/callback.sock" --worker-name demo-worker
status=0
wait "$pid" || status=$?
cat "$dir/output"
exit "$status"
