// Declarations of the runtime's C ABI (runtime/include/aslrt/abi.h) in LLVM
// terms; the one place codegen names runtime symbols.
#pragma once
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/Module.h>

namespace aslc::codegen {

struct RuntimeAbi {
  explicit RuntimeAbi(llvm::Module& module);

  llvm::FunctionCallee enterState, exitState, succeed, fail, onError, unsupported;
  llvm::FunctionCallee loadInput, loadConst, selectPath, renderTemplate, applyResultPath;
  llvm::FunctionCallee wait, choiceTest, noChoiceMatched, invokeTask, runParallel, runMap;
  llvm::FunctionCallee evalJsonata, assign, choiceRuleEffects;

  llvm::Type* i32;
  llvm::PointerType* ptr;
};

}  // namespace aslc::codegen
