// Lowers a promoted loop (ir::PromotedLoop) to a second, native copy of its
// states inside the machine's function: integer members live in registers,
// each state is a few compares and adds and one aslrt_loop_tick, and any
// state the copy cannot run exactly as compiled (an argument outside
// States.MathAdd's range, no rule matching, a cancellation) hands the
// object back, its changed integers written, to that state's own code.
#pragma once
#include <map>

#include "aslc/ir/module.h"
#include "runtime_abi.h"

namespace aslc::codegen {

class LoopLowering {
 public:
  // `enters`: each state's own entry block (by state id).
  LoopLowering(const ir::Machine& machine, const ir::PromotedLoop& loop, RuntimeAbi& abi, llvm::Function* fn,
               const std::vector<llvm::BasicBlock*>& enters);

  bool contains(ir::StateId state) const { return fast_.count(state) != 0; }
  // Where a state of the loop, run as compiled, goes after its exit when its
  // successor `target` is in the loop: the checks and loads that enter the
  // loop there (or, when they fail, the target's own entry).
  llvm::BasicBlock* entryAt(ir::StateId target);

 private:
  void pass(ir::StateId id, const ir::LoopState& ls);
  void choice(ir::StateId id);
  void condition(const ir::Condition& c, llvm::BasicBlock* yes, llvm::BasicBlock* no);
  llvm::Value* operand(const ir::LoopOperand& o);
  // Counts the state (loop_tick) and goes on to `target`; hands `state` back when cancelled.
  void tickThenGo(ir::StateId state, ir::StateId target);
  llvm::BasicBlock* next(ir::StateId target) { return contains(target) ? fast_[target] : exitTo(target); }
  llvm::BasicBlock* exitTo(ir::StateId state);
  llvm::BasicBlock* block(const std::string& name);

  const ir::Machine& mc_;
  const ir::PromotedLoop& loop_;
  RuntimeAbi& abi_;
  llvm::Function* fn_;
  llvm::IRBuilder<> b_;
  llvm::Value* frame_;
  const std::vector<llvm::BasicBlock*>& enters_;
  std::vector<llvm::Value*> regs_, dirty_;  // per member: its value, and whether the loop changed it
  llvm::Value* loaded_ = nullptr;           // loop_load_int's out-parameter
  std::map<ir::StateId, llvm::BasicBlock*> fast_, entries_, exits_;
  std::map<uint32_t, const ir::LoopTest*> tests_;  // by Choice leaf
};

}  // namespace aslc::codegen
