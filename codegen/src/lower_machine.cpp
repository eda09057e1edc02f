// Lowers one IR machine to one LLVM function. Each state gets an `enter`
// block (records StateEntered), a `body` block (its instructions, the retry
// target) and an `error` block that asks the runtime whether to retry, catch
// (branch to the catcher's state) or fail the machine.
#include "lower_machine.h"

#include <memory>

#include "aslrt/abi.h"
#include "lower_loop.h"
#include "short_circuit.h"
#include "slot_moves.h"

namespace aslc::codegen {
namespace {

struct StateBlocks {
  llvm::BasicBlock* enter;
  llvm::BasicBlock* body;
  llvm::BasicBlock* error;
};

class MachineLowering {
 public:
  MachineLowering(const ir::Machine& mc, const std::vector<std::string>& paths, RuntimeAbi& abi, llvm::Function* fn)
      : mc_(mc), paths_(paths), abi_(abi), fn_(fn), b_(fn->getContext()), frame_(fn->getArg(0)) {}

  void run() {
    llvm::LLVMContext& ctx = fn_->getContext();
    auto* entry = llvm::BasicBlock::Create(ctx, "entry", fn_);
    for (uint32_t i = 0; i < mc_.states.size(); ++i) {
      std::string prefix = "s" + std::to_string(i);
      blocks_.push_back({llvm::BasicBlock::Create(ctx, prefix + ".enter", fn_),
                         llvm::BasicBlock::Create(ctx, prefix + ".body", fn_),
                         llvm::BasicBlock::Create(ctx, prefix + ".error", fn_)});
    }
    failed_ = llvm::BasicBlock::Create(ctx, "failed", fn_);
    b_.SetInsertPoint(failed_);
    b_.CreateRet(b_.getInt32(1));
    b_.SetInsertPoint(entry);
    b_.CreateBr(blocks_[mc_.start].enter);
    for (const StateBlocks& sb : blocks_) enters_.push_back(sb.enter);
    for (uint32_t k = 0; k < mc_.loops.size(); ++k)
      loops_.push_back(std::make_unique<LoopLowering>(mc_, k, mc_.loops[k], abi_, fn_));
    for (uint32_t i = 0; i < mc_.states.size(); ++i) state(i);
  }

 private:
  llvm::Value* u32(uint32_t v) { return b_.getInt32(v); }

  // Calls an op that returns ASLRT_OK / ASLRT_FAILED and continues on success.
  void checked(llvm::FunctionCallee callee, std::vector<llvm::Value*> args) {
    llvm::Value* status = b_.CreateCall(callee, args);
    auto* next = llvm::BasicBlock::Create(fn_->getContext(), "ok", fn_);
    b_.CreateCondBr(b_.CreateICmpEQ(status, u32(0)), next, current_->error);
    b_.SetInsertPoint(next);
  }

  void state(uint32_t id) {
    const ir::State& st = mc_.states[id];
    current_ = &blocks_[id];
    b_.SetInsertPoint(current_->enter);
    b_.CreateCall(abi_.enterState, {frame_, u32(id)});
    b_.CreateBr(current_->body);
    b_.SetInsertPoint(current_->body);
    std::vector<OperandMoves> moves = slotMoves(st, paths_);
    for (size_t i = 0; i < st.insts.size(); ++i) instruction(st.insts[i], moves[i]);
    terminator(id, st.term);
    errorBlock(id, st);
  }

  // A slot operand, flagged when the op may take its value (see slot_moves.h):
  // `result` is LoadInput's destination (take or lend the raw input), `a`/`b` sources.
  llvm::Value* arg(std::string_view field, uint32_t value, const OperandMoves& move) {
    if (field == "result" && move.lendInput) return u32(value | ASLRT_LEND);
    bool take = (field == "result" && move.input) || (field == "a" && move.a) || (field == "b" && move.b);
    return u32(take ? value | ASLRT_MOVE : value);
  }

  // Every kind calls its op from aslc/ir/inst_ops.def (shared with the interpreter).
  void instruction(const ir::Inst& inst, const OperandMoves& move) {
    switch (inst.kind) {
#define ARG(field) , arg(#field, inst.field, move)
#define INST_OP(Name, function, args) \
  case ir::InstKind::Name:            \
    return checked(abi_.instOp(ir::InstKind::Name), {frame_ args});
#include "aslc/ir/inst_ops.def"
#undef ARG
    }
  }

  void transition(uint32_t id, uint32_t value, llvm::BasicBlock* target) {
    checked(abi_.exitState, {frame_, u32(id), u32(value)});
    b_.CreateBr(target);
  }

  // A Pass of a promoted loop runs the loop's native copy from its successor.
  void gotoTransition(uint32_t id, uint32_t value, uint32_t target) {
    for (const auto& loop : loops_) {
      if (!loop->contains(id) || !loop->contains(target)) continue;
      checked(abi_.exitState, {frame_, u32(id), u32(value)});
      return loop->callFrom(b_, target, enters_);
    }
    transition(id, value, blocks_[target].enter);
  }

  void terminator(uint32_t id, const ir::Terminator& t) {
    switch (t.kind) {
      case ir::TermKind::Goto: return gotoTransition(id, t.value, t.target);
      case ir::TermKind::Succeed:
        checked(abi_.exitState, {frame_, u32(id), u32(t.value)});
        b_.CreateRet(b_.CreateCall(abi_.succeed, {frame_, u32(t.value)}));
        return;
      case ir::TermKind::Fail:
        b_.CreateCall(abi_.fail, {frame_, u32(t.value), u32(t.fail)});
        b_.CreateBr(failed_);
        return;
      case ir::TermKind::Choice: return choice(id, t);
    }
  }

  void choice(uint32_t id, const ir::Terminator& t) {
    for (const ir::ChoiceBranch& branch : t.branches) {
      auto* taken = llvm::BasicBlock::Create(fn_->getContext(), "when", fn_);
      auto* notTaken = llvm::BasicBlock::Create(fn_->getContext(), "else", fn_);
      condition(branch.condition, t.test, taken, notTaken);
      b_.SetInsertPoint(taken);
      if (branch.assign != ir::kNone || branch.output != ir::kNone)
        checked(abi_.choiceRuleEffects, {frame_, u32(t.test), u32(t.value), u32(branch.assign), u32(branch.output)});
      transition(id, t.value, blocks_[branch.target].enter);
      b_.SetInsertPoint(notTaken);
    }
    if (t.defaultTarget != ir::kNone) return transition(id, t.value, blocks_[t.defaultTarget].enter);
    b_.CreateCall(abi_.noChoiceMatched, {frame_, u32(id)});
    b_.CreateBr(current_->error);
  }

  // Short-circuit control flow, as ASL evaluates And/Or in order; a leaf asks the runtime.
  void condition(const ir::Condition& c, uint32_t test, llvm::BasicBlock* yes, llvm::BasicBlock* no) {
    emitCondition(b_, fn_, c, yes, no, [&](const ir::Condition& leaf, llvm::BasicBlock* y, llvm::BasicBlock* n) {
      llvm::Value* r = b_.CreateCall(abi_.choiceTest, {frame_, u32(test), u32(leaf.leaf)});
      llvm::SwitchInst* sw = b_.CreateSwitch(r, current_->error, 2);
      sw->addCase(b_.getInt32(1), y);
      sw->addCase(b_.getInt32(0), n);
    });
  }

  void errorBlock(uint32_t id, const ir::State& st) {
    b_.SetInsertPoint(blocks_[id].error);
    llvm::Value* decision = b_.CreateCall(abi_.onError, {frame_, u32(id)});
    llvm::SwitchInst* sw = b_.CreateSwitch(decision, failed_, st.catchers.size() + 1);
    if (!st.retriers.empty()) sw->addCase(b_.getInt32(-2), blocks_[id].body);
    for (uint32_t k = 0; k < st.catchers.size(); ++k) sw->addCase(b_.getInt32(k), blocks_[st.catchers[k].target].enter);
  }

  const ir::Machine& mc_;
  const std::vector<std::string>& paths_;
  RuntimeAbi& abi_;
  llvm::Function* fn_;
  llvm::IRBuilder<> b_;
  llvm::Value* frame_;
  std::vector<StateBlocks> blocks_;
  std::vector<llvm::BasicBlock*> enters_;
  std::vector<std::unique_ptr<LoopLowering>> loops_;
  StateBlocks* current_ = nullptr;
  llvm::BasicBlock* failed_ = nullptr;
};

}  // namespace

void lowerMachine(const ir::Machine& machine, const std::vector<std::string>& paths, RuntimeAbi& abi,
                  llvm::Function* fn) {
  MachineLowering(machine, paths, abi, fn).run();
}

}  // namespace aslc::codegen
