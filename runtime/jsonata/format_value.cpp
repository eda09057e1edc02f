// JS-compatible number-to-string and JSON.stringify.
#include "format_value.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "errors.h"

namespace aslrt::jsonata {

namespace {

// Shortest round-trip digits and decimal exponent of d (d finite, non-zero).
void shortestDigits(double d, std::string& digits, int& exponent) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string s(buf, res.ptr);
  size_t e = s.find('e');
  exponent = std::atoi(s.c_str() + e + 1);
  for (size_t i = 0; i < e; ++i)
    if (s[i] >= '0' && s[i] <= '9') digits += s[i];
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
}

}  // namespace

std::string formatNumber(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  if (d == 0) return "0";
  std::string sign = d < 0 ? "-" : "";
  std::string digits;
  int exp10 = 0;
  shortestDigits(std::fabs(d), digits, exp10);
  int k = static_cast<int>(digits.size());
  int n = exp10 + 1;  // position of the decimal point
  if (k <= n && n <= 21) return sign + digits + std::string(static_cast<size_t>(n - k), '0');
  if (0 < n && n <= 21) return sign + digits.substr(0, static_cast<size_t>(n)) + "." + digits.substr(static_cast<size_t>(n));
  if (-6 < n && n <= 0) return sign + "0." + std::string(static_cast<size_t>(-n), '0') + digits;
  std::string mant = digits.substr(0, 1);
  if (k > 1) mant += "." + digits.substr(1);
  int e = n - 1;
  return sign + mant + "e" + (e < 0 ? "-" : "+") + std::to_string(std::abs(e));
}

std::string quoteJson(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

namespace {

double toPrecision15(double d) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.14e", d);
  return std::strtod(buf, nullptr);
}

void writeJson(const Value& v, bool pretty, int indent, std::string& out) {
  std::string nl = pretty ? "\n" + std::string(static_cast<size_t>(indent + 2), ' ') : "";
  std::string close = pretty ? "\n" + std::string(static_cast<size_t>(indent), ' ') : "";
  switch (v.type()) {
    case Type::Undefined:
    case Type::Null: out += "null"; return;
    case Type::Bool: out += v.b() ? "true" : "false"; return;
    case Type::Number:
      if (!std::isfinite(v.n())) throw JsonataError("D1001").val(formatNumber(v.n()));
      out += formatNumber(toPrecision15(v.n()));
      return;
    case Type::String: out += quoteJson(v.s()); return;
    case Type::Function: out += "\"\""; return;
    case Type::Array: {
      if (v.arr().items.empty()) { out += "[]"; return; }
      checkValueStack();
      out += "[";
      bool first = true;
      for (auto& item : v.arr().items) {
        out += first ? nl : "," + nl;
        first = false;
        writeJson(item, pretty, indent + 2, out);
      }
      out += close + "]";
      return;
    }
    case Type::Object: {
      checkValueStack();
      bool first = true;
      out += "{";
      for (auto& [k, item] : v.obj().entries) {
        if (item.isUndefined()) continue;
        out += first ? nl : "," + nl;
        first = false;
        out += quoteJson(k) + (pretty ? ": " : ":");
        writeJson(item, pretty, indent + 2, out);
      }
      out += first ? "}" : close + "}";
      return;
    }
  }
}

}  // namespace

std::string stringify(const Value& v, bool pretty) {
  switch (v.type()) {
    case Type::Undefined: return "";
    case Type::String: return v.s();
    case Type::Function: return "";
    case Type::Number:
      if (!std::isfinite(v.n())) throw JsonataError("D3001");
      break;
    default: break;
  }
  const Value* target = &v;
  if (v.isArray() && v.arr().outerWrapper && !v.arr().items.empty()) target = &v.arr().items[0];
  std::string out;
  writeJson(*target, pretty, 0, out);
  return out;
}

}  // namespace aslrt::jsonata
