// Declarations of the runtime's C ABI (runtime/include/aslrt/abi.h) in LLVM
// terms; the one place codegen names runtime symbols.
#pragma once
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/Module.h>

#include <array>

#include "aslc/ir/module.h"

namespace aslc::codegen {

struct RuntimeAbi {
  explicit RuntimeAbi(llvm::Module& module);

  // Control ops, which the terminators and error blocks call.
  llvm::FunctionCallee enterState, exitState, succeed, fail, onError;
  llvm::FunctionCallee choiceTest, noChoiceMatched, choiceRuleEffects;
  // Promoted loops (lower_loop.h).
  llvm::FunctionCallee loopEnter, loopLoadInt, loopStoreInt, loopTick;
  // The op each instruction kind calls (aslc/ir/inst_ops.def), by InstKind.
  std::array<llvm::FunctionCallee, 256> instOps;
  llvm::FunctionCallee instOp(ir::InstKind kind) const { return instOps[static_cast<uint8_t>(kind)]; }

  llvm::Type* i32;
  llvm::Type* i64;
  llvm::PointerType* ptr;
};

}  // namespace aslc::codegen
