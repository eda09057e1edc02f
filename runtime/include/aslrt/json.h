// The one JSON value type used by the runtime and the compiler's constant data.
#pragma once
#include <nlohmann/json.hpp>

namespace aslrt {
using Json = nlohmann::json;
}  // namespace aslrt
