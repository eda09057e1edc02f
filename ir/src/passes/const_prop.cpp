// const-prop: every instruction whose value the state-graph analysis knows
// (from a Pass Result, literal Parameters/Arguments, ResultPath writes of known
// values, known variables, JSONata and intrinsics over them) becomes a `const`.
// Only instructions that succeeded at compile time fold, so one that raises at
// run time still raises. Requires: nothing; the verifier's invariants hold after.
#include "aslc/ir/passes.h"
#include "dataflow.h"

namespace aslc::ir::passes {
namespace {

void foldState(Module& m, State& st, const StateValues& sv) {
  for (Inst& inst : st.insts) {
    if (inst.result == kNone || inst.kind == InstKind::LoadConst || !sv.slots[inst.result]) continue;
    const aslrt::Json& value = *sv.slots[inst.result];
    inst = Inst{InstKind::LoadConst, inst.result, typeOfConstant(value), kNone, kNone, m.addConstant(value)};
  }
}

}  // namespace

void constProp(Module& m) {
  ConstEval eval(m);
  for (Machine& mc : m.machines) {
    std::vector<StateFacts> facts = analyzeMachine(eval, mc);
    std::vector<StateValues> values(mc.states.size());
    for (StateId s = 0; s < mc.states.size(); ++s)
      if (facts[s].reached) values[s] = evaluateState(eval, mc.states[s], facts[s]);
    for (StateId s = 0; s < mc.states.size(); ++s)
      if (facts[s].reached) foldState(m, mc.states[s], values[s]);
  }
}

}  // namespace aslc::ir::passes
