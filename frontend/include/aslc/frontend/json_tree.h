// A JSON document that remembers where every key and value stands in the
// source, so every later phase can point its diagnostics at the exact byte.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "aslrt/json.h"

namespace aslc {

struct JMember;

struct JNode {
  enum class Kind { Null, Bool, Number, String, Object, Array };
  Kind kind = Kind::Null;
  uint32_t begin = 0;  // offset of the first byte of the value
  uint32_t end = 0;    // one past its last byte
  aslrt::Json scalar;  // the value for Null/Bool/Number/String
  std::vector<JMember> members;  // Object, in document order
  std::vector<JNode> elements;   // Array

  bool isObject() const { return kind == Kind::Object; }
  bool isArray() const { return kind == Kind::Array; }
  bool isString() const { return kind == Kind::String; }
  bool isNumber() const { return kind == Kind::Number; }
  bool isBool() const { return kind == Kind::Bool; }
  bool isNull() const { return kind == Kind::Null; }
  bool isInteger() const;
  const std::string& str() const { return scalar.get_ref<const std::string&>(); }

  const JMember* member(std::string_view key) const;
  const JNode* get(std::string_view key) const;
  aslrt::Json toJson() const;
};

struct JMember {
  std::string key;
  uint32_t keyOffset = 0;  // offset of the key's opening quote
  JNode value;
};

const char* kindName(JNode::Kind kind);

}  // namespace aslc
