// See lower_loop.h. The copy is exact because every difference from the
// states' own code is a guard: the runtime admits the loop only without
// history, event quota or payload-quota risk (aslrt_loop_enter), a member is
// held only while it is an integer (aslrt_loop_load_int), States.MathAdd runs
// only on arguments in Java's int range (where its result is their sum, as
// quickMathAdd computes it) and a Choice only compares integers (exactly, as
// compareNumbers does). Anything else is the states' own code's to do.
#include "lower_loop.h"

#include "short_circuit.h"

namespace aslc::codegen {

LoopLowering::LoopLowering(const ir::Machine& machine, uint32_t index, const ir::PromotedLoop& loop,
                           RuntimeAbi& abi, llvm::Function* machineFn)
    : mc_(machine), loop_(loop), abi_(abi), b_(machineFn->getContext()) {
  auto* type = llvm::FunctionType::get(abi.i32, {abi.ptr, abi.i32}, false);
  fn_ = llvm::Function::Create(type, llvm::GlobalValue::InternalLinkage,
                               machineFn->getName() + "_loop_" + std::to_string(index), machineFn->getParent());
  fn_->setDoesNotThrow();
  fn_->addFnAttr(llvm::Attribute::NoInline);  // called once per entry: inlined it only grows the machine
  frame_ = fn_->getArg(0);
  frame_->setName("frame");
  fn_->getArg(1)->setName("state");
  b_.SetInsertPoint(block("entry"));
  // Registers as allocas in the entry block, which LLVM's mem2reg promotes.
  for (size_t k = 0; k < loop.members.size(); ++k) {
    regs_.push_back(b_.CreateAlloca(abi.i64, nullptr, loop.members[k]));
    dirty_.push_back(b_.CreateAlloca(b_.getInt1Ty(), nullptr, loop.members[k] + ".changed"));
  }
  loaded_ = b_.CreateAlloca(abi.i64, nullptr, "loaded");
  for (const ir::LoopTest& t : loop.tests) tests_[t.leaf] = &t;
  for (const ir::LoopState& ls : loop.states) fast_[ls.state] = block("loop." + mc_.states[ls.state].name);
  emitEntry();
  for (const ir::LoopState& ls : loop.states) {
    b_.SetInsertPoint(fast_[ls.state]);
    if (mc_.states[ls.state].term.kind == ir::TermKind::Choice) choice(ls.state);
    else pass(ls.state, ls);
  }
}

llvm::BasicBlock* LoopLowering::block(const std::string& name) {
  return llvm::BasicBlock::Create(fn_->getContext(), name, fn_);
}

// Admission and loads; a refusal returns the state asked for, which then runs as compiled.
void LoopLowering::emitEntry() {
  llvm::Value* state = fn_->getArg(1);
  llvm::BasicBlock* refused = block("refused");
  {
    llvm::IRBuilderBase::InsertPointGuard keep(b_);
    b_.SetInsertPoint(refused);
    b_.CreateRet(state);
  }
  auto proceedIf = [&](llvm::Value* ok, const std::string& name) {
    llvm::BasicBlock* next = block(name);
    b_.CreateCondBr(b_.CreateICmpNE(ok, b_.getInt32(0)), next, refused);
    b_.SetInsertPoint(next);
  };
  for (llvm::Value* d : dirty_) b_.CreateStore(b_.getFalse(), d);
  proceedIf(b_.CreateCall(abi_.loopEnter, {frame_, b_.getInt32(loop_.members.size())}), "admitted");
  for (size_t k = 0; k < loop_.members.size(); ++k) {
    proceedIf(b_.CreateCall(abi_.loopLoadInt, {frame_, b_.getInt32(loop_.memberKeys[k]), loaded_}),
              "loaded." + loop_.members[k]);
    b_.CreateStore(b_.CreateLoad(abi_.i64, loaded_), regs_[k]);
  }
  llvm::SwitchInst* sw = b_.CreateSwitch(state, refused, fast_.size());
  for (const auto& [id, fast] : fast_) sw->addCase(b_.getInt32(id), fast);
}

void LoopLowering::callFrom(llvm::IRBuilder<>& b, ir::StateId target, const std::vector<llvm::BasicBlock*>& enters) {
  llvm::Value* next = b.CreateCall(fn_, {b.GetInsertBlock()->getParent()->getArg(0), b.getInt32(target)});
  llvm::SwitchInst* sw = b.CreateSwitch(next, enters[target], exits_.size());
  for (const auto& [id, exit] : exits_)
    if (id != target) sw->addCase(b.getInt32(id), enters[id]);
}

llvm::Value* LoopLowering::operand(const ir::LoopOperand& o) {
  if (o.member == ir::kNone) return b_.getInt64(o.literal);
  return b_.CreateLoad(abi_.i64, regs_[o.member]);
}

void LoopLowering::pass(ir::StateId id, const ir::LoopState& ls) {
  // Every sum from the values the state started with, as the template renders.
  std::vector<llvm::Value*> sums;
  for (const ir::LoopAdd& add : ls.adds) {
    llvm::Value* a = operand(add.a);
    llvm::Value* b = operand(add.b);
    for (const auto& [o, v] : {std::pair{add.a, a}, std::pair{add.b, b}}) {
      if (o.member == ir::kNone) continue;  // literals are in range (promote_loops.cpp)
      llvm::Value* inRange = b_.CreateAnd(b_.CreateICmpSGE(v, b_.getInt64(INT32_MIN)),
                                          b_.CreateICmpSLE(v, b_.getInt64(INT32_MAX)));
      llvm::BasicBlock* ok = block("inrange");
      b_.CreateCondBr(inRange, ok, exitTo(id));
      b_.SetInsertPoint(ok);
    }
    sums.push_back(b_.CreateAdd(a, b));  // two ints: no overflow in 64 bits
  }
  llvm::Value* cancelled = b_.CreateCall(abi_.loopTick, {frame_});
  llvm::BasicBlock* commit = block("commit");
  b_.CreateCondBr(b_.CreateICmpNE(cancelled, b_.getInt32(0)), exitTo(id), commit);
  b_.SetInsertPoint(commit);
  for (size_t i = 0; i < ls.adds.size(); ++i) {
    b_.CreateStore(sums[i], regs_[ls.adds[i].member]);
    b_.CreateStore(b_.getTrue(), dirty_[ls.adds[i].member]);
  }
  b_.CreateBr(next(mc_.states[id].term.target));
}

void LoopLowering::choice(ir::StateId id) {
  const ir::Terminator& t = mc_.states[id].term;
  for (const ir::ChoiceBranch& branch : t.branches) {
    llvm::BasicBlock* taken = block("when");
    llvm::BasicBlock* notTaken = block("else");
    condition(branch.condition, taken, notTaken);
    b_.SetInsertPoint(taken);
    tickThenGo(id, branch.target);
    b_.SetInsertPoint(notTaken);
  }
  if (t.defaultTarget != ir::kNone) return tickThenGo(id, t.defaultTarget);
  b_.CreateBr(exitTo(id));  // no rule matched: the state's own code raises States.NoChoiceMatched
}

void LoopLowering::tickThenGo(ir::StateId state, ir::StateId target) {
  llvm::Value* cancelled = b_.CreateCall(abi_.loopTick, {frame_});
  b_.CreateCondBr(b_.CreateICmpNE(cancelled, b_.getInt32(0)), exitTo(state), next(target));
}

// Short-circuit, in rule order, as the compiled Choice evaluates; a leaf compares registers.
void LoopLowering::condition(const ir::Condition& c, llvm::BasicBlock* yes, llvm::BasicBlock* no) {
  emitCondition(b_, fn_, c, yes, no, [&](const ir::Condition& leaf, llvm::BasicBlock* y, llvm::BasicBlock* n) {
    const ir::LoopTest& t = *tests_.at(leaf.leaf);
    llvm::Value* a = operand(t.a);
    llvm::Value* b = operand(t.b);
    llvm::Value* holds = t.op == "NumericEquals"           ? b_.CreateICmpEQ(a, b)
                         : t.op == "NumericLessThan"       ? b_.CreateICmpSLT(a, b)
                         : t.op == "NumericGreaterThan"    ? b_.CreateICmpSGT(a, b)
                         : t.op == "NumericLessThanEquals" ? b_.CreateICmpSLE(a, b)
                                                           : b_.CreateICmpSGE(a, b);
    b_.CreateCondBr(holds, y, n);
  });
}

// Ends the loop at `state` (its own code runs next), with the integers the loop changed.
llvm::BasicBlock* LoopLowering::exitTo(ir::StateId state) {
  llvm::BasicBlock*& exit = exits_[state];
  if (exit) return exit;
  exit = block("exit." + mc_.states[state].name);
  llvm::IRBuilderBase::InsertPointGuard keep(b_);
  b_.SetInsertPoint(exit);
  for (size_t k = 0; k < loop_.members.size(); ++k) {
    llvm::BasicBlock* store = block("store." + loop_.members[k]);
    llvm::BasicBlock* after = block("stored." + loop_.members[k]);
    b_.CreateCondBr(b_.CreateLoad(b_.getInt1Ty(), dirty_[k]), store, after);
    b_.SetInsertPoint(store);
    b_.CreateCall(abi_.loopStoreInt,
                  {frame_, b_.getInt32(loop_.memberKeys[k]), b_.CreateLoad(abi_.i64, regs_[k])});
    b_.CreateBr(after);
    b_.SetInsertPoint(after);
  }
  b_.CreateRet(b_.getInt32(state));
  return exit;
}

}  // namespace aslc::codegen
