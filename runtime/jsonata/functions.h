// The built-in function library: each family registers its functions into a
// name -> function-value table (names without the `$`).
#pragma once
#include <string>
#include <unordered_map>
#include <vector>

#include "evaluator.h"
#include "function.h"

namespace aslrt::jsonata {

using Registry = std::unordered_map<std::string, Value>;

void addNative(Registry& r, const std::string& name, const std::string& signature, int arity, NativeImpl impl);
inline const Value& argAt(const std::vector<Value>& args, size_t i) {
  static const Value undefinedValue;
  return i < args.size() ? args[i] : undefinedValue;
}

// A picture or other string argument a function cannot do without: an
// undefined one (which the signature lets through, as jsonata-js's does) is
// T0410 rather than a read of nothing (jsonata-js fails there with a
// JavaScript TypeError).
const std::string& requiredString(const std::vector<Value>& args, size_t i, const std::string& function);

// $round's rounding: half to even, on the decimal digits (fn_numeric.cpp).
double roundHalfEven(double x, int precision);

void registerStringFunctions(Registry& r);
void registerRegexFunctions(Registry& r);
void registerEncodingFunctions(Registry& r);
void registerNumericFunctions(Registry& r);
void registerNumberFormatFunctions(Registry& r);
void registerIntegerFormatFunctions(Registry& r);
void registerArrayFunctions(Registry& r);
void registerObjectFunctions(Registry& r);
void registerHigherOrderFunctions(Registry& r);
void registerDateTimeFunctions(Registry& r);

}  // namespace aslrt::jsonata
