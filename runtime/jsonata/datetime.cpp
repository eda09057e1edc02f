// UTC calendar arithmetic (proleptic Gregorian) and ISO week numbering.
#include <cmath>

#include "datetime.h"

#include "aslrt/civil_date.h"

namespace aslrt::jsonata {

const char* const kMonthNames[12] = {"January", "February", "March",     "April",   "May",      "June",
                                     "July",    "August",   "September", "October", "November", "December"};
const char* const kDayNames[8] = {"", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

namespace {

constexpr double kDay = 86400000.0;

// Start (millis) of week 1 of a year or month: the week holding its first
// Thursday, weeks starting on Monday (ISO 8601, extended to months by XPath).
double startOfFirstWeek(long year, int month0) {
  double first = millisFromCivil(year, month0, 1, 0, 0, 0, 0);
  int dow = civilFromMillis(first).weekday;
  return dow > 4 ? first + (8 - dow) * kDay : first - (dow - 1) * kDay;
}

// Week number and the (year, month) that owns it, for years (month0 fixed
// to 0, step 12) or months (step 1).
long weekNumber(double millis, bool ofMonth, long& ownerYear, int& ownerMonth0) {
  CivilTime c = civilFromMillis(millis);
  long y = c.year;
  int m = ofMonth ? c.month - 1 : 0;
  auto shift = [&](int delta) {
    int step = ofMonth ? delta : delta * 12;
    long total = y * 12 + m + step;
    y = long(std::floor(double(total) / 12));
    m = int(total - y * 12);
  };
  double start = startOfFirstWeek(y, m);
  if (millis < start) {
    shift(-1);
    start = startOfFirstWeek(y, m);
  } else {
    long ny = y;
    int nm = m;
    shift(1);
    double nextStart = startOfFirstWeek(y, m);
    if (millis < nextStart) {
      y = ny;
      m = nm;
    } else {
      start = nextStart;
    }
  }
  ownerYear = y;
  ownerMonth0 = m;
  return long(std::floor((millis - start) / (7 * kDay))) + 1;
}

}  // namespace

double millisFromCivil(long year, int month0, int day, int hour, int minute, int second, int millis) {
  long y = year + long(std::floor(month0 / 12.0));
  int m = ((month0 % 12) + 12) % 12;
  double days = double(daysFromCivil(y, m + 1, 1)) + (day - 1);
  return days * kDay + hour * 3600000.0 + minute * 60000.0 + second * 1000.0 + millis;
}

CivilTime civilFromMillis(double millis) {
  CivilTime c{};
  double days = std::floor(millis / kDay);
  double rem = millis - days * kDay;
  CivilDate date = civilFromDays(long(days));
  c.year = long(date.year), c.month = date.month, c.day = date.day;
  long msOfDay = long(rem);
  c.hour = int(msOfDay / 3600000);
  c.minute = int(msOfDay / 60000 % 60);
  c.second = int(msOfDay / 1000 % 60);
  c.millis = int(msOfDay % 1000);
  long dow = (long(days) % 7 + 7 + 4) % 7;  // 1970-01-01 was a Thursday (4)
  c.weekday = dow == 0 ? 7 : int(dow);
  c.dayOfYear = int(long(days) - daysFromCivil(c.year, 1, 1) + 1);
  return c;
}

long dateComponent(double millis, char component) {
  CivilTime c = civilFromMillis(millis);
  long year = 0;
  int month0 = 0;
  switch (component) {
    case 'Y': return c.year;
    case 'M': return c.month;
    case 'D': return c.day;
    case 'd': return c.dayOfYear;
    case 'F': return c.weekday;
    case 'W': return weekNumber(millis, false, year, month0);
    case 'X': weekNumber(millis, false, year, month0); return year;
    case 'w': return weekNumber(millis, true, year, month0);
    case 'x': weekNumber(millis, true, year, month0); return month0 + 1;
    case 'H': return c.hour;
    case 'h': return c.hour % 12 == 0 ? 12 : c.hour % 12;
    case 'P': return c.hour >= 12 ? 1 : 0;
    case 'm': return c.minute;
    case 's': return c.second;
    case 'f': return c.millis;
    default: return 0;
  }
}

}  // namespace aslrt::jsonata
