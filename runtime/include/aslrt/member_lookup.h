// Member lookup in a Json object by a name that need not be a std::string.
#pragma once
#include <atomic>
#include <cstdint>
#include <string_view>

#include "aslrt/json.h"
#include "aslrt/json_release.h"

namespace aslrt {

inline const Json* findMember(const Json& object, std::string_view name) {
  const Json::object_t& members = object.get_ref<const Json::object_t&>();
  auto it = members.find(name);
  return it == members.end() ? nullptr : &it->second;
}

// findMemberNear's search, when the hint missed: kept out of line, so the
// hit (nearly every lookup in a loop) is a few inlined instructions.
[[gnu::noinline]] inline const Json* findMemberAndHint(const Json::object_t& members, std::string_view name,
                                                        uint32_t& hint) {
  auto it = members.find(name);
  if (it == members.end()) return nullptr;
  std::atomic_ref<uint32_t>(hint).store(static_cast<uint32_t>(it - members.begin()), std::memory_order_relaxed);
  return &it->second;
}

// findMember for a name looked up again and again in objects of one shape:
// `hint`, where it was found last time, is tried first and kept up to date.
// The hint may be shared between threads: read and written relaxed.
inline const Json* findMemberNear(const Json& object, std::string_view name, uint32_t& hint) {
  const Json::object_t& members = object.get_ref<const Json::object_t&>();
  size_t guess = std::atomic_ref<uint32_t>(hint).load(std::memory_order_relaxed);
  if (guess < members.size() && sameKey((members.begin() + guess)->first, name))
    return &(members.begin() + guess)->second;
  return findMemberAndHint(members, name, hint);
}

inline Json* findMember(Json& object, std::string_view name) {
  return const_cast<Json*>(findMember(static_cast<const Json&>(object), name));
}

// object[name] = value: a member keeps its place, a new one goes last.
inline void setMember(Json::object_t& members, const std::string& name, Json&& value) {
  auto [it, inserted] = members.emplace(name, nullptr);
  if (inserted)
    it->second = std::move(value);
  else
    replaceWith(it->second, std::move(value));
}

}  // namespace aslrt
