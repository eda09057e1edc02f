// Public interface of aslc's JSONata evaluator (jsonata-js 2.0.6 semantics, as
// AWS Step Functions runs it). No exception escapes this interface: failures are
// reported through Error, with jsonata-js's error codes.
#pragma once
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "aslrt/json.h"

namespace aslrt::jsonata {

struct Error {
  std::string code;     // jsonata-js code: S0201, T2001, D3030, U1001, ...
  std::string message;  // human-readable explanation
  size_t position = 0;  // character offset in the expression, when known
  std::string token;    // offending token or function name, when known
};

struct Limits {
  int maxDepth = 0;     // nested evaluation depth; 0 = built-in default
  int timeLimitMs = 0;  // CPU-time budget of the evaluating thread; 0 = unlimited
  size_t maxStackBytes = 0;  // native stack budget; 0 = built-in default (4 MiB)
};

// A host function: receives its arguments already checked against `signature`
// (std::nullopt = undefined argument) and returns std::nullopt for undefined.
// It reports failure by filling `error` (code + message) and returning nullopt.
using HostFunction = std::function<std::optional<Json>(
    const std::vector<std::optional<Json>>& args, Error* error)>;

class Program;  // compiled, immutable AST plus registered host functions

class Expression {
 public:
  // Parses `text`; on a syntax error returns nullopt and fills `error`
  // (including the character position).
  static std::optional<Expression> compile(std::string_view text, Error* error);

  // input == nullptr means undefined input. bindings: object mapping variable
  // names (without `$`) to JSON values. Returns nullopt for an undefined result
  // and also on failure, in which case error->code is non-empty. When
  // `returnedFunction` is given it tells whether the result was a function
  // (a lambda or a built-in), which JSON cannot hold (it is returned as "").
  std::optional<Json> evaluate(const Json* input, const Json& bindings,
                               const Limits& limits, Error* error,
                               bool* returnedFunction = nullptr) const;

  // Adds (or replaces) a function `$name` visible to this expression. The
  // signature uses JSONata's syntax, e.g. "<s-n?:s>"; empty = unchecked.
  void registerFunction(const std::string& name, const std::string& signature,
                        HostFunction fn);

  // Adds the six functions AWS Step Functions provides: $partition, $range,
  // $hash, $random([seed]), $uuid and $parse. $uuid and unseeded $random draw
  // from `rng`, which must outlive every evaluation of this expression.
  void registerAwsFunctions(std::mt19937_64* rng);

 private:
  explicit Expression(std::shared_ptr<Program> program);
  std::shared_ptr<Program> program_;
};

}  // namespace aslrt::jsonata
