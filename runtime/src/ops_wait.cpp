// Wait states: the deadline from Seconds/Timestamp(Path), checked as AWS
// checks it, then a suspension of this fiber on the scheduler's timer queue.
#include <cmath>

#include "aslrt/timestamp.h"
#include "execution.h"

using aslrt::Json;

std::optional<Json> aslrt_select(aslrt_frame* f, const aslrt::JsonPath& path, const Json& input);

namespace {

std::string shown(const Json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

// Deadlines are microseconds since the epoch: a Timestamp before 1970 is a
// negative one (already past: no wait), and Seconds end no later than
// aslrt::kLastMicros (clock.h).
using aslrt::afterSeconds;

// A whole, non-negative number of seconds that a Java long holds (AWS reads
// SecondsPath as one): 1e30 is no long.
bool isWaitSeconds(const Json& v) {
  std::optional<int64_t> seconds = aslrt::wholeInt64(v);
  return seconds && *seconds >= 0;
}

// The deadline, or nullopt after raising the error.
using Deadline = std::optional<int64_t>;

Deadline secondsPathDeadline(aslrt_frame* f, const aslrt::WaitInfo& w, const Json& input, int64_t now) {
  const std::string& text = w.path->text();
  std::optional<Json> v = aslrt_select(f, *w.path, input);
  if (!v) return f->raise("States.Runtime", "The SecondsPath parameter does not reference an input value: " + text), std::nullopt;
  if (v->is_number() && v->get<double>() < 0 && std::floor(v->get<double>()) == v->get<double>())
    return f->raise("States.Runtime", "The SecondsPath parameter references a negative value: " + text + " == " + shown(*v)),
           std::nullopt;
  if (!isWaitSeconds(*v))
    return f->raise("States.Runtime", "The SecondsPath parameter cannot be parsed as a long value: " + text + " == " + shown(*v)),
           std::nullopt;
  return afterSeconds(now, v->get<double>());
}

Deadline timestampPathDeadline(aslrt_frame* f, const aslrt::WaitInfo& w, const Json& input) {
  const std::string& text = w.path->text();
  std::optional<Json> v = aslrt_select(f, *w.path, input);
  if (!v) return f->raise("States.Runtime", "The TimestampPath parameter does not reference an input value: " + text), std::nullopt;
  std::optional<int64_t> at = v->is_string() ? aslrt::parseTimestampMicros(v->get<std::string>()) : std::nullopt;
  if (!at)
    return f->raise("States.Runtime",
                    "The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: " +
                        text + " == " + shown(*v)),
           std::nullopt;
  return *at;
}

// JSONata Seconds/Timestamp: the expression's value, checked as AWS checks it.
Deadline jsonataDeadline(aslrt_frame* f, const aslrt::WaitInfo& w, const Json& input, int64_t now) {
  std::optional<Json> v = f->evalJsonata(*w.jsonata, input);
  if (!v) return std::nullopt;
  if (w.field == "Seconds") {
    if (!isWaitSeconds(*v))
      return f->raise("States.QueryEvaluationError", "The Seconds field must be a non-negative integer, but was: " + v->dump()),
             std::nullopt;
    return afterSeconds(now, v->get<double>());
  }
  std::optional<int64_t> at = v->is_string() ? aslrt::parseTimestampMicros(v->get<std::string>()) : std::nullopt;
  if (!at)
    return f->raise("States.QueryEvaluationError",
                    "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: " + shown(*v)),
           std::nullopt;
  return *at;
}

Deadline deadlineOf(aslrt_frame* f, const aslrt::WaitInfo& w, const Json& input, int64_t now) {
  if (w.jsonata) return jsonataDeadline(f, w, input, now);
  if (w.field == "Seconds") return afterSeconds(now, w.value.get<double>());
  if (w.field == "SecondsPath") return secondsPathDeadline(f, w, input, now);
  if (w.field == "TimestampPath") return timestampPathDeadline(f, w, input);
  std::optional<int64_t> at = aslrt::parseTimestampMicros(w.value.get<std::string>());
  return at ? *at : now;  // the validator has already checked a literal Timestamp
}

}  // namespace

extern "C" int32_t aslrt_wait(aslrt_frame* f, uint32_t input_slot, uint32_t wait_id) {
  aslrt::Scheduler& sched = f->exec->scheduler;
  int64_t now = sched.clock().nowMicros();
  std::optional<int64_t> deadline = deadlineOf(f, f->exec->program.waits[wait_id], f->slots[input_slot], now);
  if (!deadline) return ASLRT_FAILED;
  if (*deadline > now && !sched.sleepUntil(*deadline)) return f->abandon();
  return ASLRT_OK;
}
