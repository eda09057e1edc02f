// lld's ELF linker run inside aslc (Debian's liblld-19-dev): no driver,
// collect2 or ld.lld process to start, and libLLVM is already loaded.
#pragma once

#include <string>
#include <vector>

namespace aslc::codegen {

// False when aslc was built without liblld.
bool haveInProcessLinker();
// Runs lld with `args` (the linker's arguments, without a program name);
// on failure *diagnostics holds what lld printed.
bool linkInProcess(const std::vector<std::string>& args, std::string* diagnostics);

}  // namespace aslc::codegen
