// A JSON value whose strings may be JSONata expressions ("{% expr %}") at
// any depth: Arguments, Output, Assign, Items, Condition, ... Expressions are
// compiled once at start-up; evaluation builds the value with AWS's errors
// (States.QueryEvaluationError and its causes).
#pragma once
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "aslrt/failure.h"
#include "aslrt/json.h"
#include "aslrt/jsonata.h"

namespace aslrt {

class JsonataTemplate {
 public:
  // `field` names the ASL field for causes, e.g. "Output" or "Arguments".
  static std::optional<JsonataTemplate> compile(const Json& value, const std::string& field, std::mt19937_64* rng,
                                                std::string* error);
  // bindings: variable name -> value, including "states". Returns nullopt and
  // sets *failure (the cause without the state prefix) on an error.
  std::optional<Json> evaluate(const Json& bindings, Failure* failure) const;
  bool isExpression() const { return expr_.has_value(); }
  const std::string& expressionText() const { return exprText_; }
  // Whether any expression may read $states.context (it names "context"), so
  // the context object is built only for those.
  bool mayUseContext() const { return mayUseContext_; }

 private:
  Json literal_;                         // when neither expression nor container
  std::optional<jsonata::Expression> expr_;
  std::string exprText_;
  std::string fieldPath_;                // e.g. "Output/result"
  std::vector<std::pair<std::string, JsonataTemplate>> members_;  // objects
  std::vector<JsonataTemplate> elements_;                          // arrays
  enum class Kind { Literal, Expression, Object, Array } kind_ = Kind::Literal;
  bool mayUseContext_ = false;
};

// The random source of $random/$uuid, reseeded by each execution.
std::mt19937_64& jsonataRandom();
// A new execution's seed: JSONata's generator is reseeded from it (with the
// first output of mt19937_64(seed)) just before the next evaluation, so
// executions that evaluate no JSONata pay nothing.
void seedJsonataRandomLater(uint64_t executionSeed);

// The text of a "{% ... %}" string without the delimiters, or nullopt.
std::optional<std::string> jsonataExpressionText(const std::string& s);

}  // namespace aslrt
