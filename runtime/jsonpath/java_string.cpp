#include "java_string.h"

#include "aslrt/word_scan.h"

#include <algorithm>
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

// Scalars other than doubles and strings print the same in Java's
// toString() and in JSON: null, booleans, integers.
void appendPlainScalar(const Json& value, std::string* out) {
  if (value.is_null()) {
    *out += "null";
  } else if (value.is_boolean()) {
    *out += value.get<bool>() ? "true" : "false";
  } else if (value.is_number_integer() || value.is_number_unsigned()) {
    char buf[24];
    auto res = value.is_number_unsigned()
                   ? std::to_chars(buf, buf + sizeof buf, value.get<uint64_t>())
                   : std::to_chars(buf, buf + sizeof buf, value.get<int64_t>());
    out->append(buf, res.ptr);
  } else {
    *out += value.dump();  // not reached for payload values
  }
}

// Whether s is printable ASCII without quotes or backslashes, i.e. prints in
// JSON as it is; 8 bytes at a time, as most keys and values do.
bool printsAsItIs(const std::string& s) {
  using namespace word_scan;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w = load(s.data() + i);
    if (anyNotPlain(w) || hasByte(w, 0x7F)) return false;
  }
  return std::all_of(s.begin() + static_cast<std::ptrdiff_t>(i), s.end(),
                     [](char ch) { return ch >= 0x20 && ch < 0x7F && ch != '"' && ch != '\\'; });
}

// A JSON string literal as Json::dump() writes it. Printable ASCII without
// quotes or backslashes needs no escaping; anything else goes through
// nlohmann, which also rejects invalid UTF-8 as dump() does.
void appendQuoted(const std::string& s, std::string* out) {
  if (!printsAsItIs(s)) {
    *out += Json(s).dump();
    return;
  }
  out->push_back('"');
  out->append(s);
  out->push_back('"');
}

// Java's AbstractMap/AbstractCollection toString(): "{k=v, ...}", "[a, b]".
void appendJavaJoined(const Json& value, std::string* out) {
  bool object = value.is_object();
  *out += object ? '{' : '[';
  for (auto it = value.begin(); it != value.end(); ++it) {
    if (it != value.begin()) *out += ", ";
    if (object) *out += it.key(), *out += '=';
    appendJavaToString(*it, out);
  }
  *out += object ? '}' : ']';
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

void appendJavaToString(const Json& value, std::string* out) {
  if (value.is_string()) *out += value.get_ref<const std::string&>();
  else if (value.is_number_float()) *out += javaDoubleToString(value.get<double>());
  else if (value.is_structured()) appendJavaJoined(value, out);
  else appendPlainScalar(value, out);
}

std::string javaToString(const Json& value) {
  std::string out;
  appendJavaToString(value, &out);
  return out;
}

void appendJavaJsonDump(const Json& value, std::string* out) {
  if (value.is_string()) return appendQuoted(value.get_ref<const std::string&>(), out);
  if (value.is_number_float()) return void(*out += javaDoubleToString(value.get<double>()));
  if (!value.is_structured()) return appendPlainScalar(value, out);
  // (the containers themselves: nlohmann's iterators cost more)
  char separator = 0;
  if (value.is_object()) {
    *out += '{';
    for (const auto& [key, member] : value.get_ref<const Json::object_t&>()) {
      if (separator) *out += separator;
      separator = ',';
      appendQuoted(key, out);
      *out += ':';
      appendJavaJsonDump(member, out);
    }
    *out += '}';
    return;
  }
  *out += '[';
  for (const Json& item : value.get_ref<const Json::array_t&>()) {
    if (separator) *out += separator;
    separator = ',';
    appendJavaJsonDump(item, out);
  }
  *out += ']';
}

std::string javaJsonDump(const Json& value) {
  // Printed into a buffer the thread keeps, then copied out at its exact
  // size: no regrowth while printing, and no slack kept by the result.
  thread_local std::string scratch;
  scratch.clear();
  appendJavaJsonDump(value, &scratch);
  return scratch;
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
