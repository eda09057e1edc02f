// Date/time functions: $now, $millis, $fromMillis, $toMillis.
#include "datetime.h"
#include "functions.h"

namespace aslrt::jsonata {

namespace {

const std::string* optString(const std::vector<Value>& a, size_t i) {
  const Value& v = argAt(a, i);
  return v.isString() ? &v.s() : nullptr;
}

}  // namespace

void registerDateTimeFunctions(Registry& r) {
  addNative(r, "millis", "<:n>", 0, [](Evaluator& ev, std::vector<Value>&) { return Value::number(ev.nowMillis()); });
  addNative(r, "now", "<s?s?:s>", 2, [](Evaluator& ev, std::vector<Value>& a) {
    return Value::string(formatDateTime(ev.nowMillis(), optString(a, 0), optString(a, 1)));
  });
  addNative(r, "fromMillis", "<n-s?s?:s>", 3, [](Evaluator&, std::vector<Value>& a) {
    if (a[0].isUndefined()) return Value();
    return Value::string(formatDateTime(a[0].n(), optString(a, 1), optString(a, 2)));
  });
  addNative(r, "toMillis", "<s-s?:n>", 2, [](Evaluator& ev, std::vector<Value>& a) {
    if (a[0].isUndefined()) return Value();
    std::optional<double> ms = optString(a, 1) ? parseDateTime(a[0].s(), a[1].s(), ev.nowMillis())
                                               : parseIso8601(a[0].s());
    return ms ? Value::number(*ms) : Value();
  });
}

}  // namespace aslrt::jsonata
