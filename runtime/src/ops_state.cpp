// State boundaries and terminal outcomes: what the generated code calls
// around each state's block.
#include "execution.h"

using aslrt::Json;

namespace {

constexpr size_t kMaxPayloadBytes = 262144;  // AWS's 256 KiB payload quota

std::string eventPrefix(const std::string& aslType) { return aslType; }

}  // namespace

extern "C" {

void aslrt_enter_state(aslrt_frame* f, uint32_t state) {
  f->state = state;
  f->retryCount = 0;
  f->forkFailureRecorded = false;
  f->retrierAttempts.assign(f->stateInfo().retriers.size(), 0);
  f->enteredMicros = f->exec->scheduler.clock().nowMicros();
  if (f->slots.size() < f->machine->slots) f->slots.resize(f->machine->slots);
  const aslrt::StateInfo& info = f->stateInfo();
  Json details = nullptr;
  if (!f->exec->options.historyPath.empty())
    details = {{"stateEnteredEventDetails", {{"name", info.name}, {"input", f->input.dump()}}}};
  f->enteredEventId = f->exec->record(eventPrefix(info.type) + "StateEntered", f->exec->lastEventId(), details);
}

int32_t aslrt_exit_state(aslrt_frame* f, uint32_t state, uint32_t output_slot) {
  Json& out = f->slots[output_slot];
  const aslrt::StateInfo& info = f->stateInfo();
  // Checked on every transition, as AWS does for each state's output.
  std::string text = out.dump();
  if (text.size() > kMaxPayloadBytes) {
    f->failure = {"States.DataLimitExceeded",
                  "The state/task '" + info.name + "' returned a result with a size exceeding the maximum number of bytes service limit."};
    return ASLRT_FAILED;
  }
  Json details = nullptr;
  if (!f->exec->options.historyPath.empty())
    details = {{"stateExitedEventDetails", {{"name", info.name}, {"output", text}}}};
  f->exec->record(eventPrefix(info.type) + "StateExited", f->exec->lastEventId(), details);
  f->input = std::move(out);
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
  f->slots[dst] = f->input;
  return ASLRT_OK;
}

int32_t aslrt_load_const(aslrt_frame* f, uint32_t dst, uint32_t const_id) {
  f->slots[dst] = f->exec->program.constants[const_id];
  return ASLRT_OK;
}

}  // extern "C"
