// Date/time support for $fromMillis, $toMillis and $now: UTC calendar
// arithmetic, XPath date/time picture analysis, formatting and parsing.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "format_integer.h"

namespace aslrt::jsonata {

struct CivilTime {
  long year;
  int month;  // 1-12
  int day;    // 1-31
  int hour, minute, second, millis;
  int weekday;  // ISO: Monday = 1 .. Sunday = 7
  int dayOfYear;
};

CivilTime civilFromMillis(double millis);
double millisFromCivil(long year, int month0, int day, int hour, int minute, int second, int millis);
// Date/time component value (Y, M, D, d, F, W, w, X, x, H, h, m, s, f) of `millis`.
long dateComponent(double millis, char component);

struct PicturePart {
  bool literal = true;
  std::string text;  // literal text
  char component = 0;
  std::string presentation1, presentation2;
  enum class Names { None, Lower, Upper, Title } names = Names::None;
  int widthMin = -1, widthMax = -1;
  int yearDigits = -1;  // Y: keep this many low-order digits (-1: all)
  IntegerFormat integerFormat;
};

// Throws D3132 / D3135 / D3130 etc.
std::vector<PicturePart> analyseDateTimePicture(const std::string& picture);
// `timezone` as "+hhmm"/"-hhmm", or empty for UTC.
std::string formatDateTime(double millis, const std::string* picture, const std::string* timezone);
// Returns nullopt when nothing could be read; throws D3136 for gaps.
std::optional<double> parseDateTime(const std::string& text, const std::string& picture, double nowMillis);
// $toMillis without a picture: ISO 8601 (throws D3110 when malformed).
std::optional<double> parseIso8601(const std::string& text);

extern const char* const kMonthNames[12];
extern const char* const kDayNames[8];  // index 1 = Monday

}  // namespace aslrt::jsonata
