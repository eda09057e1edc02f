// fuse: drops `input` and `const` loads whose value nothing reads (what
// const-prop leaves behind after folding a state's select/render/result_path
// chain into one constant), so a state does only the work that remains.
//
// Fusion stops at state boundaries on purpose: every state records
// StateEntered/StateExited in the history and can read its own name through
// $$.State.Name, so merging a chain of Pass states into one would change what
// an execution records. See docs/ARCHITECTURE.md, "IR passes". Requires: nothing.
#include "aslc/ir/passes.h"

namespace aslc::ir::passes {
namespace {

bool pureLoad(const Inst& inst) { return inst.kind == InstKind::LoadInput || inst.kind == InstKind::LoadConst; }

void fuseState(State& st) {
  std::vector<bool> used(st.valueCount, false);
  auto use = [&](ValueId v) {
    if (v != kNone && v < used.size()) used[v] = true;
  };
  for (const Inst& inst : st.insts) use(inst.a), use(inst.b);
  use(st.term.value);
  use(st.term.test);
  std::vector<Inst> kept;
  for (const Inst& inst : st.insts)
    if (!pureLoad(inst) || used[inst.result]) kept.push_back(inst);
  st.insts = std::move(kept);
}

}  // namespace

void fuse(Module& m) {
  for (Machine& mc : m.machines)
    for (State& st : mc.states) fuseState(st);
}

}  // namespace aslc::ir::passes
