// Runs a program with this process's stdin/stdout/stderr (no shell).
#pragma once
#include <string>
#include <vector>

namespace aslc::tool {
// Returns the exit status, 128+N for a signal, or -1 when it cannot start.
int runProgram(const std::vector<std::string>& argv);
std::string selfDirectory();
}
