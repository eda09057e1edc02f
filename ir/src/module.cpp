#include "aslc/ir/module.h"

namespace aslc::ir {

const char* typeName(Type type) {
  switch (type) {
    case Type::Json: return "json";
    case Type::Null: return "null";
    case Type::Bool: return "bool";
    case Type::Number: return "number";
    case Type::String: return "string";
    case Type::Object: return "object";
    case Type::Array: return "array";
  }
  return "json";
}

Type typeOfConstant(const aslrt::Json& value) {
  if (value.is_null()) return Type::Null;
  if (value.is_boolean()) return Type::Bool;
  if (value.is_number()) return Type::Number;
  if (value.is_string()) return Type::String;
  if (value.is_object()) return Type::Object;
  return Type::Array;
}

const char* instMnemonic(InstKind kind) {
  switch (kind) {
#define INST(Name, mnemonic, hasResult, operand) \
  case InstKind::Name: return mnemonic;
#include "aslc/ir/inst_kinds.def"
  }
  return "?";
}

bool instHasResult(InstKind kind) {
  switch (kind) {
#define INST(Name, mnemonic, hasResult, operand) \
  case InstKind::Name: return hasResult;
#include "aslc/ir/inst_kinds.def"
  }
  return false;
}

const char* termMnemonic(TermKind kind) {
  switch (kind) {
#define TERM(Name, mnemonic) \
  case TermKind::Name: return mnemonic;
#include "aslc/ir/term_kinds.def"
  }
  return "?";
}

// Pools deduplicate, so a path used by many states is parsed once at start-up.
uint32_t Module::addConstant(aslrt::Json value) {
  for (uint32_t i = 0; i < constants.size(); ++i)
    if (constants[i] == value && constants[i].type() == value.type()) return i;
  constants.push_back(std::move(value));
  return static_cast<uint32_t>(constants.size() - 1);
}

uint32_t Module::addPath(const std::string& path) {
  for (uint32_t i = 0; i < paths.size(); ++i)
    if (paths[i] == path) return i;
  paths.push_back(path);
  return static_cast<uint32_t>(paths.size() - 1);
}

uint32_t Module::addTemplate(aslrt::Json tmpl) {
  templates.push_back(std::move(tmpl));
  return static_cast<uint32_t>(templates.size() - 1);
}

}  // namespace aslc::ir
