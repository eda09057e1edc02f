#include "map_tolerance.h"

#include <cmath>

std::optional<aslrt::Json> aslrt_select(aslrt_frame* f, const aslrt::JsonPath& path, const aslrt::Json& input);

namespace aslrt {
namespace {

std::string shown(const Json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

bool resolveCount(aslrt_frame* f, const MapInfo& map, const Json& input, Tolerance* t) {
  std::optional<Json> v = map.toleratedCount.is_number() ? std::optional<Json>(map.toleratedCount) : std::nullopt;
  if (map.toleratedCountJsonata) {
    v = jsonataMapField(f, *map.toleratedCountJsonata, input, "ToleratedFailureCount", true);
    if (!v) return false;
  }
  if (map.toleratedCountPath) {
    const JsonPath& path = f->exec->program.paths[*map.toleratedCountPath];
    v = aslrt_select(f, path, input);
    // (a whole number a Java long holds: 1e30 is none)
    if (!v || !wholeInt64(*v))
      return f->raise("States.Runtime", "The ToleratedFailureCountPath field refers to value \"" +
                                            (v ? shown(*v) : "null") + "\" which is not a valid integer: " + path.text()),
             false;
  }
  if (!v) return true;
  t->set = true;
  t->count = wholeInt64(*v).value_or(INT64_MAX);  // a literal past a long's range tolerates every failure
  return true;
}

bool resolvePercent(aslrt_frame* f, const MapInfo& map, const Json& input, Tolerance* t) {
  std::optional<Json> v =
      map.toleratedPercentage.is_number() ? std::optional<Json>(map.toleratedPercentage) : std::nullopt;
  if (map.toleratedPercentageJsonata) {
    v = jsonataMapField(f, *map.toleratedPercentageJsonata, input, "ToleratedFailurePercentage", false);
    if (!v) return false;
  }
  if (map.toleratedPercentagePath) {
    const JsonPath& path = f->exec->program.paths[*map.toleratedPercentagePath];
    v = aslrt_select(f, path, input);
    if (!v || !v->is_number())
      return f->raise("States.Runtime", "The ToleratedFailurePercentagePath field refers to value \"" +
                                            (v ? shown(*v) : "null") + "\" which is not a valid float: " + path.text()),
             false;
  }
  if (!v) return true;
  double percent = v->get<double>();
  if (percent < 0 || percent > 100)
    return f->raise("States.Runtime", "ToleratedFailurePercentage must be between 0 and 100."), false;
  t->set = true;
  t->percent = percent;
  return true;
}

}  // namespace

std::optional<Json> jsonataMapField(aslrt_frame* f, uint32_t id, const Json& input, const char* field, bool whole) {
  std::optional<Json> v = f->evalJsonata(id, input);
  if (!v) return std::nullopt;
  bool fits = whole ? wholeInt64(*v) && *wholeInt64(*v) >= 0 : v->is_number();
  if (!fits)
    return f->raise("States.QueryEvaluationError", std::string("The ") + field + " field must be a " +
                                                       (whole ? "non-negative integer" : "number") +
                                                       ", but was: " + v->dump()),
           std::nullopt;
  return v;
}

bool Tolerance::exceededBy(size_t failed, size_t total) const {
  if (failed == 0) return false;
  if (count >= 0 && static_cast<int64_t>(failed) > count) return true;
  if (percent >= 0 && total > 0 && 100.0 * static_cast<double>(failed) / static_cast<double>(total) > percent) return true;
  return count < 0 && percent < 0;
}

bool resolveTolerance(aslrt_frame* f, const MapInfo& map, const Json& input, Tolerance* out) {
  return resolveCount(f, map, input, out) && resolvePercent(f, map, input, out);
}

}  // namespace aslrt
