// Lowers a promoted loop (ir::PromotedLoop) to a function of its own, a
// native copy of its states: integer members live in registers, each state
// is a few compares and adds and one aslrt_loop_tick, and any state the copy
// cannot run exactly as compiled (an argument outside States.MathAdd's range,
// no rule matching, a cancellation, a successor outside the loop) ends it,
// the changed integers written back, returning that state's id: the
// machine's function continues there with the state's own code. (A function
// of its own keeps the loop's registers out of the machine's function, whose
// size LLVM's loop passes are sensitive to.)
#pragma once
#include <map>

#include "aslc/ir/module.h"
#include "runtime_abi.h"

namespace aslc::codegen {

class LoopLowering {
 public:
  // `index`: the loop's number in its machine (names the function).
  LoopLowering(const ir::Machine& machine, uint32_t index, const ir::PromotedLoop& loop, RuntimeAbi& abi,
               llvm::Function* machineFn);

  bool contains(ir::StateId state) const { return fast_.count(state) != 0; }
  // Emits, at `b`'s insertion point in the machine's function, the call that
  // runs the loop from `target` (a successor of one of its Pass states, just
  // exited as compiled) and the branch to the state it returns, by `enters`
  // (each state's own entry block).
  void callFrom(llvm::IRBuilder<>& b, ir::StateId target, const std::vector<llvm::BasicBlock*>& enters);

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
  void emitEntry();

  const ir::Machine& mc_;
  const ir::PromotedLoop& loop_;
  RuntimeAbi& abi_;
  llvm::Function* fn_;  // i32 (ptr frame, i32 state): the state to continue at
  llvm::IRBuilder<> b_;
  llvm::Value* frame_;
  std::vector<llvm::Value*> regs_, dirty_;  // per member: its value, and whether the loop changed it
  llvm::Value* loaded_ = nullptr;           // loop_load_int's out-parameter
  std::map<ir::StateId, llvm::BasicBlock*> fast_, exits_;
  std::map<uint32_t, const ir::LoopTest*> tests_;  // by Choice leaf
};

}  // namespace aslc::codegen
