// AWS's runtime is Java: some outputs (States.Format arguments, Jayway error
// messages) show values the way Java's toString() prints them, e.g. an object
// as "{a=1, b=[x, y]}" and the double 1e20 as "1.0E20".
#pragma once
#include <string>

#include "aslrt/json.h"

namespace aslrt::jsonpath_detail {

std::string javaDoubleToString(double value);
// Java toString() of the value as Jackson/Jayway map it to Java objects.
std::string javaToString(const Json& value);
void appendJavaToString(const Json& value, std::string* out);
// Compact JSON as AWS's Jackson writes it: like Json::dump() except that
// doubles print as Java does ("1.0E20", not "1e+20").
std::string javaJsonDump(const Json& value);
// Java class name Jayway reports for a value ("java.lang.String", ...).
std::string javaClassName(const Json& value);

}  // namespace aslrt::jsonpath_detail
