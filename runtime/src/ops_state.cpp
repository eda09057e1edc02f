// State boundaries and terminal outcomes: what the generated code calls
// around each state's block.
#include <algorithm>

#include "aslrt/json_release.h"
#include "execution.h"

using aslrt::Json;

namespace {

// The state's output size and depth, exact whenever either may exceed its
// limit: the tracked bounds usually settle both without walking the value.
aslrt::SizeBound outputSize(aslrt_frame* f, uint32_t slot) {
  aslrt::SizeBound size = f->knownSlotSize(slot);
  bool withinQuota = size.bytes <= aslrt::kMaxPayloadBytes || size.exact;
  if (size.known() && withinQuota && size.depth <= aslrt::kMaxStateDepth) return size;
  return aslrt::sizeOf(f->slots[slot]);  // also when none is tracked
}

int32_t outputTooLarge(aslrt_frame* f) {
  f->failure = {"States.DataLimitExceeded", "The state/task '" + f->stateInfo().name +
                                                "' returned a result with a size exceeding the maximum number of bytes service limit."};
  return ASLRT_FAILED;
}

}  // namespace

// Not an AWS quota, but where AWS's JSON parser stops too (json_parse.h);
// a loop wrapping its input once per iteration ends here.
int32_t aslrt_frame::raiseOutputTooDeep() {
  return raise("States.Runtime", "The state's output " + aslrt::valueNestedTooDeep() + ".");
}

extern "C" {

void aslrt_enter_state(aslrt_frame* f, uint32_t state) {
  f->state = state;
  f->retryCount = 0;
  f->forkFailure = aslrt_frame::ForkFailure::None;
  const aslrt::StateInfo& info = f->stateInfo();
  if (!info.retriers.empty() || !f->retrierAttempts.empty()) f->retrierAttempts.assign(info.retriers.size(), 0);
  // Read lazily (contextObject) by states that cannot see $$ before they finish.
  f->enteredMicros = info.readsEnteredTime ? f->exec->scheduler.clock().nowMicros() : -1;
  uint32_t slots = f->machine->slots;
  if (f->slots.size() < slots) f->slots.resize(slots);
  if (f->slotSizes.size() != slots) f->slotSizes.resize(slots);
  std::fill(f->slotSizes.begin(), f->slotSizes.end(), aslrt::SizeBound());
  // Only exit_state knows the size of what it hands over; a catcher's output
  // (written by on_error) or a new frame's input starts unknown.
  f->inputSize = f->handoffSize;
  f->handoffSize = aslrt::SizeBound();
  aslrt::Execution& exec = *f->exec;
  if (!exec.keepsHistory()) {
    f->enteredEventId = exec.countEvent();
    return;
  }
  // (the whole input is recorded: nothing is ever truncated)
  Json details = {{"stateEnteredEventDetails",
                   {{"name", info.name}, {"input", f->input.dump()}, {"inputDetails", {{"truncated", false}}}}}};
  f->enteredEventId = exec.record(info.type + "StateEntered", exec.lastEventId(), details);
}

int32_t aslrt_exit_state(aslrt_frame* f, uint32_t state, uint32_t output_slot) {
  // A loop that never waits still gives way to the time-out and to aborts,
  // and a cancelled branch stops at its next transition.
  f->exec->scheduler.preemptionPoint();
  if (f->exec->scheduler.cancelRequested()) return f->abandon();
  Json& out = f->slots[output_slot];
  aslrt::Execution& exec = *f->exec;
  // Checked on every transition, as AWS does for each state's output; the
  // depth first, as dump() recurses.
  aslrt::SizeBound size = outputSize(f, output_slot);
  if (size.depth > aslrt::kMaxStateDepth) return f->raiseOutputTooDeep();
  if (exec.keepsHistory()) {
    std::string text = out.dump();
    size = aslrt::SizeBound::exactly(text.size(), size.depth);
    if (size.bytes > aslrt::kMaxPayloadBytes) return outputTooLarge(f);
    const aslrt::StateInfo& info = f->stateInfo();
    exec.record(info.type + "StateExited", exec.lastEventId(),
                {{"stateExitedEventDetails",
                  {{"name", info.name}, {"output", std::move(text)}, {"outputDetails", {{"truncated", false}}}}}});
  } else {
    if (size.bytes > aslrt::kMaxPayloadBytes) return outputTooLarge(f);
    exec.countEvent();
  }
  aslrt::replaceWith(f->input, std::move(out));
  f->endLoan();  // the state is over: its raw input is not needed back
  f->handoffSize = size;
  return ASLRT_OK;
}

int32_t aslrt_succeed(aslrt_frame* f, uint32_t) {
  f->output = std::move(f->input);  // exit_state moved the output into input
  return ASLRT_OK;
}

int32_t aslrt_unsupported(aslrt_frame* f, uint32_t message_const) {
  const Json& message = f->exec->program.constants[message_const];
  f->exec->unsupported = message.get<std::string>();
  f->failure = {"States.Runtime", message.get<std::string>()};
  return ASLRT_FAILED;
}

int32_t aslrt_load_input(aslrt_frame* f, uint32_t dst) {
  // ASLRT_MOVE: the compiler proved nothing reads the raw input again in
  // this state (no retrier or catcher). ASLRT_LEND: a retrier or catcher
  // may, so it is lent to the slot and given back on an error (abi.h).
  uint32_t slot = dst & ~(ASLRT_MOVE | ASLRT_LEND);
  if (dst & (ASLRT_MOVE | ASLRT_LEND)) aslrt::replaceWith(f->slots[slot], std::move(f->input));
  else aslrt::replaceWith(f->slots[slot], Json(f->input));
  if (dst & ASLRT_LEND) f->lent.slot = slot;
  f->setSlotSize(slot, f->inputSize);
  return ASLRT_OK;
}

int32_t aslrt_load_const(aslrt_frame* f, uint32_t dst, uint32_t const_id) {
  f->slots[dst] = f->exec->program.constants[const_id];
  f->setSlotSize(dst, aslrt::SizeBound::exactly(f->exec->program.constantExtents[const_id]));
  return ASLRT_OK;
}

}  // extern "C"
