#include "slot_moves.h"

#include <optional>
#include <set>

#include "aslrt/jsonpath.h"

namespace aslc::codegen {
namespace {

// State types whose ops read the frame's raw input only through its slot
// after their one LoadInput (Task's TimeoutSecondsPath reads it wherever it
// is lent). Map and Parallel read only their slots: a Map over a large input
// would otherwise copy it whole, then free the copy when the state exits.
bool readsInputOnce(const ir::State& st) {
  const std::string& t = st.aslType;
  if (t != "Pass" && t != "Choice" && t != "Succeed" && t != "Fail" && t != "Wait" && t != "Map" &&
      t != "Parallel" && t != "Task")
    return false;
  int loads = 0;
  for (const ir::Inst& inst : st.insts) loads += inst.kind == ir::InstKind::LoadInput;
  return loads == 1;
}

// Retriers and catchers start from the raw input; a Task's TimeoutSecondsPath
// and HeartbeatSecondsPath read it (where it is lent) when the task is scheduled.
bool mayNeedInputAgain(const ir::State& st) {
  return !st.retriers.empty() || !st.catchers.empty() || st.aslType == "Task";
}

// "$.name": a write the runtime can undo by putting one member back. The
// runtime's own test (JsonPath::singleMember), which apply_result_path checks again.
bool isOneMemberPath(const std::string& text) {
  aslrt::SyntaxError error;
  std::optional<aslrt::JsonPath> path = aslrt::JsonPath::parse(text, aslrt::PathFlavor::Path, &error);
  return path && path->singleMember();
}

// With the raw input lent, its slot and the ResultPath output written into
// it in place keep it: no op may take them, but one ResultPath write
// through a one-member path.
void keepLentInput(const ir::State& st, const std::vector<std::string>& paths, std::vector<OperandMoves>& moves) {
  std::set<ir::ValueId> lent;
  bool written = false;
  for (size_t i = 0; i < st.insts.size(); ++i) {
    const ir::Inst& inst = st.insts[i];
    if (inst.kind == ir::InstKind::LoadInput) lent.insert(inst.result);
    if (lent.count(inst.b)) moves[i].b = false;
    if (!lent.count(inst.a) || !moves[i].a) continue;
    bool undoable = inst.kind == ir::InstKind::ApplyResultPath && !written && inst.operand < paths.size() &&
                    isOneMemberPath(paths[inst.operand]);
    moves[i].a = undoable;
    if (undoable) {
      written = true;
      lent.insert(inst.result);
    }
  }
}

}  // namespace

std::vector<OperandMoves> slotMoves(const ir::State& st, const std::vector<std::string>& paths) {
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
    bool load = inst.kind == ir::InstKind::LoadInput && readsInputOnce(st);
    moves[i].input = load && !mayNeedInputAgain(st);
    moves[i].lendInput = load && mayNeedInputAgain(st);
    live.insert(inst.a);
    live.insert(inst.b);
  }
  if (readsInputOnce(st) && mayNeedInputAgain(st)) keepLentInput(st, paths, moves);
  return moves;
}

}  // namespace aslc::codegen
