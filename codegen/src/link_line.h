// The linker command the C++ driver would run for an executable, read from
// runtime-ld.txt (written at build time by runtime/expand_link_line.cmake),
// so lld can link inside aslc with exactly the driver's crt files, library
// paths and system libraries.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace aslc::codegen {

// Splits one command printed by `c++ -###` into its arguments: they are
// separated by spaces; one with other characters is in double quotes, with
// '"', '\' and '$' escaped by a backslash (gcc and clang alike).
std::vector<std::string> splitDriverCommand(std::string_view command);

// The linker's arguments (without its program name) for `mode` ("no-pie",
// "pie" or "static"), placeholders filled in: ASLC_OUTPUT -> exePath,
// ASLC_INPUTS -> inputs, ASLC_RUNTIME/ -> runtimeDir/. The compiler
// driver's own options (the LTO plugin, -fuse-ld) are left out. Empty when
// runtime-ld.txt or its line for `mode` is missing.
std::vector<std::string> driverLinkerArguments(const std::string& runtimeDir, std::string_view mode,
                                               const std::string& exePath,
                                               const std::vector<std::string>& inputs);

}  // namespace aslc::codegen
