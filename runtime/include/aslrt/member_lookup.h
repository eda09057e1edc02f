// Member lookup in a Json object without going through std::string's
// compare for every tree node: keys in workflow documents mostly differ in
// their first byte, which is compared inline; only keys sharing it call
// memcmp. The order is std::string's (bytes as unsigned char), so the
// object's std::map finds the same member. (Comparing the rest inline, 8
// and 4 bytes at a time, ran fewer instructions but was ~3 % slower on the
// retry-catch bench, whose keys share prefixes; this VM has no branch
// counters to say why.)
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
  if (n != 0 && a[0] != b[0]) return static_cast<unsigned char>(a[0]) < static_cast<unsigned char>(b[0]) ? -1 : 1;
  if (int c = n > 1 ? std::memcmp(a.data() + 1, b.data() + 1, n - 1) : 0) return c;
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
