// The tree-walking evaluator. One Evaluator runs one evaluation: it carries
// the limits, the clock snapshot used by $now/$millis, and the host functions.
#pragma once
#include <chrono>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "aslrt/jsonata.h"
#include "ast.h"
#include "function.h"
#include "value.h"

namespace aslrt::jsonata {

class Evaluator {
 public:
  Evaluator(const Limits& limits, const std::unordered_map<std::string, Value>* hostFunctions);
  ~Evaluator();  // gives checkValueStack the enclosing evaluation's stack back
  Evaluator(const Evaluator&) = delete;
  Evaluator& operator=(const Evaluator&) = delete;

  Value evaluate(const Node* n, const Value& input, const EnvPtr& env);
  // Calls a function value with already evaluated arguments (runs tail calls).
  Value apply(const Value& fn, const std::vector<Value>& args, const Value& input, const EnvPtr& env);
  // Convenience for higher-order built-ins.
  Value call(const Value& fn, const std::vector<Value>& args) { return apply(fn, args, Value(), rootEnv_); }
  // Arguments a higher-order function passes: value, then index/array if the
  // callee can take them.
  std::vector<Value> hofArgs(const Value& fn, Value a, Value b, Value c);

  EnvPtr makeRootEnv(const Value& input, const Json& bindings);
  double nowMillis() const { return nowMillis_; }
  std::mt19937_64& rng() { return rng_; }

 private:
  friend class PathEvaluator;
  Value evaluateNode(const Node* n, const Value& input, const EnvPtr& env);
  Value evaluateBinary(const Node* n, const Value& input, const EnvPtr& env);
  Value evaluateUnary(const Node* n, const Value& input, const EnvPtr& env);
  Value evaluateArray(const Node* n, const Value& input, const EnvPtr& env);
  Value evaluateBlock(const Node* n, const Value& input, const EnvPtr& env);
  Value evaluateCondition(const Node* n, const Value& input, const EnvPtr& env);
  Value evaluateVariable(const Node* n, const Value& input, const EnvPtr& env);
  Value evaluateFunctionCall(const Node* n, const Value& input, const EnvPtr& env, const Value* applyTo);
  Value evaluatePartial(const Node* n, const Value& input, const EnvPtr& env);
  Value evaluateLambda(const Node* n, const Value& input, const EnvPtr& env);
  Value evaluateApplyOp(const Node* n, const Value& input, const EnvPtr& env);
  Value evaluateTransform(const Node* n, const Value& input, const EnvPtr& env);
  Value applyOnce(const Value& fn, const std::vector<Value>& args, const Value& input, const EnvPtr& env);
  Value applyLambda(const FunctionData& f, const std::vector<Value>& args);
  void enter();

  Limits limits_;
  int depth_ = 0;
  size_t steps_ = 0;
  const char* stackBase_ = nullptr;
  size_t stackBudget_ = 0;
  const char* enclosingBase_ = nullptr;  // checkValueStack's, before this evaluation
  size_t enclosingBudget_ = 0;
  int64_t startCpuMicros_ = 0;  // the thread's CPU time when evaluation began
  double nowMillis_ = 0;
  std::mt19937_64 rng_;
  EnvPtr rootEnv_;
  const std::unordered_map<std::string, Value>* host_;
};

// Path, step, predicate, sort and group evaluation (evaluate_path.cpp).
EnvPtr frameFromTuple(const EnvPtr& env, const Value& tuple);
Value evaluatePath(Evaluator& ev, const Node* n, const Value& input, const EnvPtr& env);
Value evaluateFilter(Evaluator& ev, const Node* pred, const Value& input, const EnvPtr& env);
Value evaluateGroup(Evaluator& ev, const Group& g, const Value& input, const EnvPtr& env);
Value evaluateSort(Evaluator& ev, const Node* sortNode, const Value& input, const EnvPtr& env);
Value lookupField(const Value& input, const std::string& key);
Value evaluateWildcard(const Value& input);
Value evaluateDescendants(const Value& input);

// Built-in function table (functions.cpp).
const Value* builtinFunction(const std::string& name);

// jsonata-js truthiness ($boolean); undefined for undefined/functions-only input.
Value toBoolean(const Value& v);
bool truthy(const Value& v);
// `a ~> append b` semantics: undefined-aware array concatenation.
Value appendValues(const Value& a, const Value& b);

}  // namespace aslrt::jsonata
