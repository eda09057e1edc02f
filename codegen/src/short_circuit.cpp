#include "short_circuit.h"

namespace aslc::codegen {

void emitCondition(llvm::IRBuilder<>& b, llvm::Function* fn, const ir::Condition& c, llvm::BasicBlock* yes,
                   llvm::BasicBlock* no, const LeafEmitter& leaf) {
  switch (c.kind) {
    case ir::Condition::Kind::Const: b.CreateBr(c.constValue ? yes : no); return;
    case ir::Condition::Kind::Not: return emitCondition(b, fn, c.children[0], no, yes, leaf);
    case ir::Condition::Kind::Leaf: return leaf(c, yes, no);
    case ir::Condition::Kind::And:
    case ir::Condition::Kind::Or: break;
  }
  bool isAnd = c.kind == ir::Condition::Kind::And;
  for (size_t i = 0; i < c.children.size(); ++i) {
    bool last = i + 1 == c.children.size();
    auto* next = last ? nullptr : llvm::BasicBlock::Create(fn->getContext(), isAnd ? "and" : "or", fn);
    if (isAnd) emitCondition(b, fn, c.children[i], last ? yes : next, no, leaf);
    else emitCondition(b, fn, c.children[i], yes, last ? no : next, leaf);
    if (next) b.SetInsertPoint(next);
  }
  if (c.children.empty()) b.CreateBr(isAnd ? yes : no);
}

}  // namespace aslc::codegen
