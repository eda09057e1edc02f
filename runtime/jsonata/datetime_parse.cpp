// Parsing timestamps: against a date/time picture ($toMillis(s, picture)) and
// plain ISO 8601 ($toMillis(s)).
#include <cmath>
#include <map>
#include <regex>

#include "datetime.h"
#include "errors.h"

namespace aslrt::jsonata {

namespace {

bool startsWithNoCase(const std::string& text, size_t pos, const std::string& word) {
  if (word.empty() || pos + word.size() > text.size()) return false;
  for (size_t i = 0; i < word.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[pos + i])) != std::tolower(static_cast<unsigned char>(word[i])))
      return false;
  return true;
}

std::optional<long> scanName(const std::string& text, size_t& pos, const PicturePart& p) {
  bool months = p.component == 'M' || p.component == 'x';
  int count = months ? 12 : 7;
  size_t bestLen = 0;
  long best = -1;
  for (int i = 0; i < count; ++i) {
    std::string name = months ? kMonthNames[i] : kDayNames[i + 1];
    if (p.widthMax >= 0 && long(name.size()) > p.widthMax) name = name.substr(0, size_t(p.widthMax));
    if (startsWithNoCase(text, pos, name) && name.size() > bestLen) {
      bestLen = name.size();
      best = months ? i + 1 : i + 1;
    }
  }
  if (best < 0) return std::nullopt;
  pos += bestLen;
  return best;
}

std::optional<long> scanTimezone(const std::string& text, size_t& pos, const PicturePart& p) {
  if (p.component == 'z') {
    if (!startsWithNoCase(text, pos, "GMT")) return std::nullopt;
    pos += 3;
  }
  if (pos < text.size() && (text[pos] == 'Z' || text[pos] == 'z')) {
    ++pos;
    return 0;
  }
  if (pos >= text.size() || (text[pos] != '+' && text[pos] != '-')) return std::nullopt;
  int sign = text[pos++] == '-' ? -1 : 1;
  std::string digits;
  while (pos < text.size() && (std::isdigit(static_cast<unsigned char>(text[pos])) || text[pos] == ':')) {
    if (text[pos] != ':') digits += text[pos];
    ++pos;
  }
  if (digits.empty()) return std::nullopt;
  long hours = digits.size() <= 2 ? std::stol(digits) : std::stol(digits.substr(0, digits.size() - 2));
  long minutes = digits.size() <= 2 ? 0 : std::stol(digits.substr(digits.size() - 2));
  return sign * (hours * 60 + minutes);
}

std::optional<long> scanComponent(const std::string& text, size_t& pos, const PicturePart& p, bool adjacent) {
  if (p.component == 'Z' || p.component == 'z') return scanTimezone(text, pos, p);
  if (p.component == 'P') {
    if (startsWithNoCase(text, pos, "am") || startsWithNoCase(text, pos, "pm")) {
      long v = std::tolower(static_cast<unsigned char>(text[pos])) == 'p';
      pos += 2;
      return v;
    }
    return std::nullopt;
  }
  if (p.names != PicturePart::Names::None && p.component != 'f') {
    if (p.component != 'M' && p.component != 'x' && p.component != 'F')
      throw JsonataError("D3133").val(std::string(1, p.component));
    return scanName(text, pos, p);
  }
  // a component directly followed by another is read at its fixed width
  size_t maxDigits = adjacent && p.integerFormat.mandatoryDigits > 0 ? size_t(p.integerFormat.mandatoryDigits) : SIZE_MAX;
  auto v = scanInteger(text, pos, p.integerFormat, maxDigits);
  if (!v) return std::nullopt;
  return long(*v);
}

// jsonata-js accepts one date combination and one time combination:
// {Y,M,D} | {Y,d} | {X,x,w,F} | {X,W,F} and {H,m,s,f} | {P,h,m,s,f}.
bool subsetOf(const std::map<char, long>& c, const std::string& all, const std::string& allowed) {
  bool any = false;
  for (char k : all) {
    if (!c.count(k)) continue;
    if (allowed.find(k) == std::string::npos) return false;
    any = true;
  }
  return any;
}

double jsDateUtc(long y, long m0, long d, long h, long mi, long s, long f) {
  if (y >= 0 && y <= 99) y += 1900;  // JS Date.UTC two-digit year rule
  return millisFromCivil(y, int(m0), int(d), int(h), int(mi), int(s), int(f));
}

}  // namespace

std::optional<double> parseDateTime(const std::string& text, const std::string& picture, double nowMillis) {
  std::vector<PicturePart> parts = analyseDateTimePicture(picture);
  std::map<char, long> c;
  size_t pos = 0;
  for (size_t i = 0; i < parts.size(); ++i) {
    const PicturePart& p = parts[i];
    if (p.literal) {
      if (!startsWithNoCase(text, pos, p.text)) return std::nullopt;
      pos += p.text.size();
      continue;
    }
    auto v = scanComponent(text, pos, p, i + 1 < parts.size() && !parts[i + 1].literal);
    if (!v) return std::nullopt;
    c[p.component] = *v;
  }
  if (pos != text.size() || c.empty()) return std::nullopt;
  bool dateA = subsetOf(c, "YXMxWwdD", "YMD");
  bool dateB = !dateA && subsetOf(c, "YXMxWwdD", "Yd");
  bool dateC = subsetOf(c, "YXMxWwdD", "XxwF");
  bool dateD = !dateC && subsetOf(c, "YXMxWwdD", "XWF");
  bool timeA = subsetOf(c, "PHhmsf", "Hmsf");
  bool timeB = !timeA && subsetOf(c, "PHhmsf", "Phmsf");
  std::string comps = std::string(dateB ? "Yd" : dateC ? "XxwF" : dateD ? "XWF" : "YMD") + (timeB ? "Phmsf" : "Hmsf");
  bool startSpecified = false, endSpecified = false;
  for (char k : comps) {
    if (c.count(k)) {
      startSpecified = true;
      if (endSpecified) throw JsonataError("D3136");
      continue;
    }
    if (startSpecified) {
      c[k] = std::string("MDd").find(k) != std::string::npos ? 1 : 0;
      endSpecified = true;
    } else {
      c[k] = dateComponent(nowMillis, k);
    }
  }
  long month0 = c['M'] > 0 ? c['M'] - 1 : 0;
  if (dateB) {
    CivilTime derived = civilFromMillis(jsDateUtc(c['Y'], 0, 1, 0, 0, 0, 0) + (c['d'] - 1) * 86400000.0);
    month0 = derived.month - 1;
    c['D'] = derived.day;
  }
  if (dateC || dateD) throw JsonataError("D3136");
  if (timeB) c['H'] = (c['h'] == 12 ? 0 : c['h']) + (c['P'] == 1 ? 12 : 0);
  double millis = jsDateUtc(c['Y'], month0, c['D'], c['H'], c['m'], c['s'], c['f']);
  long tz = c.count('Z') ? c['Z'] : c.count('z') ? c['z'] : 0;
  return millis - double(tz) * 60000.0;
}

std::optional<double> parseIso8601(const std::string& text) {
  static const std::regex shape(
      "^\\d{4}(-[01]\\d)*(-[0-3]\\d)*(T[0-2]\\d:[0-5]\\d:[0-5]\\d)*(\\.\\d+)?([+-][0-2]\\d:?[0-5]\\d|Z)?$");
  if (!std::regex_match(text, shape)) throw JsonataError("D3110").val(text);
  static const std::regex parts(
      "^(\\d{4})(?:-(\\d\\d))?(?:-(\\d\\d))?(?:T(\\d\\d):(\\d\\d):(\\d\\d))?(?:\\.(\\d+))?(Z|[+-]\\d\\d:?\\d\\d)?$");
  std::smatch m;
  if (!std::regex_match(text, m, parts)) return std::nullopt;
  auto num = [&](int i, long dflt) { return m[i].matched ? std::stol(m[i].str()) : dflt; };
  long month = num(2, 1), day = num(3, 1);
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  std::string frac = m[7].matched ? (m[7].str() + "00").substr(0, 3) : "0";
  double millis = millisFromCivil(num(1, 0), int(month - 1), int(day), int(num(4, 0)), int(num(5, 0)),
                                  int(num(6, 0)), std::stoi(frac));
  if (m[8].matched && m[8].str() != "Z") {
    std::string tz = m[8].str();
    int sign = tz[0] == '-' ? -1 : 1;
    std::string digits;
    for (char ch : tz.substr(1))
      if (ch != ':') digits += ch;
    millis -= sign * (std::stoi(digits.substr(0, 2)) * 60 + std::stoi(digits.substr(2))) * 60000.0;
  }
  return millis;
}

}  // namespace aslrt::jsonata
