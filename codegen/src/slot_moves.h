// Slot lifetimes within a state: which operands an op may take instead of
// copying (ASLRT_MOVE, runtime/include/aslrt/abi.h). A state's body is
// straight-line code re-run from its start on a retry, so a value read for the
// last time in it is dead; the state's raw input is dead once loaded when no
// retrier or catcher may read it again. Otherwise it is lent (ASLRT_LEND):
// moved into its slot and given back on an error, so nothing may change it
// there but one in-place ResultPath write through a one-member path, which
// the runtime can undo.
#pragma once
#include <cstdint>
#include <vector>

#include "aslc/ir/module.h"

namespace aslc::codegen {

struct OperandMoves {
  bool a = false, b = false;  // the instruction's value operands
  bool input = false;         // LoadInput: take the frame's raw input
  bool lendInput = false;     // LoadInput: lend it (retriers and catchers get it back)
};

// One entry per instruction of the state; flags only for the ops that accept
// them (LoadInput, SelectPath, RenderTemplate, ApplyResultPath). `paths` is
// the module's path pool.
std::vector<OperandMoves> slotMoves(const ir::State& state, const std::vector<std::string>& paths);

}  // namespace aslc::codegen
