#include "aslrt/payload_size.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "aslrt/word_scan.h"

namespace aslrt {

// nlohmann's escaping (ensure_ascii off): '"' '\\' and \b \t \n \f \r take
// two bytes, other bytes below 0x20 six (\u00XX), everything else one.
uint64_t quotedSize(std::string_view s) {
  uint64_t n = 2 + s.size();
  // Most strings escape nothing: skip 8 bytes at a time while none does.
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8)
    if (word_scan::anyEscapes(word_scan::load(s.data() + i))) break;
  for (unsigned char c : s.substr(i)) {
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

namespace {

// The walk behind serializedSize and measure: sizes, and (kDepth) the
// deepest level reached, descending no further than maxDepth levels.
template <bool kDepth>
struct Walk {
  uint32_t maxDepth = kDepthUnknown;
  uint32_t deepest = 0;

  uint64_t size(const Json& v, uint32_t level) {
    switch (v.type()) {
      case Json::value_t::null: return 4;
      case Json::value_t::boolean: return v.get_ref<const Json::boolean_t&>() ? 4 : 5;
      case Json::value_t::string: return quotedSize(v.get_ref<const std::string&>());
      case Json::value_t::number_unsigned: return digitCount(*v.get_ptr<const Json::number_unsigned_t*>());
      case Json::value_t::number_integer: {
        int64_t i = *v.get_ptr<const Json::number_integer_t*>();
        // Negate in unsigned arithmetic: INT64_MIN has no positive counterpart.
        return i < 0 ? 1 + digitCount(0 - static_cast<uint64_t>(i)) : digitCount(static_cast<uint64_t>(i));
      }
      case Json::value_t::number_float: return floatSize(*v.get_ptr<const Json::number_float_t*>());
      case Json::value_t::object: {  // (the containers themselves: nlohmann's iterators cost more)
        if (!enter(++level)) return 0;
        const Json::object_t& members = v.get_ref<const Json::object_t&>();
        uint64_t n = 2 + (members.empty() ? 0 : members.size() - 1);  // braces, commas
        for (const auto& [key, value] : members) n += quotedSize(key) + 1 + element(value, level);
        return n;
      }
      case Json::value_t::array: {
        if (!enter(++level)) return 0;
        const Json::array_t& items = v.get_ref<const Json::array_t&>();
        uint64_t n = 2 + (items.empty() ? 0 : items.size() - 1);
        for (const Json& item : items) n += element(item, level);
        return n;
      }
      case Json::value_t::discarded: return 11;  // "<discarded>"
      case Json::value_t::binary: break;
    }
    return v.dump().size();  // binary values never occur in payloads
  }

  // A member or element: a non-negative integer (counts, ids, the most
  // common scalar in lists) measured here, without a call.
  uint64_t element(const Json& v, uint32_t level) {
    if (v.is_number_unsigned()) return digitCount(*v.get_ptr<const Json::number_unsigned_t*>());
    return size(v, level);
  }

  // Whether to walk a container at `level`.
  bool enter(uint32_t level) {
    if constexpr (!kDepth) return true;
    deepest = std::max(deepest, level);
    return level <= maxDepth;
  }
};

}  // namespace

uint64_t serializedSize(const Json& v) { return Walk<false>{}.size(v, 0); }

SizeBound sizeOf(const Json& v) {
  Extent e = measure(v);
  if (e.depth > kMaxStateDepth) return SizeBound::atMost(kSizeUnknown - 1, kDepthBeyond);  // not walked to the bottom
  return SizeBound::exactly(e);
}

uint32_t depthOf(const Json& v, uint64_t bytes) {
  uint32_t depth = SizeBound::depthWithin(bytes);
  return depth <= kMaxStateDepth ? depth : sizeOf(v).depth;
}

bool nestsDeeperThan(const Json& v, uint32_t levels) {
  if (!v.is_structured()) return false;
  if (levels == 0) return true;
  if (v.is_object()) {
    for (const auto& member : v.get_ref<const Json::object_t&>())
      if (nestsDeeperThan(member.second, levels - 1)) return true;
    return false;
  }
  for (const Json& item : v.get_ref<const Json::array_t&>())
    if (nestsDeeperThan(item, levels - 1)) return true;
  return false;
}

Extent measure(const Json& v, uint32_t maxDepth) {
  Walk<true> walk{maxDepth};
  uint64_t bytes = walk.size(v, 0);
  return {bytes, walk.deepest};
}

}  // namespace aslrt
