// RFC 3339 date-times with the restrictions the Choice state page states: "an
// uppercase T must separate the date and time portions, and an uppercase Z
// must denote that a numeric time zone offset is not present".
// https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html
// The recorded Wait cases show AWS rejecting "2016-12-05T21:29:29" (no
// offset), "2016-12-05 21:29:29Z" and hour 25, and accepting nine fraction digits.
#include "aslrt/timestamp.h"

#include "aslrt/civil_date.h"

#include <cstdio>

namespace aslrt {
namespace {

class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}
  bool digits(int count, int* out) {
    *out = 0;
    for (int i = 0; i < count; ++i, ++pos_) {
      if (pos_ >= s_.size() || s_[pos_] < '0' || s_[pos_] > '9') return false;
      *out = *out * 10 + (s_[pos_] - '0');
    }
    return true;
  }
  bool eat(char a, char b = 0) {
    if (pos_ < s_.size() && (s_[pos_] == a || (b && s_[pos_] == b))) return ++pos_, true;
    return false;
  }
  bool done() const { return pos_ == s_.size(); }

 private:
  std::string_view s_;
  size_t pos_ = 0;
};

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int daysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && isLeap(y) ? 29 : kDays[m - 1];
}

// ".ddddddddd": up to nine digits; returns microseconds.
bool readFraction(Reader& r, int64_t* micros) {
  *micros = 0;
  if (!r.eat('.')) return true;
  int count = 0, digit = 0;
  int64_t nanos = 0;
  while (count < 9 && r.digits(1, &digit)) nanos = nanos * 10 + digit, ++count;
  if (count == 0) return false;
  for (int i = count; i < 9; ++i) nanos *= 10;
  *micros = nanos / 1000;
  return true;
}

// "Z" or "+HH:MM[:SS]"; returns the offset in seconds east of UTC.
bool readOffset(Reader& r, int64_t* seconds) {
  *seconds = 0;
  if (r.eat('Z')) return true;
  int sign = r.eat('+') ? 1 : (r.eat('-') ? -1 : 0);
  int hh = 0, mm = 0, ss = 0;
  if (!sign || !r.digits(2, &hh) || !r.eat(':') || !r.digits(2, &mm)) return false;
  if (r.eat(':') && !r.digits(2, &ss)) return false;
  if (hh > 18 || mm > 59 || ss > 59) return false;
  *seconds = sign * (hh * 3600 + mm * 60 + ss);
  return true;
}

}  // namespace

std::optional<int64_t> parseTimestampMicros(std::string_view text) {
  Reader r(text);
  int y, mo, d, h, mi, s;
  if (!r.digits(4, &y) || !r.eat('-') || !r.digits(2, &mo) || !r.eat('-') || !r.digits(2, &d))
    return std::nullopt;
  if (!r.eat('T') || !r.digits(2, &h) || !r.eat(':') || !r.digits(2, &mi) || !r.eat(':') ||
      !r.digits(2, &s))
    return std::nullopt;
  int64_t fraction = 0, offset = 0;
  if (!readFraction(r, &fraction)) return std::nullopt;
  if (!readOffset(r, &offset) || !r.done()) return std::nullopt;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59)
    return std::nullopt;
  int64_t secs = daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s - offset;
  return secs * 1000000 + fraction;
}

std::string formatTimestamp(int64_t micros) {
  int64_t millis = micros >= 0 ? micros / 1000 : -((-micros + 999) / 1000);
  int64_t secs = millis >= 0 ? millis / 1000 : -((-millis + 999) / 1000);
  int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
  int64_t sod = secs - days * 86400;
  CivilDate date = civilFromDays(days);
  int y = static_cast<int>(date.year), m = date.month, d = date.day;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", y, m, d,
                static_cast<int>(sod / 3600), static_cast<int>(sod / 60 % 60),
                static_cast<int>(sod % 60), static_cast<int>(millis - secs * 1000));
  return buf;
}

}  // namespace aslrt
