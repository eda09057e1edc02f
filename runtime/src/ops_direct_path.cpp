// The direct-access form of a JSONPath selection: a path of plain members and
// indexes ("$.a.b[0]") that the compiler decoded (ir/src/passes/direct_paths.cpp)
// is walked step by step, without the general evaluator. When a step does not
// match (a missing member, an index out of range, a value of another type) the
// general evaluator runs on the same path, so the result or the States.Runtime
// error and its cause are exactly those of aslrt_select_path.
#include "execution.h"

using aslrt::Json;

namespace {

// The value at `steps` below `root`, or nullptr when a step does not match.
Json* walk(Json& root, const std::vector<aslrt::DirectPathInfo::Step>& steps) {
  Json* at = &root;
  for (const aslrt::DirectPathInfo::Step& step : steps) {
    if (step.isIndex) {
      if (!at->is_array() || step.index >= at->size()) return nullptr;
      at = &(*at)[step.index];
      continue;
    }
    if (!at->is_object()) return nullptr;
    auto it = at->find(step.key);
    if (it == at->end()) return nullptr;
    at = &*it;
  }
  return at;
}

}  // namespace

// src_operand may carry ASLRT_MOVE (the source is dead after this op): the
// selected node is then taken out of it instead of copied.
extern "C" int32_t aslrt_select_direct(aslrt_frame* f, uint32_t dst, uint32_t src_operand, uint32_t direct_id) {
  const aslrt::DirectPathInfo& d = f->exec->program.directPaths[direct_id];
  uint32_t src = src_operand & ~ASLRT_MOVE;
  Json* found = walk(f->slots[src], d.steps);
  if (!found) return aslrt_select_path(f, dst, src_operand, d.path);
  // A member of the source: its serialisation is part of the source's.
  aslrt::SizeBound whole = f->knownSlotSize(src);
  // Taken or copied before assigning: dst may be src, and `found` points into it.
  Json value = (src_operand & ASLRT_MOVE) ? std::move(*found) : *found;
  f->slots[dst] = std::move(value);
  f->setSlotSize(dst, whole.known() ? aslrt::SizeBound::atMost(whole.bytes, aslrt::selectedDepth(whole.depth, d.steps.size()))
                                    : aslrt::SizeBound());
  return ASLRT_OK;
}
