// Member lookup in a Json object by a name that need not be a std::string.
#pragma once
#include <string_view>

#include "aslrt/json.h"
#include "aslrt/json_release.h"

namespace aslrt {

inline const Json* findMember(const Json& object, std::string_view name) {
  const Json::object_t& members = object.get_ref<const Json::object_t&>();
  auto it = members.find(name);
  return it == members.end() ? nullptr : &it->second;
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
