// The reference interpreter (`aslc run --interpret`): runs a module's IR
// in-process through the runtime's C ABI, the very ops compiled code calls,
// so it is both the baseline compiled output is measured against and a
// differential oracle for codegen (docs/ARCHITECTURE.md, "Interpreter").
#pragma once
#include <string>
#include <vector>

#include "aslc/ir/module.h"

struct aslrt_frame;

namespace aslc::interp {

// Runs one machine of `module` on `frame` from its StartAt, as the function
// codegen emits for it would: ASLRT_OK with the output in the frame, or
// ASLRT_FAILED with the error in it.
int32_t runMachine(const ir::Machine& machine, aslrt_frame* frame);

// The mnemonic of the first instruction whose kind the interpreter has no op
// for (an IR kind added without an inst_ops.def entry), or nullptr.
const char* firstUnknownInstruction(const ir::Module& module);

// A module to run and the constant tables codegen::buildMetadata produced for
// it; a nested one (a `stateMachine` binding's target) names its definition.
struct HostedModule {
  const ir::Module* module = nullptr;
  std::string metadata;
  std::string nestedDefinition;  // absolute path; "" for the top level
};

// Runs modules[0] as a built executable would run, the others being the
// state machines its bindings start; `args` are the executable's flags
// (--input, --mock-config, ...). Returns the executable's exit status.
int runModules(const std::vector<HostedModule>& modules, const std::vector<std::string>& args);

}  // namespace aslc::interp
