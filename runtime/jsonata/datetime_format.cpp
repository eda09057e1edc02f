// Date/time picture analysis and formatting (XPath format-dateTime rules as
// jsonata-js implements them).
#include <cmath>
#include <cstdlib>
#include <map>

#include "datetime.h"
#include "errors.h"
#include "format_value.h"

namespace aslrt::jsonata {

namespace {

const std::map<char, std::string>& defaultPresentation() {
  static const std::map<char, std::string> m = {
      {'Y', "1"}, {'M', "1"}, {'D', "1"}, {'d', "1"}, {'F', "n"}, {'W', "1"}, {'w', "1"}, {'X', "1"}, {'x', "1"},
      {'H', "1"}, {'h', "1"}, {'P', "n"}, {'m', "01"}, {'s', "01"}, {'f', "1"}, {'Z', "01:01"}, {'z', "01:01"},
      {'C', "n"}, {'E', "n"}};
  return m;
}

void addLiteral(std::vector<PicturePart>& parts, const std::string& text) {
  if (text.empty()) return;
  std::string lit;
  for (size_t i = 0; i < text.size(); ++i) {
    lit += text[i];
    if (text[i] == ']' && i + 1 < text.size() && text[i + 1] == ']') ++i;
  }
  PicturePart p;
  p.text = lit;
  parts.push_back(p);
}

void parseWidth(const std::string& w, PicturePart& p) {
  size_t dash = w.find('-');
  std::string min = dash == std::string::npos ? w : w.substr(0, dash);
  std::string max = dash == std::string::npos ? "" : w.substr(dash + 1);
  if (!min.empty() && min != "*") p.widthMin = std::atoi(min.c_str());
  if (!max.empty() && max != "*") p.widthMax = std::atoi(max.c_str());
}

void analyseMarker(std::string marker, PicturePart& p) {
  std::string compact;
  for (char c : marker)
    if (!std::isspace(static_cast<unsigned char>(c))) compact += c;
  p.literal = false;
  p.component = compact.empty() ? 0 : compact[0];
  size_t comma = compact.rfind(',');
  std::string pres = compact.size() > 1 ? compact.substr(1, comma == std::string::npos ? std::string::npos : comma - 1) : "";
  if (comma != std::string::npos) parseWidth(compact.substr(comma + 1), p);
  if (pres.size() > 1 && std::string("atco").find(pres.back()) != std::string::npos) {
    p.presentation2 = pres.substr(pres.size() - 1);
    pres.pop_back();
  }
  if (pres.empty()) {
    auto it = defaultPresentation().find(p.component);
    if (it == defaultPresentation().end()) throw JsonataError("D3132").val(std::string(1, p.component));
    pres = it->second;
  }
  p.presentation1 = pres;
  if (pres[0] == 'n') p.names = PicturePart::Names::Lower;
  else if (pres[0] == 'N') p.names = pres.size() > 1 && pres[1] == 'n' ? PicturePart::Names::Title : PicturePart::Names::Upper;
  if (std::string("YMDdFWwXxHhmsf").find(p.component) != std::string::npos) {
    std::string picture = pres + (p.presentation2.empty() ? "" : ";" + p.presentation2);
    if (p.names == PicturePart::Names::None) p.integerFormat = analyseIntegerPicture(picture);
    if (p.widthMin > p.integerFormat.mandatoryDigits) p.integerFormat.mandatoryDigits = p.widthMin;
    if (p.component == 'Y') {
      if (p.widthMax >= 0) {
        p.yearDigits = p.widthMax;
        p.integerFormat.mandatoryDigits = p.widthMax;
      } else {
        int w = p.integerFormat.mandatoryDigits + p.integerFormat.optionalDigits;
        if (w >= 2) p.yearDigits = w;
      }
    }
  }
  if (p.component == 'Z' || p.component == 'z') p.integerFormat = analyseIntegerPicture(pres);
}

std::string applyCase(std::string s, PicturePart::Names names) {
  for (auto& c : s) {
    if (names == PicturePart::Names::Upper) c = char(std::toupper(static_cast<unsigned char>(c)));
    if (names == PicturePart::Names::Lower) c = char(std::tolower(static_cast<unsigned char>(c)));
  }
  return s;
}

std::string formatTimezone(const PicturePart& p, int offsetHours, int offsetMinutes) {
  int offset = offsetHours * 100 + offsetMinutes;
  std::string out;
  if (p.integerFormat.regular) {
    out = formatIntegerWith(offset, p.integerFormat);
  } else {
    int digits = p.integerFormat.mandatoryDigits;
    if (digits == 1 || digits == 2) {
      out = formatIntegerWith(offsetHours, p.integerFormat);
      if (offsetMinutes != 0) out += ":" + formatIntegerWith(offsetMinutes, analyseIntegerPicture("00"));
    } else if (digits == 3 || digits == 4) {
      out = formatIntegerWith(offset, p.integerFormat);
    } else {
      throw JsonataError("D3134").val(std::to_string(digits));
    }
  }
  if (offset >= 0) out = "+" + out;
  if (p.component == 'z') out = "GMT" + out;
  if (offset == 0 && p.presentation2 == "t") out = "Z";
  return out;
}

std::string formatComponent(double millis, const PicturePart& p, int offH, int offM) {
  char c = p.component;
  if (c == 'Z' || c == 'z') return formatTimezone(p, offH, offM);
  if (c == 'C' || c == 'E') return "ISO";
  if (c == 'P') {
    std::string ampm = dateComponent(millis, 'P') ? "pm" : "am";
    return p.names == PicturePart::Names::Upper ? applyCase(ampm, p.names) : ampm;
  }
  long value = dateComponent(millis, c);
  if (c == 'Y' && p.yearDigits != -1) value = value % long(std::pow(10, p.yearDigits));
  if (p.names == PicturePart::Names::None || c == 'f') return formatIntegerWith(double(value), p.integerFormat);
  std::string name;
  if (c == 'M' || c == 'x') name = kMonthNames[value - 1];
  else if (c == 'F') name = kDayNames[value];
  else throw JsonataError("D3133").val(std::string(1, c));
  name = applyCase(name, p.names);
  if (p.widthMax >= 0 && long(name.size()) > p.widthMax) name = name.substr(0, size_t(p.widthMax));
  return name;
}

}  // namespace

std::vector<PicturePart> analyseDateTimePicture(const std::string& picture) {
  std::vector<PicturePart> parts;
  size_t start = 0, pos = 0;
  while (pos < picture.size()) {
    if (picture[pos] != '[') {
      ++pos;
      continue;
    }
    if (pos + 1 < picture.size() && picture[pos + 1] == '[') {
      addLiteral(parts, picture.substr(start, pos - start));
      addLiteral(parts, "[");
      pos += 2;
      start = pos;
      continue;
    }
    addLiteral(parts, picture.substr(start, pos - start));
    size_t close = picture.find(']', pos);
    if (close == std::string::npos) throw JsonataError("D3135");
    PicturePart p;
    analyseMarker(picture.substr(pos + 1, close - pos - 1), p);
    parts.push_back(p);
    pos = close + 1;
    start = pos;
  }
  addLiteral(parts, picture.substr(start));
  return parts;
}

std::string formatDateTime(double millis, const std::string* picture, const std::string* timezone) {
  int offH = 0, offM = 0;
  if (timezone && !timezone->empty()) {
    int offset = std::atoi(timezone->c_str());
    offH = int(std::floor(offset / 100.0));
    offM = offset % 100;
  }
  static const std::vector<PicturePart> iso =
      analyseDateTimePicture("[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f001][Z01:01t]");
  std::vector<PicturePart> parts = picture ? analyseDateTimePicture(*picture) : iso;
  double shifted = millis + (60.0 * offH + offM) * 60000.0;
  std::string out;
  for (auto& p : parts) out += p.literal ? p.text : formatComponent(shifted, p, offH, offM);
  return out;
}

}  // namespace aslrt::jsonata
