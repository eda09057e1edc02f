// The runtime's side of promoted loops (ir/src/passes/promote_loops.cpp,
// codegen/src/lower_loop.cpp). Between these calls generated code runs the
// loop's states on native integers; the object they stand for stays in the
// frame's input, its integer members written back when the loop hands over
// to the states' own code.

#include "aslrt/json_release.h"
#include "aslrt/member_lookup.h"
#include "execution.h"

using aslrt::Json;

namespace {

const std::string& keyOf(aslrt_frame* f, uint32_t key_const) {
  return f->exec->program.constants[key_const].get_ref<const std::string&>();
}

}  // namespace

extern "C" {

int32_t aslrt_loop_enter(aslrt_frame* f, uint32_t int_members) {
  aslrt::Execution& exec = *f->exec;
  // The history's events and the quota's count need each state's own exit.
  if (exec.keepsHistory() || exec.maxEvents != 0 || !f->input.is_object()) return 0;
  // exit_state checks every state's output against the payload quota; the
  // loop changes only its integers, each printed in at most 20 characters,
  // so with this much room no state it runs could exceed the quota.
  aslrt::SizeBound now = f->handoffSize.known() ? f->handoffSize : aslrt::sizeOf(f->input);
  uint64_t bound = aslrt::addBounds(now.bytes, 20 * static_cast<uint64_t>(int_members));
  if (bound > aslrt::kMaxPayloadBytes || now.depth > aslrt::kMaxStateDepth) return 0;
  f->handoffSize = aslrt::SizeBound::atMost(bound, now.depth);  // integers nest nothing
  return 1;
}

int32_t aslrt_loop_load_int(aslrt_frame* f, uint32_t key_const, int64_t* out) {
  const Json* v = aslrt::findMember(f->input, keyOf(f, key_const));
  std::optional<int64_t> value = v ? aslrt::exactInt64(*v) : std::nullopt;
  if (!value) return 0;
  *out = *value;
  return 1;
}

void aslrt_loop_store_int(aslrt_frame* f, uint32_t key_const, int64_t value) {
  // A signed integer, as States.MathAdd's result is (intrinsic_eval.cpp).
  if (Json* v = aslrt::findMember(f->input, keyOf(f, key_const))) aslrt::replaceWith(*v, Json(value));
}

int32_t aslrt_loop_tick(aslrt_frame* f) {
  aslrt::Scheduler& scheduler = f->exec->scheduler;
  scheduler.preemptionPoint();  // as exit_state: time-outs and aborts get their turn
  if (scheduler.cancelRequested()) return 1;
  f->exec->countEvent();  // <Type>StateEntered
  f->exec->countEvent();  // <Type>StateExited
  ++f->exec->promotedStates;
  return 0;
}

}  // extern "C"
