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

// Runs `module` as a built executable would run: `metadata` is the constant
// tables codegen::buildMetadata produced for it, `args` the executable's flags
// (--input, --mock-config, ...). Returns the executable's exit status.
int runModule(const ir::Module& module, const std::string& metadata, const std::vector<std::string>& args);

}  // namespace aslc::interp
