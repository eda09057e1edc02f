// ASL's Choice condition trees (And/Or/Not over leaves) as short-circuit
// control flow, evaluated in rule order as ASL does; shared by a machine's
// states and a promoted loop's native copy, which differ only in how a leaf
// is tested.
#pragma once
#include <functional>

#include <llvm/IR/IRBuilder.h>

#include "aslc/ir/module.h"

namespace aslc::codegen {

// Emits a leaf's test at the builder's insertion point, branching to yes or no.
using LeafEmitter = std::function<void(const ir::Condition& leaf, llvm::BasicBlock* yes, llvm::BasicBlock* no)>;

void emitCondition(llvm::IRBuilder<>& b, llvm::Function* fn, const ir::Condition& c, llvm::BasicBlock* yes,
                   llvm::BasicBlock* no, const LeafEmitter& leaf);

}  // namespace aslc::codegen
