// The last line of defence in executables: an exception that escapes the
// runtime (a bug: every operation reports errors as ASL failures) ends the
// process as a failed execution with a States.Runtime "internal error"
// saying what was thrown, instead of std::terminate's abort and core dump.
#pragma once

namespace aslrt {

// Installs it as the std::terminate handler (runExecutable does, first thing).
void reportUncaughtExceptionsAsFailures();

// The handler itself: prints {"Error": "States.Runtime", "Cause": ...} on
// stdout and the same on stderr, and exits with status 1 (failed).
[[noreturn]] void reportUncaughtException();

}  // namespace aslrt
