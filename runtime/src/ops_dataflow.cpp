// The data-flow ops: InputPath/OutputPath selection, payload templates and
// ResultPath, with AWS's error names and causes. Operands flagged ASLRT_MOVE
// are dead after the op, which then takes their value instead of copying it;
// each op also records a bound on its result's serialised size (see
// payload_size.h).
#include <algorithm>

#include "aslrt/json_release.h"
#include "aslrt/member_lookup.h"
#include "execution.h"

using aslrt::Json;

namespace {

uint32_t slotOf(uint32_t operand) { return operand & ~ASLRT_MOVE; }
bool movable(uint32_t operand) { return (operand & ASLRT_MOVE) != 0; }

// A selection is a substring of its source's serialisation when the path
// reads the source itself and yields one node (indefinite paths build
// arrays), and a node that many levels inside it.
aslrt::SizeBound selectedSize(aslrt_frame* f, const aslrt::JsonPath& path, uint32_t src) {
  if (path.isContextPath() || path.isVariablePath() || !path.isDefinite()) return {};
  aslrt::SizeBound whole = f->knownSlotSize(src);
  if (!whole.known()) return {};
  // A multi-name union at a path's end builds an object around its members.
  uint32_t depth = path.isPlainChain() ? aslrt::selectedDepth(whole.depth, path.steps()) : aslrt::addDepths(whole.depth, 1);
  return aslrt::SizeBound::atMost(whole.bytes, depth);
}

// Takes the selected node out of a dead source instead of copying it.
bool selectByMove(aslrt_frame* f, const aslrt::JsonPath& path, uint32_t dst, uint32_t src) {
  if (path.isContextPath() || path.isVariablePath() || !path.isDefinite()) return false;
  Json* node = path.isRoot() ? &f->slots[src] : path.find(f->slots[src]);
  if (!node) return false;
  Json taken = std::move(*node);
  aslrt::replaceWith(f->slots[dst], std::move(taken));
  return true;
}

// The output is the input with one node replaced or added: at most both
// serialisations plus the keys and punctuation the path may create.
aslrt::SizeBound resultPathSize(aslrt_frame* f, const aslrt::JsonPath& path, uint32_t input, uint32_t result) {
  aslrt::SizeBound resultSize = f->slotSize(result);
  if (path.isRoot()) return resultSize;
  auto total = [&] {
    return aslrt::addBounds(aslrt::addBounds(f->slotSize(input).bytes, resultSize.bytes), path.assignGrowthBound());
  };
  // A selection inherits its whole source's bound: when that is what pushes
  // the sum over the quota, the (usually small) result is measured instead.
  if (total() > aslrt::kMaxPayloadBytes && !resultSize.exact)
    resultSize = aslrt::sizeOf(f->slots[result]);
  // The result goes one level deeper per step of the path.
  uint32_t depth = std::max(f->slotSize(input).depth, aslrt::addDepths(resultSize.depth, path.steps()));
  return aslrt::SizeBound::atMost(total(), depth);
}

// Before ResultPath writes `member` of the lent raw input in place: what
// restoreLentInput needs to put it back. A non-object gets no write (assign
// fails and leaves it as it was).
void recordUndo(aslrt_frame* f, Json& target, const std::string* member) {
  if (!target.is_object()) return;
  Json* old = aslrt::findMember(target, *member);
  f->lent.member = member;
  f->lent.hadMember = old != nullptr;
  if (old) f->lent.oldValue = std::move(*old);
}

}  // namespace

std::optional<Json> aslrt_select(aslrt_frame* f, const aslrt::JsonPath& path, const Json& input) {
  if (path.isContextPath()) {
    Json ctx = f->contextObject();
    return path.select(ctx);
  }
  if (path.isVariablePath()) return path.select(f->variables);
  return path.select(input);
}

extern "C" {

int32_t aslrt_select_path(aslrt_frame* f, uint32_t dst, uint32_t src_operand, uint32_t path_id) {
  const aslrt::JsonPath& path = f->exec->program.paths[path_id];
  uint32_t src = slotOf(src_operand);
  aslrt::SizeBound size = selectedSize(f, path, src);
  if (movable(src_operand) && selectByMove(f, path, dst, src)) {
    f->setSlotSize(dst, size);
    return ASLRT_OK;
  }
  std::optional<Json> selected = aslrt_select(f, path, f->slots[src]);
  if (!selected) {
    std::string whyNot;
    Json context = path.isContextPath() ? f->contextObject() : Json();
    path.select(path.isContextPath() ? context : path.isVariablePath() ? f->variables : f->slots[src], &whyNot);
    return f->raise("States.Runtime", path.invalidPathCause(whyNot));
  }
  aslrt::replaceWith(f->slots[dst], std::move(*selected));
  f->setSlotSize(dst, size);
  return ASLRT_OK;
}

int32_t aslrt_render_template(aslrt_frame* f, uint32_t dst, uint32_t src_operand, uint32_t template_id) {
  uint32_t src = slotOf(src_operand);
  aslrt::SizeBound bound;
  aslrt::RenderOptions options;
  options.reuse = movable(src_operand) ? &f->slots[src] : nullptr;
  options.inputBound = f->knownSlotSize(src);
  options.outputBound = &bound;
  if (!f->renderInto(f->slots[dst], f->exec->program.templates[template_id], f->slots[src], "",
                     f->exec->program.templateContextUse[template_id], options))
    return ASLRT_FAILED;
  f->setSlotSize(dst, bound);
  return ASLRT_OK;
}

int32_t aslrt_apply_result_path(aslrt_frame* f, uint32_t dst, uint32_t input_operand, uint32_t result_operand,
                                uint32_t path_id) {
  const aslrt::JsonPath& path = f->exec->program.paths[path_id];
  uint32_t input = slotOf(input_operand), result = slotOf(result_operand);
  aslrt::SizeBound size = resultPathSize(f, path, input, result);
  // The lent raw input (ASLRT_LEND) is written in place only through a
  // one-member path, whose write can be undone if the state fails later.
  bool lent = f->lent.slot == static_cast<int64_t>(input);
  const std::string* member = lent && !f->lent.member ? path.singleMember() : nullptr;  // one undo at most
  bool takeInput = movable(input_operand) && (!lent || member);
  Json target = takeInput ? std::move(f->slots[input]) : f->slots[input];
  Json value = movable(result_operand) ? std::move(f->slots[result]) : f->slots[result];
  if (takeInput && lent) recordUndo(f, target, member);
  std::string whyNot;
  if (!path.assign(target, std::move(value), &whyNot)) {
    if (takeInput && lent) aslrt::replaceWith(f->slots[input], std::move(target));  // assign left it unchanged
    return f->raise("States.Runtime", whyNot);
  }
  aslrt::replaceWith(f->slots[dst], std::move(target));
  if (takeInput && lent) f->lent.slot = dst;
  f->setSlotSize(dst, size);
  return ASLRT_OK;
}

}  // extern "C"
