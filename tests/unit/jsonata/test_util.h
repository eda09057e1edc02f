// Helpers: evaluate an expression against JSON text and return the result as
// compact JSON text, "undefined", or "error:<code>".
#pragma once
#include <string>

#include "aslrt/jsonata.h"

namespace jsonata_test {

inline std::string eval(const std::string& expr, const std::string& input = "", const std::string& bindings = "{}") {
  using namespace aslrt::jsonata;
  Error err;
  auto e = Expression::compile(expr, &err);
  if (!e) return "error:" + err.code;
  aslrt::Json data = input.empty() ? aslrt::Json() : aslrt::Json::parse(input);
  auto result = e->evaluate(input.empty() ? nullptr : &data, aslrt::Json::parse(bindings), Limits{}, &err);
  if (!err.code.empty()) return "error:" + err.code;
  return result ? result->dump() : "undefined";
}

}  // namespace jsonata_test
