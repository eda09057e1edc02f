// An ASL error as it travels through the runtime: an error name and a cause.
// No C++ exception crosses a fiber boundary or the C ABI; errors travel as this.
#pragma once
#include <optional>
#include <string>

namespace aslrt {

struct Failure {
  std::string error;                 // e.g. "States.Runtime"
  std::optional<std::string> cause;  // absent when the error carries none
};

}  // namespace aslrt
