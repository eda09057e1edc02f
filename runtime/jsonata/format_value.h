// Rendering values as text the way jsonata-js does: JS number formatting and
// $string's JSON serialisation (numbers rounded to 15 significant digits).
#pragma once
#include <string>

#include "value.h"

namespace aslrt::jsonata {

// JS Number.prototype.toString().
std::string formatNumber(double d);
// $string(v): strings unchanged, functions "", others JSON; "" for undefined.
std::string stringify(const Value& v, bool pretty = false);
// JSON text with JS escaping rules.
std::string quoteJson(const std::string& s);

}  // namespace aslrt::jsonata
