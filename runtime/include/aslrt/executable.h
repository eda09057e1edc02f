// Hosting a program in a process: what main() of a compiled executable does
// (flags, input, bindings, executions, output, exit status), callable with any
// aslrt_program -- the compiled one, or one whose machine entries are aslc's
// reference interpreter (`aslc run --interpret`), so both modes accept the
// same flags and report alike.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "aslrt/abi.h"

namespace aslrt {

struct HostOptions {
  // Non-empty: native task handlers cannot be called in this host (the
  // interpreter runs inside aslc, which links none); a binding naming one is
  // a start-up error that says this.
  std::string nativeHandlersUnavailable;
  // State machines for `stateMachine` bindings (by absolute definition path)
  // that are not in the executable's "aslrt_machines" section.
  std::vector<std::pair<std::string, const aslrt_program*>> nestedMachines;
};

// argv[0] is the program name; returns the process exit status.
int runExecutable(const aslrt_program& program, int argc, char** argv, const HostOptions& host = {});

// Which of the program's machines (index into aslrt_program::machines) the
// frame runs: lets one entry function serve every machine.
uint32_t frameMachine(const aslrt_frame* frame);
// The program descriptor the frame's execution runs (a nested machine's own).
const aslrt_program* frameProgram(const aslrt_frame* frame);

}  // namespace aslrt
