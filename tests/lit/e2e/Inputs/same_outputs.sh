#!/bin/sh
# same_outputs.sh EXE REF INPUT...: both executables print the same output and
# exit with the same status for every input file; prints each output once.
exe=$1 ref=$2
shift 2
for input in "$@"; do
  a=$("$exe" --input "$input" 2>&1; echo "exit $?")
  b=$("$ref" --input "$input" 2>&1; echo "exit $?")
  if [ "$a" != "$b" ]; then
    printf 'differ on %s:\n%s\n%s\n' "$input" "$a" "$b"
    exit 1
  fi
  printf '%s\n' "$a"
done
