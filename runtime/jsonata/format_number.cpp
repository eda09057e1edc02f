// $formatNumber (XPath format-number pictures, as jsonata-js 2.0.6 reads
// them) and $formatBase. Pictures are handled as code points.
#include <cmath>
#include <cstdio>
#include <algorithm>
#include <map>
#include <numeric>

#include "errors.h"
#include "format_value.h"
#include "functions.h"
#include "utf8.h"

namespace aslrt::jsonata {

namespace {

using U32 = std::u32string;

U32 toU32(const std::string& s) {
  U32 out;
  for (uint32_t c : decodeUtf8(s)) out += char32_t(c);
  return out;
}
std::string toUtf8(const U32& s) {
  std::string out;
  for (char32_t c : s) appendUtf8(out, c);
  return out;
}

struct Props {
  std::map<std::string, U32> p = {
      {"decimal-separator", U"."}, {"grouping-separator", U","}, {"exponent-separator", U"e"},
      {"infinity", U"Infinity"},   {"minus-sign", U"-"},         {"NaN", U"NaN"},
      {"percent", U"%"},           {"per-mille", U"\u2030"},     {"zero-digit", U"0"},
      {"digit", U"#"},             {"pattern-separator", U";"}};
  char32_t c(const char* name) const { return p.at(name).empty() ? 0 : p.at(name)[0]; }
  char32_t zero() const { return c("zero-digit"); }
  bool isDigit(char32_t ch) const { return ch >= zero() && ch <= zero() + 9; }
};

struct SubPicture {
  U32 prefix, suffix, integerPart, fractionalPart, exponentPart;
  bool hasExponent = false;
  std::vector<int> intGroups, fracGroups;
  int regularGrouping = 0, minInt = 0, minFrac = 0, maxFrac = 0, minExp = 0, scaling = 0;
  bool percent = false, permille = false;
};

size_t count(const U32& s, char32_t c) {
  size_t n = 0;
  for (char32_t x : s) n += x == c;
  return n;
}

bool isActive(const Props& pr, char32_t ch) {
  return pr.isDigit(ch) || ch == pr.c("decimal-separator") || ch == pr.c("exponent-separator") ||
         ch == pr.c("grouping-separator") || ch == pr.c("digit") || ch == pr.c("pattern-separator");
}

// Grouping separator positions, counted in digit characters (jsonata-js 2.0.6
// looks up every later separator in the integer part, even for fractions).
std::vector<int> groupingPositions(const Props& pr, const U32& part, const U32& integerPart, bool toLeft) {
  std::vector<int> positions;
  char32_t g = pr.c("grouping-separator");
  size_t pos = part.find(g);
  while (pos != U32::npos) {
    U32 side = toLeft ? part.substr(0, pos) : part.substr(pos);
    int n = 0;
    for (char32_t ch : side) n += pr.isDigit(ch) || ch == pr.c("digit");
    positions.push_back(n);
    pos = integerPart.find(g, pos + 1);
  }
  return positions;
}

int regularOf(const std::vector<int>& idx) {
  if (idx.empty()) return 0;
  int f = 0;
  for (int i : idx) f = std::gcd(f, i);
  for (int i = 1; i <= int(idx.size()); ++i)
    if (std::find(idx.begin(), idx.end(), i * f) == idx.end()) return 0;
  return f;
}

void validate(const Props& pr, const U32& sub, const SubPicture& s, const U32& active) {
  if (count(sub, pr.c("decimal-separator")) > 1) throw JsonataError("D3081");
  if (count(sub, pr.c("percent")) > 1) throw JsonataError("D3082");
  if (count(sub, pr.c("per-mille")) > 1) throw JsonataError("D3083");
  if (s.percent && s.permille) throw JsonataError("D3084");
  U32 mantissa = s.integerPart + s.fractionalPart;
  bool valid = false;
  for (char32_t ch : mantissa) valid |= pr.isDigit(ch) || ch == pr.c("digit");
  if (!valid) throw JsonataError("D3085");
  for (char32_t ch : active)
    if (!isActive(pr, ch)) throw JsonataError("D3086");
  char32_t g = pr.c("grouping-separator"), d = pr.c("decimal-separator");
  size_t dp = sub.find(d);
  if (dp != U32::npos && ((dp > 0 && sub[dp - 1] == g) || (dp + 1 < sub.size() && sub[dp + 1] == g)))
    throw JsonataError("D3087");
  if (!s.integerPart.empty() && s.integerPart.back() == g) throw JsonataError("D3088");
  for (size_t i = 0; i + 1 < sub.size(); ++i)
    if (sub[i] == g && sub[i + 1] == g) throw JsonataError("D3089");
  size_t firstDigit = U32::npos;
  for (size_t i = 0; i < s.integerPart.size(); ++i)
    if (pr.isDigit(s.integerPart[i]) && firstDigit == U32::npos) firstDigit = i;
  if (firstDigit != U32::npos && s.integerPart.find(pr.c("digit"), firstDigit) != U32::npos) throw JsonataError("D3090");
  size_t firstOptional = s.fractionalPart.find(pr.c("digit"));
  if (firstOptional != U32::npos)
    for (size_t i = firstOptional; i < s.fractionalPart.size(); ++i)
      if (pr.isDigit(s.fractionalPart[i])) throw JsonataError("D3091");
  if (s.hasExponent && (s.percent || s.permille)) throw JsonataError("D3092");
  if (s.hasExponent) {
    if (s.exponentPart.empty()) throw JsonataError("D3093");
    for (char32_t ch : s.exponentPart)
      if (!pr.isDigit(ch)) throw JsonataError("D3093");
  }
}

SubPicture analyse(const Props& pr, const U32& sub) {
  SubPicture s;
  size_t first = 0, last = sub.size();
  while (first < sub.size() && !isActive(pr, sub[first])) ++first;
  while (last > first && !isActive(pr, sub[last - 1])) --last;
  s.prefix = sub.substr(0, first);
  s.suffix = sub.substr(last);
  U32 active = sub.substr(first, last - first);
  s.percent = count(sub, pr.c("percent")) > 0;
  s.permille = count(sub, pr.c("per-mille")) > 0;
  U32 mantissa = active;
  size_t e = active.find(pr.c("exponent-separator"));
  if (e != U32::npos) {
    mantissa = active.substr(0, e);
    s.exponentPart = active.substr(e + 1);
    s.hasExponent = true;
  }
  size_t d = mantissa.find(pr.c("decimal-separator"));
  if (d == U32::npos) {
    s.integerPart = mantissa;
    s.fractionalPart = s.suffix;
  } else {
    s.integerPart = mantissa.substr(0, d);
    s.fractionalPart = mantissa.substr(d + 1);
  }
  validate(pr, sub, s, active);
  s.intGroups = groupingPositions(pr, s.integerPart, s.integerPart, false);
  s.regularGrouping = regularOf(s.intGroups);
  s.fracGroups = groupingPositions(pr, s.fractionalPart, s.integerPart, true);
  for (char32_t ch : s.integerPart) s.minInt += pr.isDigit(ch);
  s.scaling = s.minInt;
  for (char32_t ch : s.fractionalPart) {
    s.minFrac += pr.isDigit(ch);
    s.maxFrac += pr.isDigit(ch) || ch == pr.c("digit");
  }
  if (s.minInt == 0 && s.maxFrac == 0) {
    if (s.hasExponent) s.minFrac = s.maxFrac = 1;
    else s.minInt = 1;
  }
  if (s.hasExponent && s.minInt == 0 && s.integerPart.find(pr.c("digit")) != U32::npos) s.minInt = 1;
  if (s.minInt == 0 && s.minFrac == 0) s.minFrac = 1;
  for (char32_t ch : s.exponentPart) s.minExp += pr.isDigit(ch);
  return s;
}

U32 makeString(const Props& pr, double v, int dp) {
  char buf[512];
  std::snprintf(buf, sizeof buf, "%.*f", dp, std::fabs(v));
  U32 out;
  for (char* p = buf; *p; ++p) out += (*p >= '0' && *p <= '9') ? char32_t(pr.zero() + (*p - '0')) : char32_t(*p);
  return out;
}

U32 render(const Props& pr, const SubPicture& pic, double value) {
  double adjusted = value * (pic.percent ? 100 : pic.permille ? 1000 : 1);
  double mantissa = std::fabs(adjusted);  // the sign is written by the prefix
  int exponent = 0;
  if (pic.minExp != 0 && adjusted != 0) {
    double maxM = std::pow(10, pic.scaling), minM = std::pow(10, pic.scaling - 1);
    while (mantissa < minM) { mantissa *= 10; exponent -= 1; }
    while (mantissa > maxM) { mantissa /= 10; exponent += 1; }
  }
  U32 str = makeString(pr, roundHalfEven(mantissa, pic.maxFrac), pic.maxFrac);
  char32_t ds = pr.c("decimal-separator"), z = pr.zero();
  size_t dot = str.find(U'.');
  if (dot == U32::npos) str += ds;
  else str[dot] = ds;
  while (!str.empty() && str.front() == z) str.erase(0, 1);
  while (!str.empty() && str.back() == z) str.pop_back();
  long decimalPos = long(str.find(ds));
  long padLeft = pic.minInt - decimalPos;
  long padRight = pic.minFrac - (long(str.size()) - decimalPos - 1);
  if (padLeft > 0) str = U32(size_t(padLeft), z) + str;
  if (padRight > 0) str += U32(size_t(padRight), z);
  char32_t g = pr.c("grouping-separator");
  decimalPos = long(str.find(ds));
  if (pic.regularGrouping > 0) {
    long groups = (decimalPos - 1) / pic.regularGrouping;
    for (long k = 1; k <= groups; ++k) str.insert(size_t(decimalPos - k * pic.regularGrouping), 1, g);
  } else {
    for (int pos : pic.intGroups) {
      if (decimalPos - pos >= 0) str.insert(size_t(decimalPos - pos), 1, g);
      ++decimalPos;
    }
  }
  decimalPos = long(str.find(ds));
  for (int pos : pic.fracGroups)
    if (size_t(pos + decimalPos + 1) <= str.size()) str.insert(size_t(pos + decimalPos + 1), 1, g);
  decimalPos = long(str.find(ds));
  if (decimalPos == long(str.size()) - 1) str.pop_back();
  if (pic.minExp != 0) {
    U32 e = makeString(pr, exponent, 0);
    if (long(e.size()) < pic.minExp) e = U32(size_t(pic.minExp) - e.size(), z) + e;
    str += pr.p.at("exponent-separator") + (exponent < 0 ? pr.p.at("minus-sign") : U"") + e;
  }
  return pic.prefix + str + pic.suffix;
}

Value formatNumberFn(std::vector<Value>& a) {
  if (a[0].isUndefined()) return Value();
  Props pr;
  if (!argAt(a, 2).isUndefined())
    for (auto& [k, v] : a[2].obj().entries)
      if (v.isString()) pr.p[k] = toU32(v.s());
  double value = a[0].n();
  if (std::isnan(value)) return Value::string(toUtf8(pr.p["NaN"]));
  U32 picture = toU32(requiredString(a, 1, "formatNumber"));
  std::vector<U32> subs;
  size_t sep = picture.find(pr.c("pattern-separator"));
  subs.push_back(picture.substr(0, sep));
  if (sep != U32::npos) subs.push_back(picture.substr(sep + 1));
  if (subs.size() == 2 && subs[1].find(pr.c("pattern-separator")) != U32::npos) throw JsonataError("D3080");
  std::vector<SubPicture> pics;
  for (auto& s : subs) pics.push_back(analyse(pr, s));
  if (std::isinf(value)) return Value::string(toUtf8(pics[0].prefix + pr.p["infinity"] + pics[0].suffix));
  SubPicture pic = value >= 0 || pics.size() == 1 ? pics[0] : pics[1];
  if (value < 0 && pics.size() == 1) pic.prefix = pr.p["minus-sign"] + pic.prefix;
  return Value::string(toUtf8(render(pr, pic, value)));
}

Value formatBase(std::vector<Value>& a) {
  if (a[0].isUndefined()) return Value();
  double v = roundHalfEven(a[0].n(), 0);
  int radix = argAt(a, 1).isUndefined() ? 10 : int(a[1].n());
  if (radix < 2 || radix > 36) throw JsonataError("D3100").val(std::to_string(radix));
  bool neg = v < 0;
  double x = std::fabs(v);
  std::string out;
  do {
    int digit = int(std::fmod(x, radix));
    out.insert(out.begin(), "0123456789abcdefghijklmnopqrstuvwxyz"[digit]);
    x = std::floor(x / radix);
  } while (x > 0);
  return Value::string(neg ? "-" + out : out);
}

}  // namespace

void registerNumberFormatFunctions(Registry& r) {
  addNative(r, "formatNumber", "<n-so?:s>", 3, [](Evaluator&, std::vector<Value>& a) { return formatNumberFn(a); });
  addNative(r, "formatBase", "<n-n?:s>", 2, [](Evaluator&, std::vector<Value>& a) { return formatBase(a); });
}

}  // namespace aslrt::jsonata
