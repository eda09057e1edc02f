#include "slot_moves.h"

#include <set>

namespace aslc::codegen {
namespace {

// State types whose ops never read the frame's raw input after LoadInput
// (Task reads TimeoutSecondsPath from it). Map and Parallel read only their
// slots: a Map over a large input would otherwise copy it whole, then free
// the copy when the state exits.
bool inputDiesAtLoad(const ir::State& st) {
  if (!st.retriers.empty() || !st.catchers.empty()) return false;
  const std::string& t = st.aslType;
  if (t != "Pass" && t != "Choice" && t != "Succeed" && t != "Fail" && t != "Wait" && t != "Map" && t != "Parallel")
    return false;
  int loads = 0;
  for (const ir::Inst& inst : st.insts) loads += inst.kind == ir::InstKind::LoadInput;
  return loads == 1;
}

}  // namespace

std::vector<OperandMoves> slotMoves(const ir::State& st) {
  std::vector<OperandMoves> moves(st.insts.size());
  std::set<ir::ValueId> live = {st.term.value, st.term.test};  // the terminator reads both
  for (size_t i = st.insts.size(); i-- > 0;) {
    const ir::Inst& inst = st.insts[i];
    bool takesA = inst.kind == ir::InstKind::SelectPath || inst.kind == ir::InstKind::SelectDirect ||
                  inst.kind == ir::InstKind::ApplyResultPath || inst.kind == ir::InstKind::RenderTemplate;
    bool takesB = inst.kind == ir::InstKind::ApplyResultPath;
    // An operand read twice by one op is never taken.
    moves[i].a = takesA && inst.a != ir::kNone && inst.a != inst.b && !live.count(inst.a);
    moves[i].b = takesB && inst.b != ir::kNone && inst.a != inst.b && !live.count(inst.b);
    moves[i].input = inst.kind == ir::InstKind::LoadInput && inputDiesAtLoad(st);
    live.insert(inst.a);
    live.insert(inst.b);
  }
  return moves;
}

}  // namespace aslc::codegen
