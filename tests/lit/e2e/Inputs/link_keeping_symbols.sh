#!/bin/sh
# The C++ driver without -s, for tests that look at an executable's symbols.
for a in "$@"; do shift; [ "$a" = -s ] || set -- "$@" "$a"; done
exec c++ "$@"
