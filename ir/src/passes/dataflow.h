// Constant propagation over a machine's state graph (sparse conditional: an
// edge a folded Choice rule can never take carries nothing). Each state's
// entry fact is what every way into it agrees on: its input and the workflow
// variables, each known or unknown. Requires: a verified module.
#pragma once
#include <vector>

#include "const_eval.h"

namespace aslc::ir::passes {

struct StateFacts {
  bool reached = false;  // false: no feasible path enters the state
  Value input;
  Env env;
};

// What a state computes from its entry facts.
struct StateValues {
  std::vector<Value> slots;  // indexed by ValueId
  Env envAfter;              // variables after the state's instructions
};

StateValues evaluateState(ConstEval& eval, const State& st, const StateFacts& entry);

// true/false when a Choice condition is known (and evaluating it cannot raise), else nullopt.
std::optional<bool> evaluateCondition(ConstEval& eval, const Condition& c, const Value& test, const Env& env);

// Entry facts for every state of `mc` (machine entry: input and variables unknown).
std::vector<StateFacts> analyzeMachine(ConstEval& eval, const Machine& mc);

}  // namespace aslc::ir::passes
