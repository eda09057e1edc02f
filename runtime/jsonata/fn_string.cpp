// String functions: $string, $substring*, case, $length, $trim, $pad, $join.
#include <cmath>

#include "case_mapping.h"
#include "errors.h"
#include "format_value.h"
#include "functions.h"
#include "utf8.h"

namespace aslrt::jsonata {

namespace {

// JS Array.prototype.slice index normalisation over code points.
size_t sliceIndex(double i, size_t len) {
  if (std::isnan(i)) return 0;
  double t = std::trunc(i);
  if (t < 0) t = std::max(0.0, double(len) + t);
  return static_cast<size_t>(std::min(t, double(len)));
}

Value substring(std::vector<Value>& a) {
  if (a[0].isUndefined()) return Value();
  std::vector<uint32_t> cps = decodeUtf8(a[0].s());
  double len = double(cps.size());
  double start = a[1].n();
  if (len + start < 0) start = 0;
  if (!argAt(a, 2).isUndefined()) {
    double length = a[2].n();
    if (length <= 0) return Value::string("");
    double end = start >= 0 ? start + length : len + start + length;
    size_t s = sliceIndex(start, cps.size()), e = sliceIndex(end, cps.size());
    return Value::string(s < e ? encodeUtf8(cps, s, e) : "");
  }
  return Value::string(encodeUtf8(cps, sliceIndex(start, cps.size())));
}

Value withCase(const Value& v, bool upper) {
  if (v.isUndefined()) return v;
  return Value::string(encodeUtf8(changeCase(decodeUtf8(v.s()), upper)));
}

Value trim(const Value& v) {
  if (v.isUndefined()) return v;
  std::string out;
  for (char c : v.s()) {
    bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (!ws) out += c;
    else if (out.empty() || out.back() != ' ') out += ' ';
  }
  if (!out.empty() && out.front() == ' ') out.erase(0, 1);
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return Value::string(out);
}

Value pad(std::vector<Value>& a) {
  if (a[0].isUndefined()) return Value();
  std::string ch = argAt(a, 2).isUndefined() || a[2].s().empty() ? " " : a[2].s();
  double width = std::trunc(a[1].n());
  double padLength = std::fabs(width) - double(utf8Length(a[0].s()));
  if (!(padLength > 0)) return a[0];
  // jsonata-js cannot make a longer string either (V8's limit); past it a
  // width is out of range instead of hours of padding.
  constexpr double kMaxStringLength = 536870888;
  if (padLength > kMaxStringLength) throw JsonataError("D1001").val(formatNumber(width));
  std::vector<uint32_t> chCps = decodeUtf8(ch);
  size_t count = static_cast<size_t>(padLength);
  std::string unit = encodeUtf8(chCps), p;
  for (size_t i = 0; i < count / chCps.size(); ++i) p += unit;  // whole repeats of ch, then its first characters
  p += encodeUtf8(std::vector<uint32_t>(chCps.begin(), chCps.begin() + static_cast<std::ptrdiff_t>(count % chCps.size())));
  return Value::string(width > 0 ? a[0].s() + p : p + a[0].s());
}

Value join(std::vector<Value>& a) {
  if (a[0].isUndefined()) return Value();
  std::string sep = argAt(a, 1).isUndefined() ? "" : a[1].s();
  std::string out;
  bool first = true;
  for (auto& s : a[0].arr().items) {
    if (!first) out += sep;
    first = false;
    out += s.s();
  }
  return Value::string(out);
}

}  // namespace

void registerStringFunctions(Registry& r) {
  addNative(r, "string", "<x-b?:s>", 1, [](Evaluator&, std::vector<Value>& a) {
    if (a[0].isUndefined()) return Value();
    return Value::string(stringify(a[0], truthy(argAt(a, 1))));
  });
  addNative(r, "substring", "<s-nn?:s>", 3, [](Evaluator&, std::vector<Value>& a) { return substring(a); });
  addNative(r, "substringBefore", "<s-s:s>", 2, [](Evaluator&, std::vector<Value>& a) {
    if (a[0].isUndefined()) return Value();
    if (a[1].isUndefined()) return a[0];
    size_t pos = a[0].s().find(a[1].s());
    return pos == std::string::npos ? a[0] : Value::string(a[0].s().substr(0, pos));
  });
  addNative(r, "substringAfter", "<s-s:s>", 2, [](Evaluator&, std::vector<Value>& a) {
    if (a[0].isUndefined()) return Value();
    if (a[1].isUndefined()) return a[0];
    size_t pos = a[0].s().find(a[1].s());
    return pos == std::string::npos ? a[0] : Value::string(a[0].s().substr(pos + a[1].s().size()));
  });
  addNative(r, "lowercase", "<s-:s>", 1, [](Evaluator&, std::vector<Value>& a) { return withCase(a[0], false); });
  addNative(r, "uppercase", "<s-:s>", 1, [](Evaluator&, std::vector<Value>& a) { return withCase(a[0], true); });
  addNative(r, "length", "<s-:n>", 1, [](Evaluator&, std::vector<Value>& a) {
    if (a[0].isUndefined()) return Value();
    return Value::number(double(utf8Length(a[0].s())));
  });
  addNative(r, "trim", "<s-:s>", 1, [](Evaluator&, std::vector<Value>& a) { return trim(a[0]); });
  addNative(r, "pad", "<s-ns?:s>", 3, [](Evaluator&, std::vector<Value>& a) { return pad(a); });
  addNative(r, "join", "<a<s>s?:s>", 2, [](Evaluator&, std::vector<Value>& a) { return join(a); });
}

}  // namespace aslrt::jsonata
