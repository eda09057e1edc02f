#include "aslc/frontend/json_tree.h"

#include <cmath>

namespace aslc {

bool JNode::isInteger() const {
  if (kind != Kind::Number) return false;
  if (scalar.is_number_integer()) return true;
  double v = scalar.get<double>();
  return std::isfinite(v) && std::floor(v) == v;
}

const JMember* JNode::member(std::string_view key) const {
  for (const JMember& m : members)
    if (m.key == key) return &m;
  return nullptr;
}

const JNode* JNode::get(std::string_view key) const {
  const JMember* m = member(key);
  return m ? &m->value : nullptr;
}

aslrt::Json JNode::toJson() const {
  switch (kind) {
    case Kind::Object: {
      aslrt::Json out = aslrt::Json::object();
      for (const JMember& m : members) out[m.key] = m.value.toJson();
      return out;
    }
    case Kind::Array: {
      aslrt::Json out = aslrt::Json::array();
      for (const JNode& e : elements) out.push_back(e.toJson());
      return out;
    }
    default:
      return scalar;
  }
}

const char* kindName(JNode::Kind kind) {
  switch (kind) {
    case JNode::Kind::Null: return "null";
    case JNode::Kind::Bool: return "boolean";
    case JNode::Kind::Number: return "number";
    case JNode::Kind::String: return "string";
    case JNode::Kind::Object: return "object";
    case JNode::Kind::Array: return "array";
  }
  return "value";
}

}  // namespace aslc
