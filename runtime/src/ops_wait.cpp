// Wait states: the deadline from Seconds/Timestamp(Path), checked as AWS
// checks it, then a suspension of this fiber on the scheduler's timer queue.
#include <cmath>

#include "aslrt/timestamp.h"
#include "execution.h"

using aslrt::Json;

std::optional<Json> aslrt_select(aslrt_frame* f, const aslrt::JsonPath& path, const Json& input);

namespace {

std::string shown(const Json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

// Returns the deadline in microseconds, or -1 after raising the error.
int64_t secondsPathDeadline(aslrt_frame* f, const aslrt::WaitInfo& w, const Json& input, int64_t now) {
  const std::string& text = w.path->text();
  std::optional<Json> v = aslrt_select(f, *w.path, input);
  if (!v) return f->raise("States.Runtime", "The SecondsPath parameter does not reference an input value: " + text), -1;
  bool integral = v->is_number_integer() || (v->is_number_float() && std::floor(v->get<double>()) == v->get<double>());
  if (!integral)
    return f->raise("States.Runtime", "The SecondsPath parameter cannot be parsed as a long value: " + text + " == " + shown(*v)), -1;
  double seconds = v->get<double>();
  if (seconds < 0)
    return f->raise("States.Runtime", "The SecondsPath parameter references a negative value: " + text + " == " + shown(*v)), -1;
  return now + static_cast<int64_t>(seconds * 1e6);
}

int64_t timestampPathDeadline(aslrt_frame* f, const aslrt::WaitInfo& w, const Json& input) {
  const std::string& text = w.path->text();
  std::optional<Json> v = aslrt_select(f, *w.path, input);
  if (!v) return f->raise("States.Runtime", "The TimestampPath parameter does not reference an input value: " + text), -1;
  std::optional<int64_t> at = v->is_string() ? aslrt::parseTimestampMicros(v->get<std::string>()) : std::nullopt;
  if (!at)
    return f->raise("States.Runtime",
                    "The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: " +
                        text + " == " + shown(*v)),
           -1;
  return *at;
}

// JSONata Seconds/Timestamp: the expression's value, checked as AWS checks it.
int64_t jsonataDeadline(aslrt_frame* f, const aslrt::WaitInfo& w, const Json& input, int64_t now) {
  std::optional<Json> v = f->evalJsonata(*w.jsonata, input);
  if (!v) return -1;
  if (w.field == "Seconds") {
    bool integral = v->is_number_integer() || (v->is_number_float() && std::floor(v->get<double>()) == v->get<double>());
    if (!integral || v->get<double>() < 0)
      return f->raise("States.QueryEvaluationError", "The Seconds field must be a non-negative integer, but was: " + v->dump()), -1;
    return now + static_cast<int64_t>(v->get<double>() * 1e6);
  }
  std::optional<int64_t> at = v->is_string() ? aslrt::parseTimestampMicros(v->get<std::string>()) : std::nullopt;
  if (!at)
    return f->raise("States.QueryEvaluationError",
                    "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: " + shown(*v)),
           -1;
  return *at;
}

int64_t deadlineOf(aslrt_frame* f, const aslrt::WaitInfo& w, const Json& input, int64_t now) {
  if (w.jsonata) return jsonataDeadline(f, w, input, now);
  if (w.field == "Seconds") return now + static_cast<int64_t>(w.value.get<double>() * 1e6);
  if (w.field == "SecondsPath") return secondsPathDeadline(f, w, input, now);
  if (w.field == "TimestampPath") return timestampPathDeadline(f, w, input);
  std::optional<int64_t> at = aslrt::parseTimestampMicros(w.value.get<std::string>());
  return at ? *at : now;  // the validator has already checked a literal Timestamp
}

}  // namespace

extern "C" int32_t aslrt_wait(aslrt_frame* f, uint32_t input_slot, uint32_t wait_id) {
  aslrt::Scheduler& sched = f->exec->scheduler;
  int64_t now = sched.clock().nowMicros();
  int64_t deadline = deadlineOf(f, f->exec->program.waits[wait_id], f->slots[input_slot], now);
  if (deadline < 0) return ASLRT_FAILED;
  if (deadline > now && !sched.sleepUntil(deadline)) return f->abandon();
  return ASLRT_OK;
}
