// Slot lifetimes within a state: which operands an op may take instead of
// copying (ASLRT_MOVE, runtime/include/aslrt/abi.h). A state's body is
// straight-line code re-run from its start on a retry, so a value read for the
// last time in it is dead; the state's raw input is dead once loaded only when
// no retrier, catcher or Task field reads it again.
#pragma once
#include <cstdint>
#include <vector>

#include "aslc/ir/module.h"

namespace aslc::codegen {

struct OperandMoves {
  bool a = false, b = false;  // the instruction's value operands
  bool input = false;         // LoadInput: take the frame's raw input
};

// One entry per instruction of the state; flags only for the ops that accept
// them (LoadInput, SelectPath, RenderTemplate, ApplyResultPath).
std::vector<OperandMoves> slotMoves(const ir::State& state);

}  // namespace aslc::codegen
