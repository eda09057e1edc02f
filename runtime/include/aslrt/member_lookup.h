// Member lookup in a Json object without going through std::string's
// compare (a memcmp call) for every tree node: keys in workflow documents
// are short and mostly differ early, so they are compared inline, eight
// bytes at a time. The order is std::string's (bytes as unsigned char), so
// the object's std::map finds the same member.
#pragma once
#include <cstdint>
#include <cstring>
#include <string_view>

#include "aslrt/json.h"
#include "aslrt/json_release.h"

namespace aslrt {

struct MemberKey {
  std::string_view name;
};

inline int compareKeys(std::string_view a, std::string_view b) {
  size_t n = a.size() < b.size() ? a.size() : b.size();
  const auto* p = reinterpret_cast<const unsigned char*>(a.data());
  const auto* q = reinterpret_cast<const unsigned char*>(b.data());
  if (n != 0 && p[0] != q[0]) return p[0] < q[0] ? -1 : 1;  // most keys differ there
  size_t i = 1;
  // Then eight bytes at a time, as big-endian words so that their order is
  // the bytes' order, four, and the last three byte by byte. No call: keys
  // are short.
  for (; i + 8 <= n; i += 8) {
    uint64_t x, y;
    std::memcpy(&x, p + i, 8);
    std::memcpy(&y, q + i, 8);
    if (x != y) return __builtin_bswap64(x) < __builtin_bswap64(y) ? -1 : 1;
  }
  if (i + 4 <= n) {
    uint32_t x, y;
    std::memcpy(&x, p + i, 4);
    std::memcpy(&y, q + i, 4);
    if (x != y) return __builtin_bswap32(x) < __builtin_bswap32(y) ? -1 : 1;
    i += 4;
  }
  for (; i < n; ++i)
    if (p[i] != q[i]) return p[i] < q[i] ? -1 : 1;
  return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
}

// For the object map's transparent comparator (std::less<void>).
inline bool operator<(const std::string& a, MemberKey b) { return compareKeys(a, b.name) < 0; }
inline bool operator<(MemberKey a, const std::string& b) { return compareKeys(a.name, b) < 0; }

inline const Json* findMember(const Json& object, std::string_view name) {
  const Json::object_t& members = object.get_ref<const Json::object_t&>();
  auto it = members.find(MemberKey{name});
  return it == members.end() ? nullptr : &it->second;
}

inline Json* findMember(Json& object, std::string_view name) {
  return const_cast<Json*>(findMember(static_cast<const Json&>(object), name));
}

// object[name] = value, inserting the member when it is missing.
inline void setMember(Json::object_t& members, const std::string& name, Json&& value) {
  auto it = members.lower_bound(MemberKey{name});
  if (it != members.end() && it->first.size() == name.size() && compareKeys(it->first, name) == 0)
    replaceWith(it->second, std::move(value));
  else
    members.emplace_hint(it, name, std::move(value));
}

}  // namespace aslrt
