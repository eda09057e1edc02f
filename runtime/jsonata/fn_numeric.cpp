// Numeric and aggregation functions: $number, $abs, $floor, $ceil, $round,
// $power, $sqrt, $random, $sum, $max, $min, $average.
#include <cmath>
#include <cstdlib>
#include <regex>

#include "errors.h"
#include "format_value.h"
#include "functions.h"

namespace aslrt::jsonata {

namespace {

Value toNumber(const Value& v) {
  if (v.isUndefined() || v.isNumber()) return v;
  if (v.isBool()) return Value::number(v.b() ? 1 : 0);
  if (v.isString()) {
    static const std::regex decimal("^-?[0-9]+(\\.[0-9]+)?([Ee][-+]?[0-9]+)?$");
    static const std::regex radix("^0([xX][0-9A-Fa-f]+|[oO][0-7]+|[bB][01]+)$");
    const std::string& s = v.s();
    if (std::regex_match(s, decimal)) {
      double d = std::strtod(s.c_str(), nullptr);
      if (std::isfinite(d)) return Value::number(d);
    }
    if (std::regex_match(s, radix)) {
      int base = (s[1] == 'x' || s[1] == 'X') ? 16 : (s[1] == 'o' || s[1] == 'O') ? 8 : 2;
      return Value::number(double(std::strtoull(s.c_str() + 2, nullptr, base)));
    }
  }
  throw JsonataError("D3030").val(stringify(v));
}

// JS string round trip of the decimal shift, as jsonata-js does it, so that
// e.g. 1.005 rounds on its decimal digits rather than its binary value.
double shiftDecimal(double x, int places) {
  std::string s = formatNumber(x);
  size_t e = s.find('e');
  int exp = places;
  if (e != std::string::npos) {
    exp += std::atoi(s.c_str() + e + 1);
    s = s.substr(0, e);
  }
  return std::strtod((s + "e" + std::to_string(exp)).c_str(), nullptr);
}

}  // namespace

double roundHalfEven(double x, int precision) {
  if (precision) x = shiftDecimal(x, precision);
  double r = std::floor(x + 0.5);
  if (std::fabs(r - x) == 0.5 && std::fabs(std::fmod(r, 2)) == 1) r -= 1;
  if (precision) r = shiftDecimal(r, -precision);
  if (r == 0) r = 0;  // no negative zero
  return r;
}

namespace {

Value round(std::vector<Value>& a) {
  if (a[0].isUndefined()) return Value();
  return Value::number(roundHalfEven(a[0].n(), argAt(a, 1).isUndefined() ? 0 : int(a[1].n())));
}

using Unary = double (*)(double);
void addUnary(Registry& r, const char* name, Unary f) {
  addNative(r, name, "<n-:n>", 1, [f](Evaluator&, std::vector<Value>& a) {
    return a[0].isUndefined() ? Value() : Value::number(f(a[0].n()));
  });
}

Value aggregate(const Value& arr, char op) {
  if (arr.isUndefined()) return Value();
  auto& items = arr.arr().items;
  if (items.empty()) return op == '+' ? Value::number(0) : Value();
  double acc = op == '+' || op == 'a' ? 0 : items[0].n();
  for (auto& v : items) {
    if (op == '+' || op == 'a') acc += v.n();
    else if (op == '>') acc = std::max(acc, v.n());
    else acc = std::min(acc, v.n());
  }
  if (op == 'a') acc /= double(items.size());
  return Value::number(acc);
}

}  // namespace

void registerNumericFunctions(Registry& r) {
  addNative(r, "number", "<(nsb)-:n>", 1, [](Evaluator&, std::vector<Value>& a) { return toNumber(a[0]); });
  addUnary(r, "abs", [](double x) { return std::fabs(x); });
  addUnary(r, "floor", [](double x) { return std::floor(x); });
  addUnary(r, "ceil", [](double x) { return std::ceil(x); });
  addNative(r, "sqrt", "<n-:n>", 1, [](Evaluator&, std::vector<Value>& a) {
    if (a[0].isUndefined()) return Value();
    if (a[0].n() < 0) throw JsonataError("D3060").val(formatNumber(a[0].n()));
    return Value::number(std::sqrt(a[0].n()));
  });
  addNative(r, "power", "<n-n:n>", 2, [](Evaluator&, std::vector<Value>& a) {
    if (a[0].isUndefined()) return Value();
    double p = std::pow(a[0].n(), a[1].n());
    if (!std::isfinite(p)) throw JsonataError("D3061");
    return Value::number(p);
  });
  addNative(r, "round", "<n-n?:n>", 2, [](Evaluator&, std::vector<Value>& a) { return round(a); });
  addNative(r, "random", "<:n>", 0, [](Evaluator& ev, std::vector<Value>&) {
    return Value::number(std::uniform_real_distribution<double>(0, 1)(ev.rng()));
  });
  addNative(r, "sum", "<a<n>:n>", 1, [](Evaluator&, std::vector<Value>& a) { return aggregate(a[0], '+'); });
  addNative(r, "max", "<a<n>:n>", 1, [](Evaluator&, std::vector<Value>& a) { return aggregate(a[0], '>'); });
  addNative(r, "min", "<a<n>:n>", 1, [](Evaluator&, std::vector<Value>& a) { return aggregate(a[0], '<'); });
  addNative(r, "average", "<a<n>:n>", 1, [](Evaluator&, std::vector<Value>& a) { return aggregate(a[0], 'a'); });
}

}  // namespace aslrt::jsonata
