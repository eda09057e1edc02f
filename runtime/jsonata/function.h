// Function values (lambdas, built-ins, partial applications, regexes) and the
// variable environments closures capture.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "ast.h"
#include "value.h"

namespace aslrt::jsonata {

class Evaluator;
struct Signature;

// One frame of variable bindings; frames chain to their enclosing scope.
struct Env {
  std::shared_ptr<Env> parent;
  std::vector<std::pair<std::string, Value>> vars;
  const Value* lookup(const std::string& name) const;
  void bind(const std::string& name, Value v);
};
using EnvPtr = std::shared_ptr<Env>;
EnvPtr childEnv(const EnvPtr& parent);

using NativeImpl = std::function<Value(Evaluator&, std::vector<Value>& args)>;

struct NativeFunction {
  std::string name;
  std::shared_ptr<Signature> signature;  // null: arguments passed unchecked
  NativeImpl impl;
  int arity = 0;  // how many arguments higher-order functions should pass
};
using NativePtr = std::shared_ptr<const NativeFunction>;

struct FunctionData {
  enum class Kind { Lambda, Native, Partial, Regex } kind = Kind::Lambda;
  // Lambda: body, parameter names, closure environment and context value.
  const Node* node = nullptr;
  std::vector<std::string> params;
  EnvPtr env;
  Value input;
  bool thunk = false;  // tail call waiting to be run by the trampoline
  NativePtr native;
  // Partial application of a native: bound values, holes marked by `isHole`.
  Value target;
  std::vector<Value> bound;
  std::vector<bool> isHole;
  std::shared_ptr<Regex> regex;
  int arity() const;
};

Value makeNative(NativePtr native);
bool isLambda(const Value& v);

}  // namespace aslrt::jsonata
