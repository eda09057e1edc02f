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
