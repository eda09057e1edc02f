#include "java_string.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace aslrt::jsonpath_detail {
namespace {

// Shortest round-trip digits and decimal exponent: value = 0.d1d2... * 10^exp10.
void shortestDigits(double value, std::string* digits, int* exp10) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
  std::string s(buf, res.ptr);  // "d.dddde+XX"
  size_t e = s.find('e');
  int exponent = std::atoi(s.c_str() + e + 1);
  digits->clear();
  for (size_t i = 0; i < e; ++i) {
    if (s[i] != '.') *digits += s[i];
  }
  while (digits->size() > 1 && digits->back() == '0') digits->pop_back();
  *exp10 = exponent + 1;
}

std::string plainDecimal(const std::string& digits, int exp10) {
  std::string out;
  if (exp10 <= 0) {
    out = "0." + std::string(static_cast<size_t>(-exp10), '0') + digits;
    return out;
  }
  std::string intPart = digits.substr(0, std::min<size_t>(digits.size(), exp10));
  intPart.append(static_cast<size_t>(exp10) - intPart.size(), '0');
  std::string frac = digits.size() > static_cast<size_t>(exp10) ? digits.substr(exp10) : "0";
  return intPart + "." + frac;
}

std::string joinJava(const Json& value) {
  std::string out;
  bool first = true;
  for (auto it = value.begin(); it != value.end(); ++it) {
    if (!first) out += ", ";
    first = false;
    if (value.is_object()) out += it.key() + "=";
    out += javaToString(*it);
  }
  return out;
}

}  // namespace

std::string javaDoubleToString(double value) {
  if (value == 0) return std::signbit(value) ? "-0.0" : "0.0";
  std::string sign = value < 0 ? "-" : "";
  double mag = std::fabs(value);
  std::string digits;
  int exp10 = 0;
  shortestDigits(mag, &digits, &exp10);
  if (mag >= 1e-3 && mag < 1e7) return sign + plainDecimal(digits, exp10);
  std::string mantissa = digits.substr(0, 1) + "." + (digits.size() > 1 ? digits.substr(1) : "0");
  return sign + mantissa + "E" + std::to_string(exp10 - 1);
}

std::string javaToString(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::string:
      return value.get<std::string>();
    case Json::value_t::number_float:
      return javaDoubleToString(value.get<double>());
    case Json::value_t::object:
      return "{" + joinJava(value) + "}";
    case Json::value_t::array:
      return "[" + joinJava(value) + "]";
    default:
      return value.dump();
  }
}

std::string javaJsonDump(const Json& value) {
  if (value.is_number_float()) return javaDoubleToString(value.get<double>());
  if (!value.is_structured()) return value.dump();
  std::string out(1, value.is_object() ? '{' : '[');
  for (auto it = value.begin(); it != value.end(); ++it) {
    if (out.size() > 1) out += ',';
    if (value.is_object()) out += Json(it.key()).dump() + ":";
    out += javaJsonDump(*it);
  }
  return out + (value.is_object() ? '}' : ']');
}

std::string javaClassName(const Json& value) {
  switch (value.type()) {
    case Json::value_t::string:
      return "java.lang.String";
    case Json::value_t::boolean:
      return "java.lang.Boolean";
    case Json::value_t::number_float:
      return "java.lang.Double";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: {
      bool fitsInt = value >= INT32_MIN && value <= INT32_MAX;
      return fitsInt ? "java.lang.Integer" : "java.lang.Long";
    }
    case Json::value_t::array:
      return "java.util.ArrayList";
    case Json::value_t::object:
      return "java.util.LinkedHashMap";
    default:
      return "null";
  }
}

}  // namespace aslrt::jsonpath_detail
