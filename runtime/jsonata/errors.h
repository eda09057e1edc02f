// Internal error type. The evaluator throws JsonataError; the public API
// catches it at its boundary and turns it into aslrt::jsonata::Error.
#pragma once
#include <cstddef>
#include <string>

namespace aslrt::jsonata {

struct JsonataError {
  std::string code;
  std::string message;  // filled from the code's template if left empty
  size_t position = 0;
  bool hasPosition = false;
  std::string token;
  std::string value;  // rendered offending value, used in messages

  JsonataError(std::string c, std::string msg = {}) : code(std::move(c)), message(std::move(msg)) {}
  JsonataError& at(size_t pos) { position = pos; hasPosition = true; return *this; }
  JsonataError& tok(std::string t) { token = std::move(t); return *this; }
  JsonataError& val(std::string v) { value = std::move(v); return *this; }
};

// The message jsonata-js prints for `code`, with {{token}}/{{value}} filled in.
std::string describeError(const JsonataError& e);

}  // namespace aslrt::jsonata
