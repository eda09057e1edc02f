#pragma once
#include "aslc/ir/module.h"
#include "runtime_abi.h"

namespace aslc::codegen {
// `paths`: the module's path pool (slot_moves.h reads ResultPath shapes).
void lowerMachine(const ir::Machine& machine, const std::vector<std::string>& paths, RuntimeAbi& abi,
                  llvm::Function* fn);
}
