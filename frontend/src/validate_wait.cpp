// Wait states and RFC 3339 timestamps. AWS checks a literal Timestamp when
// the definition is created ("String does not match RFC3339 timestamp"), so a
// bad date is a compile-time error here too.
#include <cctype>

#include "aslc/frontend/validate.h"

namespace aslc::validate_detail {
namespace {

bool digits(std::string_view t, size_t at, size_t n, int* value) {
  if (at + n > t.size()) return false;
  int v = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(t[i]))) return false;
    v = v * 10 + (t[i] - '0');
  }
  *value = v;
  return true;
}

int daysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool validDate(std::string_view t) {
  int y, mo, d;
  if (!digits(t, 0, 4, &y) || t[4] != '-' || !digits(t, 5, 2, &mo) || t[7] != '-' ||
      !digits(t, 8, 2, &d))
    return false;
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

// "hh:mm:ss" then optional ".fraction" then "Z" or "+hh:mm"/"-hh:mm".
bool validTimeAndZone(std::string_view t) {
  int h, mi, s;
  if (!digits(t, 0, 2, &h) || t[2] != ':' || !digits(t, 3, 2, &mi) || t[5] != ':' ||
      !digits(t, 6, 2, &s))
    return false;
  if (h > 23 || mi > 59 || s > 60) return false;
  size_t pos = 8;
  if (pos < t.size() && t[pos] == '.') {
    size_t start = ++pos;
    while (pos < t.size() && std::isdigit(static_cast<unsigned char>(t[pos]))) ++pos;
    if (pos == start) return false;
  }
  std::string_view zone = t.substr(pos);
  if (zone == "Z" || zone == "z") return true;
  int zh, zm;
  return zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && digits(zone, 1, 2, &zh) &&
         zone[3] == ':' && digits(zone, 4, 2, &zm) && zh <= 23 && zm <= 59;
}

}  // namespace

bool isRfc3339Timestamp(std::string_view text) {
  if (text.size() < 20) return false;
  if (text[10] != 'T' && text[10] != 't') return false;
  return validDate(text.substr(0, 10)) && validTimeAndZone(text.substr(11));
}

void checkWaitState(StateCtx& s) {
  // AWS: Seconds is a non-negative integer up to 99999999.
  checkIntegerField(s, "Seconds", 0, 99999999);
  const JNode* ts = s.get("Timestamp");
  if (!ts) return;
  if (s.jsonata() && isJsonataExpression(*ts))
    return checkJsonataString(s.ck, *ts, s.at("Timestamp"));
  if (deferToken(s.ck, *ts, s.at("Timestamp"))) return;
  if (!ts->isString()) {
    s.ck.error(ts->begin, "schema-type", "'Timestamp' must be a string", s.at("Timestamp"));
    return;
  }
  if (isRfc3339Timestamp(ts->str())) return;
  s.ck.error(ts->begin, "timestamp-format",
             "'Timestamp' value '" + ts->str() +
                 "' is not an RFC 3339 timestamp such as "
                 "2016-03-14T01:59:00Z",
             s.at("Timestamp"));
}

}  // namespace aslc::validate_detail
