// Walks one machine's states exactly as codegen/src/lower_machine.cpp lays
// out its blocks: `enter` (aslrt_enter_state), `body` (the instructions, then
// the terminator) and `error` (aslrt_on_error: retry the body, go to the
// catcher's state, or fail the machine). Keep the two in step: a change to the
// control flow codegen emits belongs here too; instructions are shared through
// aslc/ir/inst_ops.def and need no change here.
#include <cstdio>
#include <cstdlib>

#include "aslc/interp/interpreter.h"
#include "aslrt/abi.h"

namespace aslc::interp {
namespace {

// Where a state's body leads.
struct Step {
  enum Kind : uint8_t { Next, Error, Done } kind;
  uint32_t value = 0;  // Next: the state to enter; Done: the machine's status
};

// An instruction kind this interpreter does not know (one added to the IR
// without an inst_ops.def entry): a compiler bug, reported loudly, never skipped.
[[noreturn]] void unknownInstruction(const ir::Inst& inst) {
  std::fprintf(stderr, "aslc: internal error: the interpreter has no op for IR instruction '%s'\n",
               ir::instMnemonic(inst.kind));
  std::fflush(stderr);
  std::_Exit(4);
}

int32_t instruction(const ir::Inst& inst, aslrt_frame* f) {
  switch (inst.kind) {
#define ARG(field) , inst.field
#define INST_OP(Name, function, args) \
  case ir::InstKind::Name:            \
    return function(f args);
#include "aslc/ir/inst_ops.def"
#undef ARG
  }
  unknownInstruction(inst);
}

// 1 when the condition holds, 0 when not, -1 on an error; And/Or short-circuit
// in rule order as the branches codegen emits do.
int32_t holds(const ir::Condition& c, uint32_t test, aslrt_frame* f) {
  switch (c.kind) {
    case ir::Condition::Kind::Const: return c.constValue ? 1 : 0;
    case ir::Condition::Kind::Not: {
      int32_t r = holds(c.children[0], test, f);
      return r < 0 ? r : 1 - r;
    }
    case ir::Condition::Kind::Leaf: {
      int32_t r = aslrt_choice_test(f, test, c.leaf);
      return r == 0 || r == 1 ? r : -1;
    }
    case ir::Condition::Kind::And:
      for (const ir::Condition& child : c.children)
        if (int32_t r = holds(child, test, f); r != 1) return r;
      return 1;
    case ir::Condition::Kind::Or:
      for (const ir::Condition& child : c.children)
        if (int32_t r = holds(child, test, f); r != 0) return r;
      return 0;
  }
  return -1;
}

Step transition(uint32_t id, uint32_t value, uint32_t target, aslrt_frame* f) {
  if (aslrt_exit_state(f, id, value) != ASLRT_OK) return {Step::Error};
  return {Step::Next, target};
}

Step choice(uint32_t id, const ir::Terminator& t, aslrt_frame* f) {
  for (const ir::ChoiceBranch& branch : t.branches) {
    int32_t r = holds(branch.condition, t.test, f);
    if (r < 0) return {Step::Error};
    if (r == 0) continue;
    if ((branch.assign != ir::kNone || branch.output != ir::kNone) &&
        aslrt_choice_rule_effects(f, t.test, t.value, branch.assign, branch.output) != ASLRT_OK)
      return {Step::Error};
    return transition(id, t.value, branch.target, f);
  }
  if (t.defaultTarget != ir::kNone) return transition(id, t.value, t.defaultTarget, f);
  aslrt_no_choice_matched(f, id);
  return {Step::Error};
}

Step terminator(uint32_t id, const ir::Terminator& t, aslrt_frame* f) {
  switch (t.kind) {
    case ir::TermKind::Goto: return transition(id, t.value, t.target, f);
    case ir::TermKind::Succeed:
      if (aslrt_exit_state(f, id, t.value) != ASLRT_OK) return {Step::Error};
      return {Step::Done, static_cast<uint32_t>(aslrt_succeed(f, t.value))};
    case ir::TermKind::Fail:
      aslrt_fail(f, t.value, t.fail);
      return {Step::Done, ASLRT_FAILED};
    case ir::TermKind::Choice: return choice(id, t, f);
  }
  std::fprintf(stderr, "aslc: internal error: the interpreter has no rule for terminator '%s'\n",
               ir::termMnemonic(t.kind));
  std::fflush(stderr);
  std::_Exit(4);
}

Step body(uint32_t id, const ir::State& st, aslrt_frame* f) {
  for (const ir::Inst& inst : st.insts)
    if (instruction(inst, f) != ASLRT_OK) return {Step::Error};
  return terminator(id, st.term, f);
}

bool hasOp(ir::InstKind kind) {
  switch (kind) {
#define INST_OP(Name, function, args) \
  case ir::InstKind::Name:            \
    return true;
#include "aslc/ir/inst_ops.def"
  }
  return false;
}

}  // namespace

const char* firstUnknownInstruction(const ir::Module& module) {
  for (const ir::Machine& machine : module.machines)
    for (const ir::State& st : machine.states)
      for (const ir::Inst& inst : st.insts)
        if (!hasOp(inst.kind)) return ir::instMnemonic(inst.kind);
  return nullptr;
}

int32_t runMachine(const ir::Machine& machine, aslrt_frame* f) {
  uint32_t id = machine.start;
  bool enter = true;
  for (;;) {
    if (enter) aslrt_enter_state(f, id);
    const ir::State& st = machine.states[id];
    Step step = body(id, st, f);
    if (step.kind == Step::Done) return static_cast<int32_t>(step.value);
    if (step.kind == Step::Next) {
      id = step.value;
      enter = true;
      continue;
    }
    // The error block: only a state with retriers has a retry edge, as in codegen.
    int32_t decision = aslrt_on_error(f, id);
    if (decision == ASLRT_RETRY && !st.retriers.empty()) {
      enter = false;
      continue;
    }
    if (decision < 0 || static_cast<size_t>(decision) >= st.catchers.size()) return ASLRT_FAILED;
    id = st.catchers[decision].target;
    enter = true;
  }
}

}  // namespace aslc::interp
