#include "jsonata_template.h"

#include "aslrt/lazy_rng.h"

namespace aslrt {

std::mt19937_64& jsonataRandom() {
  static std::mt19937_64 rng;
  return rng;
}

namespace {
bool jsonataSeedPending = false;
uint64_t jsonataPendingSeed = 0;
}  // namespace

void seedJsonataRandomLater(uint64_t executionSeed) {
  jsonataSeedPending = true;
  jsonataPendingSeed = executionSeed;
}

std::optional<std::string> jsonataExpressionText(const std::string& s) {
  if (s.size() < 4 || s.compare(0, 2, "{%") != 0 || s.compare(s.size() - 2, 2, "%}") != 0) return std::nullopt;
  std::string inner = s.substr(2, s.size() - 4);
  size_t b = inner.find_first_not_of(" \t\r\n");
  size_t e = inner.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : inner.substr(b, e - b + 1);
}

std::optional<JsonataTemplate> JsonataTemplate::compile(const Json& value, const std::string& field,
                                                        std::mt19937_64* rng, std::string* error) {
  JsonataTemplate t;
  t.fieldPath_ = field;
  if (value.is_string()) {
    std::optional<std::string> text = jsonataExpressionText(value.get<std::string>());
    if (text) {
      jsonata::Error e;
      t.expr_ = jsonata::Expression::compile(*text, &e);
      if (!t.expr_) {
        *error = "JSONata expression '" + *text + "' in " + field + ": " + e.code + ": " + e.message;
        return std::nullopt;
      }
      t.expr_->registerAwsFunctions(rng);
      t.exprText_ = *text;
      t.kind_ = Kind::Expression;
      t.mayUseContext_ = text->find("context") != std::string::npos;
      return t;
    }
  }
  if (value.is_object()) {
    t.kind_ = Kind::Object;
    for (auto& [key, v] : value.items()) {
      std::optional<JsonataTemplate> child = compile(v, field + "/" + key, rng, error);
      if (!child) return std::nullopt;
      t.mayUseContext_ = t.mayUseContext_ || child->mayUseContext_;
      t.members_.emplace_back(key, std::move(*child));
    }
    return t;
  }
  if (value.is_array()) {
    t.kind_ = Kind::Array;
    for (size_t i = 0; i < value.size(); ++i) {
      std::optional<JsonataTemplate> child = compile(value[i], field + "[" + std::to_string(i) + "]", rng, error);
      if (!child) return std::nullopt;
      t.mayUseContext_ = t.mayUseContext_ || child->mayUseContext_;
      t.elements_.push_back(std::move(*child));
    }
    return t;
  }
  t.literal_ = value;
  return t;
}

std::optional<Json> JsonataTemplate::evaluate(const Json& bindings, Failure* failure) const {
  switch (kind_) {
    case Kind::Literal: return literal_;
    case Kind::Object: {
      Json out = Json::object();
      for (const auto& [key, child] : members_) {
        std::optional<Json> v = child.evaluate(bindings, failure);
        if (!v) return std::nullopt;
        out[key] = std::move(*v);
      }
      return out;
    }
    case Kind::Array: {
      Json out = Json::array();
      for (const JsonataTemplate& child : elements_) {
        std::optional<Json> v = child.evaluate(bindings, failure);
        if (!v) return std::nullopt;
        out.push_back(std::move(*v));
      }
      return out;
    }
    case Kind::Expression: break;
  }
  if (jsonataSeedPending) {
    jsonataRandom().seed(firstOutput(jsonataPendingSeed));
    jsonataSeedPending = false;
  }
  jsonata::Error e;
  jsonata::Limits limits;
  limits.maxStackBytes = 512 * 1024;  // half a fiber's stack (scheduler.cpp)
  bool returnedFunction = false;
  std::optional<Json> v = expr_->evaluate(nullptr, bindings, limits, &e, &returnedFunction);
  std::string what = "The JSONata expression '" + exprText_ + "' specified for the field '" + fieldPath_ + "'";
  if (!e.code.empty()) {
    *failure = {"States.QueryEvaluationError", what + " threw an error during evaluation. " + e.code + ": " + e.message};
    return std::nullopt;
  }
  if (!v) {
    *failure = {"States.QueryEvaluationError", what + " returned nothing (undefined)."};
    return std::nullopt;
  }
  // A function is no JSON value. AWS says so before any field-specific type
  // check (recorded for Items: map_state_items_eval_jsonata_fail.function).
  if (returnedFunction) {
    *failure = {"States.QueryEvaluationError", what + " returned an unsupported result type."};
    return std::nullopt;
  }
  return v;
}

}  // namespace aslrt
