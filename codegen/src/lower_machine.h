#pragma once
#include "aslc/ir/module.h"
#include "runtime_abi.h"

namespace aslc::codegen {
void lowerMachine(const ir::Machine& machine, RuntimeAbi& abi, llvm::Function* fn);
}
