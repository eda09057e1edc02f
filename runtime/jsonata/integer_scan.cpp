// Reading integers written in an integer picture's notation (the inverse of
// formatIntegerWith), for $parseInteger and date/time parsing.
#include <cmath>
#include <map>

#include "format_integer.h"
#include "utf8.h"

namespace aslrt::jsonata {

namespace {

const std::map<std::string, double>& wordValues() {
  static const std::map<std::string, double> values = [] {
    std::map<std::string, double> m;
    const char* few[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                         "eighteen", "nineteen"};
    const char* ord[] = {"zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                         "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
                         "sixteenth", "seventeenth", "eighteenth", "nineteenth"};
    for (int i = 0; i < 20; ++i) m[few[i]] = m[ord[i]] = i;
    const char* decades[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    for (int i = 0; i < 8; ++i) {
      std::string d = decades[i];
      m[d] = m[d.substr(0, d.size() - 1) + "ieth"] = (i + 2) * 10;
    }
    m["hundred"] = m["hundredth"] = 100;
    const char* mags[] = {"thousand", "million", "billion", "trillion"};
    for (int i = 0; i < 4; ++i) m[mags[i]] = m[std::string(mags[i]) + "th"] = std::pow(10, (i + 1) * 3);
    return m;
  }();
  return values;
}

double wordsToNumber(const std::vector<double>& values) {
  std::vector<double> segs{0};
  for (double v : values) {
    if (v < 100) {
      double top = segs.back();
      segs.pop_back();
      if (top >= 1000) {
        segs.push_back(top);
        top = 0;
      }
      segs.push_back(top + v);
    } else {
      segs.back() *= v;
    }
  }
  double sum = 0;
  for (double s : segs) sum += s;
  return sum;
}

std::optional<double> scanWords(const std::string& text, size_t& pos) {
  std::vector<double> values;
  size_t i = pos, end = pos;
  while (i < text.size()) {
    size_t j = i;
    while (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j]))) ++j;
    std::string word = text.substr(i, j - i);
    for (auto& c : word) c = char(std::tolower(static_cast<unsigned char>(c)));
    auto it = wordValues().find(word);
    if (j > i && it != wordValues().end()) {
      values.push_back(it->second);
      end = i = j;
      continue;
    }
    if (word == "and" || (j == i && (text[i] == ' ' || text[i] == '-' || text[i] == ','))) {
      i = j > i ? j : i + 1;
      continue;
    }
    break;
  }
  if (values.empty()) return std::nullopt;
  pos = end;
  return wordsToNumber(values);
}

std::optional<double> scanRoman(const std::string& text, size_t& pos) {
  static const std::map<char, int> values = {{'m', 1000}, {'d', 500}, {'c', 100}, {'l', 50},
                                             {'x', 10},   {'v', 5},   {'i', 1}};
  size_t end = pos;
  while (end < text.size() && values.count(char(std::tolower(static_cast<unsigned char>(text[end]))))) ++end;
  double decimal = 0;
  int max = 1;
  for (size_t i = end; i-- > pos;) {
    int v = values.at(char(std::tolower(static_cast<unsigned char>(text[i]))));
    if (v < max) {
      decimal -= v;
    } else {
      max = v;
      decimal += v;
    }
  }
  pos = end;
  return decimal;
}

std::optional<double> scanLetters(const std::string& text, size_t& pos, bool upperCase) {
  char a = upperCase ? 'A' : 'a';
  size_t end = pos;
  while (end < text.size() && text[end] >= a && text[end] < a + 26) ++end;
  if (end == pos) return std::nullopt;
  double v = 0;
  for (size_t i = pos; i < end; ++i) v = v * 26 + (text[i] - a + 1);
  pos = end;
  return v;
}

std::optional<double> scanDecimal(const std::string& text, size_t& pos, const IntegerFormat& f, size_t maxDigits) {
  std::vector<uint32_t> cps = decodeUtf8(text.substr(pos));
  std::string digits;
  size_t used = 0;
  for (size_t i = 0; i < cps.size(); ++i) {
    uint32_t cp = cps[i];
    if (cp >= f.zeroCode && cp <= f.zeroCode + 9) {
      if (digits.size() >= maxDigits) break;
      digits += char('0' + (cp - f.zeroCode));
      used = i + 1;
      continue;
    }
    std::string ch;
    appendUtf8(ch, cp);
    bool isSep = false;
    for (auto& s : f.separators) isSep |= s.character == ch;
    bool nextIsDigit = i + 1 < cps.size() && cps[i + 1] >= f.zeroCode && cps[i + 1] <= f.zeroCode + 9;
    if (!isSep || digits.empty() || !nextIsDigit) break;
  }
  if (digits.empty()) return std::nullopt;
  pos += encodeUtf8(cps, 0, used).size();
  if (f.ordinal && pos + 2 <= text.size()) {
    std::string suffix = text.substr(pos, 2);
    if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") pos += 2;
  }
  return std::stod(digits);
}

}  // namespace

std::optional<double> scanInteger(const std::string& text, size_t& pos, const IntegerFormat& f, size_t maxDigits) {
  using P = IntegerFormat::Primary;
  switch (f.primary) {
    case P::Letters: return scanLetters(text, pos, f.textCase == IntegerFormat::Case::Upper);
    case P::Roman: return scanRoman(text, pos);
    case P::Words: return scanWords(text, pos);
    case P::Decimal: return scanDecimal(text, pos, f, maxDigits);
    case P::Sequence: break;
  }
  return std::nullopt;
}

}  // namespace aslrt::jsonata
