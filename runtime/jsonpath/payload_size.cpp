#include "aslrt/payload_size.h"

#include <cmath>

namespace aslrt {

// nlohmann's escaping (ensure_ascii off): '"' '\\' and \b \t \n \f \r take
// two bytes, other bytes below 0x20 six (\u00XX), everything else one.
uint64_t quotedSize(std::string_view s) {
  uint64_t n = 2 + s.size();
  for (unsigned char c : s) {
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    bool shortEscape = c == '"' || c == '\\' || c == '\b' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    n += shortEscape ? 1 : 5;
  }
  return n;
}

namespace {

uint64_t digitCount(uint64_t v) {
  uint64_t n = 1;
  for (; v >= 10; v /= 10) ++n;
  return n;
}

uint64_t floatSize(double x) {
  if (!std::isfinite(x)) return 4;  // "null"
  char buf[64];
  return static_cast<uint64_t>(nlohmann::detail::to_chars(buf, buf + sizeof buf, x) - buf);
}

}  // namespace

uint64_t serializedSize(const Json& v) {
  switch (v.type()) {
    case Json::value_t::null: return 4;
    case Json::value_t::boolean: return v.get_ref<const Json::boolean_t&>() ? 4 : 5;
    case Json::value_t::string: return quotedSize(v.get_ref<const std::string&>());
    case Json::value_t::number_unsigned: return digitCount(v.get<uint64_t>());
    case Json::value_t::number_integer: {
      int64_t i = v.get<int64_t>();
      // Negate in unsigned arithmetic: INT64_MIN has no positive counterpart.
      return i < 0 ? 1 + digitCount(0 - static_cast<uint64_t>(i)) : digitCount(static_cast<uint64_t>(i));
    }
    case Json::value_t::number_float: return floatSize(v.get<double>());
    case Json::value_t::object: {
      uint64_t n = 2 + (v.empty() ? 0 : v.size() - 1);  // braces, commas
      for (auto it = v.begin(); it != v.end(); ++it) n += quotedSize(it.key()) + 1 + serializedSize(it.value());
      return n;
    }
    case Json::value_t::array: {
      uint64_t n = 2 + (v.empty() ? 0 : v.size() - 1);
      for (const Json& item : v) n += serializedSize(item);
      return n;
    }
    case Json::value_t::discarded: return 11;  // "<discarded>"
    case Json::value_t::binary: break;
  }
  return v.dump().size();  // binary values never occur in payloads
}

}  // namespace aslrt
