// JSONata evaluation and workflow variables (Assign) for both query languages.
#include "execution.h"

using aslrt::Json;

namespace {

// AWS: 256 KiB per variable (docs: "Passing data between states with variables").
constexpr size_t kMaxVariableBytes = 262144;

const Json* slotOrNull(aslrt_frame* f, uint32_t slot) {
  return slot == ASLRT_NO_SLOT ? nullptr : &f->slots[slot];
}

// Evaluates the assignments, all against the values the state started with.
bool evaluateAssign(aslrt_frame* f, const aslrt::AssignInfo& a, const Json& input, const Json* result,
                    const Json* errorOutput, Json* out) {
  const aslrt::Program& p = f->exec->program;
  // In JSONPath, $ in Assign is the state's result (in a Catch: the error output).
  std::optional<Json> values = a.jsonata ? f->evalJsonata(a.index, input, result, errorOutput)
                                         : f->render(p.templates[a.index], errorOutput ? *errorOutput : result ? *result : input, "Assign",
                                                   p.templateContextUse[a.index]);
  if (!values) return false;
  *out = std::move(*values);
  return true;
}

}  // namespace

int32_t aslrt_apply_assign(aslrt_frame* f, const aslrt::AssignInfo& a, const Json& input, const Json* result,
                           const Json* errorOutput) {
  Json values;
  if (!evaluateAssign(f, a, input, result, errorOutput, &values)) return ASLRT_FAILED;
  for (auto& [name, value] : values.items()) {
    // Variables outlive the state: one wrapping itself once per iteration
    // must stop where a state's output would (ops_state.cpp).
    aslrt::SizeBound extent = aslrt::sizeOf(value);
    if (extent.depth > aslrt::kMaxStateDepth)
      return f->raise("States.Runtime", "The variable '" + name + "' " + aslrt::valueNestedTooDeep() + ".");
    if (extent.bytes > kMaxVariableBytes)
      return f->raise("States.DataLimitExceeded", "The variable '" + name + "' exceeds the 256 KiB limit.");
    f->variables[name] = std::move(value);
  }
  return ASLRT_OK;
}

extern "C" {

int32_t aslrt_eval_jsonata(aslrt_frame* f, uint32_t dst, uint32_t input_slot, uint32_t result_slot, uint32_t id) {
  std::optional<Json> value = f->evalJsonata(id, f->slots[input_slot], slotOrNull(f, result_slot));
  if (!value) return ASLRT_FAILED;
  f->slots[dst] = std::move(*value);
  f->setSlotSize(dst, aslrt::SizeBound());  // a Choice rule's Output rewrites a tracked slot
  return ASLRT_OK;
}

int32_t aslrt_assign(aslrt_frame* f, uint32_t input_slot, uint32_t result_slot, uint32_t assign_id) {
  return aslrt_apply_assign(f, f->exec->program.assigns[assign_id], f->slots[input_slot], slotOrNull(f, result_slot),
                            nullptr);
}

int32_t aslrt_choice_rule_effects(aslrt_frame* f, uint32_t input_slot, uint32_t value_slot, uint32_t assign_id,
                                  uint32_t output_id) {
  const Json input = f->slots[input_slot];
  if (output_id != ASLRT_NO_SLOT && aslrt_eval_jsonata(f, value_slot, input_slot, ASLRT_NO_SLOT, output_id) != ASLRT_OK)
    return ASLRT_FAILED;
  if (assign_id == ASLRT_NO_SLOT) return ASLRT_OK;
  return aslrt_apply_assign(f, f->exec->program.assigns[assign_id], input, nullptr, nullptr);
}

}  // extern "C"
