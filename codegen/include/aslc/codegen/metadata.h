// The constant tables the runtime reads at start-up, as JSON text: embedded
// in compiled executables, and handed to the interpreter as they are.
#pragma once
#include <string>

#include "aslc/ir/module.h"

namespace aslc::codegen {

std::string buildMetadata(const ir::Module& module);

}  // namespace aslc::codegen
