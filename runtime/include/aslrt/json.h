// The one JSON value type used by the runtime and the compiler's constant data.
#pragma once
#include <cstdint>
#include <optional>

#include <nlohmann/json.hpp>

#include "aslrt/object_map.h"

namespace aslrt {
// nlohmann's value with objects whose members keep their insertion order
// (object_map.h says why).
using Json = nlohmann::basic_json<ObjectMap>;
}  // namespace aslrt

#include "aslrt/json_free.h"  // how a Json frees what it owns: before anything destroys one

namespace aslrt {

// Orders an object's members by key, as the service integrations' responses
// come (their SDK writes fields alphabetically; recorded:
// callback.start_execution_sync, the aws-sdk and lambda cases).
inline Json sortedByKey(Json object) {
  if (object.is_object()) object.get_ref<Json::object_t&>().sortByKey();
  return object;
}

// A JSON integer (parsed non-negative ones are unsigned, computed ones
// signed) as a signed 64-bit value; nullopt for any other value and for an
// unsigned one beyond INT64_MAX. (get_ptr<number_integer_t*> answers for
// unsigned values too, so the type is asked first.)
inline std::optional<int64_t> exactInt64(const Json& v) {
  if (v.is_number_unsigned()) {
    uint64_t u = *v.get_ptr<const Json::number_unsigned_t*>();
    if (u > static_cast<uint64_t>(INT64_MAX)) return std::nullopt;
    return static_cast<int64_t>(u);
  }
  if (v.is_number_integer()) return *v.get_ptr<const Json::number_integer_t*>();
  return std::nullopt;
}

// exactInt64, or a whole float in the signed 64-bit range (2.0 as 2): what a
// Java long holds, as AWS reads counts and seconds. 1e30 is no such value
// (converting it would be undefined behaviour).
inline std::optional<int64_t> wholeInt64(const Json& v) {
  if (!v.is_number_float()) return exactInt64(v);
  double d = *v.get_ptr<const Json::number_float_t*>();
  constexpr double kTwo63 = 9223372036854775808.0;
  if (!(d >= -kTwo63 && d < kTwo63) || d != static_cast<double>(static_cast<int64_t>(d))) return std::nullopt;
  return static_cast<int64_t>(d);
}
}  // namespace aslrt
