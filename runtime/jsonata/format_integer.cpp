// Integer picture analysis, formatting and parsing (see format_integer.h).
#include "format_integer.h"

#include <cmath>
#include <map>
#include <numeric>

#include "errors.h"
#include "format_value.h"
#include "functions.h"
#include "utf8.h"

namespace aslrt::jsonata {

namespace {

const uint32_t kDecimalGroups[] = {0x30, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6,
                                   0x0C66, 0x0CE6, 0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0,
                                   0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620,
                                   0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10};

const char* kFew[] = {"Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
                      "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen",
                      "Nineteen"};
const char* kOrdinals[] = {"Zeroth", "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth",
                           "Ninth", "Tenth", "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth",
                           "Sixteenth", "Seventeenth", "Eighteenth", "Nineteenth"};
const char* kDecades[] = {"Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety", "Hundred"};
const char* kMagnitudes[] = {"Thousand", "Million", "Billion", "Trillion"};

std::optional<uint32_t> digitGroup(uint32_t cp) {
  for (uint32_t g : kDecimalGroups)
    if (cp >= g && cp <= g + 9) return g;
  return std::nullopt;
}

// Positions of the separators are regular if they are multiples of one interval.
int regularRepeat(const std::vector<IntegerFormat::Separator>& seps) {
  if (seps.empty()) return 0;
  for (auto& s : seps)
    if (s.character != seps[0].character) return 0;
  int factor = 0;
  for (auto& s : seps) factor = std::gcd(factor, s.position);
  for (int i = 1; i <= int(seps.size()); ++i) {
    bool found = false;
    for (auto& s : seps) found |= s.position == i * factor;
    if (!found) return 0;
  }
  return factor;
}

void analyseDecimal(const std::string& primary, IntegerFormat& f) {
  std::optional<uint32_t> zero;
  int separatorPosition = 0;
  std::vector<uint32_t> cps = decodeUtf8(primary);
  for (auto it = cps.rbegin(); it != cps.rend(); ++it) {
    if (auto g = digitGroup(*it)) {
      if (zero && *zero != *g) throw JsonataError("D3131");
      zero = *g;
      ++f.mandatoryDigits;
      ++separatorPosition;
    } else if (*it == '#') {
      ++separatorPosition;
      ++f.optionalDigits;
    } else {
      std::string ch;
      appendUtf8(ch, *it);
      f.separators.push_back({separatorPosition, ch});
    }
  }
  if (f.mandatoryDigits == 0) {
    f.primary = IntegerFormat::Primary::Sequence;
    f.token = primary;
    return;
  }
  f.zeroCode = *zero;
  f.regularInterval = regularRepeat(f.separators);
  f.regular = f.regularInterval > 0;
}

std::string toLetters(double value, char a) {
  std::string out;
  long v = long(value);
  while (v > 0) {
    out.insert(out.begin(), char((v - 1) % 26 + a));
    v = (v - 1) / 26;
  }
  return out;
}

std::string toRoman(double value) {
  static const std::pair<int, const char*> table[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
                                                      {90, "xc"},  {50, "l"},   {40, "xl"},  {10, "x"},   {9, "ix"},
                                                      {5, "v"},    {4, "iv"},   {1, "i"}};
  std::string out;
  long v = long(value);
  for (auto& [n, s] : table)
    while (v >= n) {
      out += s;
      v -= n;
    }
  return out;
}

std::string wordsLookup(double num, bool prev, bool ord) {
  std::string words;
  if (num <= 19) return (prev ? " and " : "") + std::string(ord ? kOrdinals[int(num)] : kFew[int(num)]);
  if (num < 100) {
    int tens = int(num) / 10, rem = int(num) % 10;
    words = (prev ? " and " : "") + std::string(kDecades[tens - 2]);
    if (rem > 0) return words + "-" + wordsLookup(rem, false, ord);
    if (ord) words = words.substr(0, words.size() - 1) + "ieth";
    return words;
  }
  if (num < 1000) {
    int hundreds = int(num) / 100, rem = int(num) % 100;
    words = (prev ? ", " : "") + std::string(kFew[hundreds]) + " Hundred";
    if (rem > 0) return words + wordsLookup(rem, true, ord);
    return ord ? words + "th" : words;
  }
  int mag = int(std::floor(std::log10(num) / 3));
  if (mag > 4) mag = 4;
  double factor = std::pow(10, mag * 3);
  double mant = std::floor(num / factor);
  double rem = num - mant * factor;
  words = (prev ? ", " : "") + wordsLookup(mant, false, false) + " " + kMagnitudes[mag - 1];
  if (rem > 0) return words + wordsLookup(rem, true, ord);
  return ord ? words + "th" : words;
}

std::string lower(std::string s) {
  for (auto& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}
std::string upper(std::string s) {
  for (auto& c : s) c = char(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string formatDecimal(double value, const IntegerFormat& f) {
  std::string digits = formatNumber(value);
  int pad = f.mandatoryDigits - int(digits.size());
  if (pad > 0) digits = std::string(size_t(pad), '0') + digits;
  std::vector<std::string> chars;
  for (char c : digits) {
    std::string ch;
    appendUtf8(ch, uint32_t(c) - 0x30 + f.zeroCode);
    chars.push_back(std::isdigit(static_cast<unsigned char>(c)) ? ch : std::string(1, c));
  }
  if (f.regular) {
    int n = (int(chars.size()) - 1) / f.regularInterval;
    for (int i = n; i > 0; --i)
      chars.insert(chars.end() - i * f.regularInterval, f.separators[0].character);
  } else {
    for (auto it = f.separators.rbegin(); it != f.separators.rend(); ++it) {
      auto& s = *it;
      long pos = long(chars.size()) - s.position;
      if (pos >= 0) chars.insert(chars.begin() + pos, s.character);
    }
  }
  std::string out;
  for (auto& c : chars) out += c;
  if (f.ordinal) {
    char last = digits.back();
    bool teen = digits.size() > 1 && digits[digits.size() - 2] == '1';
    out += teen || last < '1' || last > '3' ? "th" : last == '1' ? "st" : last == '2' ? "nd" : "rd";
  }
  return out;
}

}  // namespace

std::string numberToWords(double value, bool ordinal) { return wordsLookup(value, false, ordinal); }

IntegerFormat analyseIntegerPicture(const std::string& picture) {
  IntegerFormat f;
  std::string primary = picture;
  size_t semi = picture.rfind(';');
  if (semi != std::string::npos) {
    primary = picture.substr(0, semi);
    if (semi + 1 < picture.size() && picture[semi + 1] == 'o') f.ordinal = true;
  }
  using P = IntegerFormat::Primary;
  using C = IntegerFormat::Case;
  if (primary == "A" || primary == "a") {
    f.primary = P::Letters;
    f.textCase = primary == "A" ? C::Upper : C::Lower;
  } else if (primary == "I" || primary == "i") {
    f.primary = P::Roman;
    f.textCase = primary == "I" ? C::Upper : C::Lower;
  } else if (primary == "W" || primary == "w" || primary == "Ww") {
    f.primary = P::Words;
    f.textCase = primary == "W" ? C::Upper : primary == "w" ? C::Lower : C::Title;
  } else {
    analyseDecimal(primary, f);
  }
  return f;
}

std::string formatIntegerWith(double value, IntegerFormat f) {
  bool negative = value < 0;
  value = std::fabs(value);
  std::string out;
  using P = IntegerFormat::Primary;
  switch (f.primary) {
    case P::Letters: out = toLetters(value, f.textCase == IntegerFormat::Case::Upper ? 'A' : 'a'); break;
    case P::Roman: out = toRoman(value); break;
    case P::Words: out = numberToWords(value, f.ordinal); break;
    case P::Decimal: out = formatDecimal(value, f); break;
    case P::Sequence: throw JsonataError("D3130").val(f.token);
  }
  if (f.primary == P::Roman && f.textCase == IntegerFormat::Case::Upper) out = upper(out);
  if (f.primary == P::Words) out = f.textCase == IntegerFormat::Case::Upper ? upper(out)
                                   : f.textCase == IntegerFormat::Case::Lower ? lower(out) : out;
  return negative ? "-" + out : out;
}

void registerIntegerFormatFunctions(Registry& r) {
  addNative(r, "formatInteger", "<n-s:s>", 2, [](Evaluator&, std::vector<Value>& a) {
    if (a[0].isUndefined()) return Value();
    return Value::string(formatIntegerWith(std::floor(a[0].n()), analyseIntegerPicture(requiredString(a, 1, "formatInteger"))));
  });
  addNative(r, "parseInteger", "<s-s:n>", 2, [](Evaluator&, std::vector<Value>& a) {
    if (a[0].isUndefined()) return Value();
    IntegerFormat f = analyseIntegerPicture(requiredString(a, 1, "parseInteger"));
    if (f.primary == IntegerFormat::Primary::Sequence) throw JsonataError("D3130").val(f.token);
    size_t pos = 0;
    auto v = scanInteger(a[0].s(), pos, f);
    return v ? Value::number(*v) : Value();
  });
}

}  // namespace aslrt::jsonata
