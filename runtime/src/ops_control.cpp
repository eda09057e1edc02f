// Control ops: Fail states, Choice leaves, Wait, and the error dispatch that
// decides between retry, catch and failing the machine.
#include <algorithm>
#include <cmath>

#include "aslrt/timestamp.h"
#include "execution.h"

using aslrt::Json;

std::optional<Json> aslrt_select(aslrt_frame* f, const aslrt::JsonPath& path, const Json& input);
int32_t aslrt_apply_assign(aslrt_frame* f, const aslrt::AssignInfo& a, const Json& input, const Json* result,
                           const Json* errorOutput);

namespace {

// AWS: States.Runtime is never retried or caught, not even when named
// (recorded: scenarios.base_scenarios.catch_states_runtime). States.ALL matches
// every other error; a recording shows it catching a task's
// States.DataLimitExceeded, so that one is matched.
bool matches(const std::vector<std::string>& errorEquals, const std::string& error) {
  if (error == "States.Runtime") return false;
  for (const std::string& name : errorEquals) {
    if (name == error) return true;
    if (name == "States.ALL" && error != "States.Runtime") return true;
    // States.TaskFailed matches every error but a time-out (docs: "Error names").
    if (name == "States.TaskFailed" && error != "States.Timeout" && error != "States.Runtime" &&
        error != "States.DataLimitExceeded")
      return true;
  }
  return false;
}

// A selected copy kept in *copy (nullptr when nothing matches).
__attribute__((noinline)) const Json* selectCopy(aslrt_frame* f, const aslrt::JsonPath& path, const Json& input,
                                                 std::optional<Json>* copy) {
  *copy = aslrt_select(f, path, input);
  return *copy ? &**copy : nullptr;
}

// A Choice operand: the input's own node when a plain path reaches it (the
// common case, inline), otherwise selectCopy's.
inline const Json* peekOrSelect(aslrt_frame* f, const aslrt::JsonPath& path, const Json& input,
                                std::optional<Json>* copy) {
  if (!path.isContextPath() && !path.isVariablePath())
    if (const Json* node = path.peek(input)) return node;
  return selectCopy(f, path, input, copy);
}

// IntervalSeconds x BackoffRate^attempt, capped by MaxDelaySeconds (when
// set; the power may reach infinity, which afterSeconds caps).
double retryDelaySeconds(aslrt_frame* f, const aslrt::RetrierInfo& r, int64_t attempt) {
  double seconds = r.interval * std::pow(r.backoff, static_cast<double>(attempt));
  if (r.maxDelay) seconds = std::min(seconds, static_cast<double>(*r.maxDelay));
  if (r.fullJitter && std::isfinite(seconds)) seconds = std::uniform_real_distribution<double>(0.0, seconds)(f->exec->rng);
  return seconds;
}

// Returns true when a retrier takes the error (after sleeping its delay).
bool tryRetry(aslrt_frame* f) {
  const aslrt::StateInfo& info = f->stateInfo();
  for (size_t i = 0; i < info.retriers.size(); ++i) {
    const aslrt::RetrierInfo& r = info.retriers[i];
    if (!matches(r.errors, f->failure.error)) continue;
    if (f->retrierAttempts[i] >= r.maxAttempts) return false;
    double delay = retryDelaySeconds(f, r, f->retrierAttempts[i]);
    ++f->retrierAttempts[i];
    ++f->retryCount;
    aslrt::Scheduler& sched = f->exec->scheduler;
    sched.sleepUntil(aslrt::afterSeconds(sched.clock().nowMicros(), delay));  // a cancellation ends it early
    return true;
  }
  return false;
}

// {"Error", "Cause"}, in that order as AWS writes it; appended directly (an
// initializer list would build and copy a temporary per member).
Json errorOutput(const aslrt::Failure& failure) {
  Json out(Json::value_t::object);
  Json::object_t& members = out.get_ref<Json::object_t&>();
  members.appendNew("Error", failure.error);
  if (failure.cause) members.appendNew("Cause", *failure.cause);
  return out;
}

// Whether the catcher's output -- the input with the error object (one
// level) written `path.steps()` levels down -- is nested deeper than a state's
// output may be (ops_state.cpp); raises States.Runtime then. The input's own
// depth bound usually settles it without a walk.
bool nestsTooDeep(aslrt_frame* f, const aslrt::JsonPath& path) {
  uint32_t bound = std::max(f->inputSize.depth, aslrt::addDepths(static_cast<uint32_t>(path.steps()), 1));
  if (bound <= aslrt::kMaxStateDepth || aslrt::sizeOf(f->input).depth <= aslrt::kMaxStateDepth) return false;
  f->raiseOutputTooDeep();
  return true;
}

int32_t tryCatch(aslrt_frame* f) {
  const aslrt::StateInfo& info = f->stateInfo();
  for (size_t k = 0; k < info.catchers.size(); ++k) {
    const aslrt::CatcherInfo& c = info.catchers[k];
    if (!matches(c.errors, f->failure.error)) continue;
    Json out = errorOutput(f->failure);
    const aslrt::Program& p = f->exec->program;
    if (c.output || (c.assign && p.assigns[*c.assign].jsonata)) {
      Json errorOut = out;
      if (c.output) {
        std::optional<Json> v = f->evalJsonata(*c.output, f->input, nullptr, &errorOut);
        if (!v) return ASLRT_PROPAGATE;
        out = std::move(*v);
      }
      if (c.assign && aslrt_apply_assign(f, p.assigns[*c.assign], f->input, nullptr, &errorOut) != ASLRT_OK)
        return ASLRT_PROPAGATE;
      f->input = std::move(out);
      return static_cast<int32_t>(k);
    }
    if (c.assign && aslrt_apply_assign(f, p.assigns[*c.assign], f->input, nullptr, &out) != ASLRT_OK)
      return ASLRT_PROPAGATE;
    // The input becomes the catcher's output: kept whole (ResultPath null),
    // replaced, or with the error written into it in place (assign checks
    // the path before it changes anything).
    if (c.discard) return static_cast<int32_t>(k);
    if (!c.resultPath) {
      f->input = std::move(out);
      return static_cast<int32_t>(k);
    }
    // A ResultPath that cannot take the error output ($.err into an array)
    // fails as a task's ResultPath does: States.Runtime, which no catcher
    // takes -- not the caught error again, as if no catcher had matched.
    std::string whyNot;
    if (!p.paths[*c.resultPath].assign(f->input, std::move(out), &whyNot))
      return f->raise("States.Runtime", whyNot), ASLRT_PROPAGATE;
    if (nestsTooDeep(f, p.paths[*c.resultPath])) return ASLRT_PROPAGATE;
    return static_cast<int32_t>(k);
  }
  return ASLRT_PROPAGATE;
}

// The events AWS writes for a failure no retrier takes (a retried attempt
// writes none: scenarios.base_scenarios.map_state_retry_legacy). A failed
// expression is an EvaluationFailed event, written by the state that
// evaluated it, not again by the Map/Parallel its error fails
// (states_variables.error_output.map_catch_error.MAP_CATCH_ERROR_OUTPUT_WITH_RETRY).
// A Map/Parallel state's failure is <Type>StateFailed, except a States.Runtime
// error in its own fields, which writes nothing before ExecutionFailed
// (scenarios.base_scenarios.max_concurrency_path.*, map_state_tolerated_failure_count_path.*;
// only Map failures are recorded: Parallel is assumed to follow the same rule).
void recordFailure(aslrt_frame* f, aslrt_frame::ForkFailure where) {
  aslrt::Execution& exec = *f->exec;
  const std::string& type = f->stateInfo().type;
  using Where = aslrt_frame::ForkFailure;
  if (where != Where::Children && f->failure.error == "States.QueryEvaluationError") {
    // evaluationFailedEventDetails: error, cause and the state (required);
    // https://docs.aws.amazon.com/step-functions/latest/apireference/API_EvaluationFailedEventDetails.html
    Json details;
    if (exec.keepsHistory()) {
      details = {{"error", f->failure.error}};
      if (f->failure.cause) details["cause"] = *f->failure.cause;
      details["state"] = f->stateInfo().name;
      details = {{"evaluationFailedEventDetails", std::move(details)}};
    }
    exec.record("EvaluationFailed", exec.lastEventId(), std::move(details));
  }
  if ((type == "Map" || type == "Parallel") && (where != Where::None || f->failure.error != "States.Runtime"))
    exec.record(type + "StateFailed", exec.lastEventId());
}

}  // namespace

extern "C" {

int32_t aslrt_on_error(aslrt_frame* f, uint32_t state) {
  f->state = state;
  f->restoreLentInput();  // retriers and catchers start from the raw input
  aslrt_frame::ForkFailure where = f->forkFailure;
  f->forkFailure = aslrt_frame::ForkFailure::None;  // a retried attempt starts afresh
  aslrt::Scheduler& sched = f->exec->scheduler;
  if (f->exec->unsupported || sched.cancelRequested()) return ASLRT_PROPAGATE;
  if (tryRetry(f)) return sched.cancelRequested() ? ASLRT_PROPAGATE : ASLRT_RETRY;
  recordFailure(f, where);
  int32_t decision = tryCatch(f);
  if (decision >= 0) f->exec->record(f->stateInfo().type + "StateExited", f->exec->lastEventId());
  return decision;
}

int32_t aslrt_fail(aslrt_frame* f, uint32_t input_slot, uint32_t fail_id) {
  const aslrt::FailInfo& spec = f->exec->program.fails[fail_id];
  const Json& input = f->slots[input_slot];
  f->failure = {spec.error.value_or(""), spec.cause};
  auto resolve = [&](const std::optional<aslrt::PayloadTemplate>& tmpl, const std::string& text, const char* field,
                     std::string* out) {
    std::optional<Json> rendered = f->render(*tmpl, input, field);
    const Json* v = rendered ? &rendered->begin().value() : nullptr;
    if (!v || !v->is_string()) {
      f->raise("States.Runtime", "The JSONPath '" + text + "' specified for the field '" + field +
                                     "' could not be found in the input '" + input.dump() + "'");
      return false;
    }
    *out = v->get<std::string>();
    return true;
  };
  auto evalField = [&](uint32_t id, std::optional<std::string>* out) {
    std::optional<Json> v = f->evalJsonata(id, input);
    if (!v) return false;
    *out = v->is_string() ? v->get<std::string>() : v->dump();
    return true;
  };
  std::optional<std::string> text;
  if (spec.errorJsonata) {
    if (!evalField(*spec.errorJsonata, &text)) return ASLRT_FAILED;
    f->failure.error = *text;
  }
  if (spec.causeJsonata) {
    if (!evalField(*spec.causeJsonata, &text)) return ASLRT_FAILED;
    f->failure.cause = text;
  }
  std::string value;
  if (spec.errorPath) {
    if (!resolve(spec.errorPath, spec.errorPathText, "ErrorPath", &value)) return ASLRT_FAILED;
    f->failure.error = value;
  }
  if (spec.causePath) {
    if (!resolve(spec.causePath, spec.causePathText, "CausePath", &value)) return ASLRT_FAILED;
    f->failure.cause = value;
  }
  return ASLRT_FAILED;
}

int32_t aslrt_choice_test(aslrt_frame* f, uint32_t input_slot, uint32_t leaf_id) {
  const aslrt::Program& p = f->exec->program;
  const aslrt::LeafInfo& leaf = p.leaves[leaf_id];
  const Json& input = f->slots[input_slot];
  if (leaf.condition) {
    std::optional<Json> v = f->evalJsonata(*leaf.condition, input);
    if (!v) return -1;
    if (!v->is_boolean())
      return f->raise("States.QueryEvaluationError", "The JSONata expression specified for the field 'Condition' returned a non-boolean result: " + v->dump()), -1;
    return v->get<bool>() ? 1 : 0;
  }
  const aslrt::JsonPath& variable = p.paths[leaf.variable];
  std::optional<Json> copy;
  const Json* value = peekOrSelect(f, variable, input, &copy);
  // AWS fails the state when a compared Variable is absent (only IsPresent tests absence).
  if (!value && aslrt::absentValueFails(leaf.op))
    return f->raise("States.Runtime", aslrt::choicePathInvalidCause(variable.text())), -1;
  if (!leaf.isPath) return aslrt::evaluateChoiceOp(leaf.op, value, leaf.operand) ? 1 : 0;
  const aslrt::JsonPath& operandPath = p.paths[leaf.operandPath];
  std::optional<Json> operandCopy;
  const Json* operand = peekOrSelect(f, operandPath, input, &operandCopy);
  if (!operand) return f->raise("States.Runtime", aslrt::choicePathInvalidCause(operandPath.text())), -1;
  return aslrt::evaluateChoiceOp(leaf.op, value, *operand) ? 1 : 0;
}

int32_t aslrt_no_choice_matched(aslrt_frame* f, uint32_t) {
  f->failure = {"States.NoChoiceMatched", "No Matches!"};
  return ASLRT_FAILED;
}

}  // extern "C"
