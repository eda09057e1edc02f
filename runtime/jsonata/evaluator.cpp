// Core evaluation: dispatch on node type, operators, blocks, conditions,
// variables, and the runaway-recursion guard (U1001).
#include "evaluator.h"

#include <cmath>
#include <ctime>

#include "errors.h"

namespace aslrt::jsonata {

namespace {
constexpr int kDefaultMaxDepth = 100000;
constexpr size_t kDefaultStackBytes = 4u << 20;
}  // namespace

namespace {

int64_t threadCpuMicros() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
}

// The running evaluation's stack, for checkValueStack: where it began and
// how much of it the evaluation may use (null outside an evaluation).
thread_local const char* tStackBase = nullptr;
thread_local size_t tStackBudget = 0;

size_t stackUsed(const char* base) {
  char here;
  return static_cast<size_t>(base > &here ? base - &here : &here - base);
}

}  // namespace

void checkValueStack() {
  if (tStackBase && stackUsed(tStackBase) > tStackBudget)
    throw JsonataError("U1001", "Stack overflow error: a value nests arrays and objects too deeply");
}

Evaluator::Evaluator(const Limits& limits, const std::unordered_map<std::string, Value>* hostFunctions)
    : limits_(limits), host_(hostFunctions) {
  char here;
  stackBase_ = &here;
  stackBudget_ = limits.maxStackBytes ? limits.maxStackBytes : kDefaultStackBytes;
  enclosingBase_ = tStackBase;
  enclosingBudget_ = tStackBudget;
  tStackBase = stackBase_;
  tStackBudget = stackBudget_;
  if (limits_.maxDepth <= 0) limits_.maxDepth = kDefaultMaxDepth;
  startCpuMicros_ = threadCpuMicros();
  nowMillis_ = static_cast<double>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                       std::chrono::system_clock::now().time_since_epoch())
                                       .count());
  rng_.seed(std::random_device{}());
}

Evaluator::~Evaluator() {
  tStackBase = enclosingBase_;
  tStackBudget = enclosingBudget_;
}

// Guards against runaway recursion: nesting depth, native stack use, time.
void Evaluator::enter() {
  if (++depth_ > limits_.maxDepth || stackUsed(stackBase_) > stackBudget_) throw JsonataError("U1001");
  if (limits_.timeLimitMs > 0 && (++steps_ & 255) == 0) {
    // CPU time of this thread, not wall time: the limit catches runaway
    // expressions, and a loaded machine must not turn a slow case into one.
    if (threadCpuMicros() - startCpuMicros_ > static_cast<int64_t>(limits_.timeLimitMs) * 1000)
      throw JsonataError("U1001", "Expression evaluation timeout: Check for infinite loop");
  }
}

EnvPtr Evaluator::makeRootEnv(const Value& input, const Json& bindings) {
  rootEnv_ = std::make_shared<Env>();
  if (bindings.is_object())
    for (auto& [k, v] : bindings.items()) rootEnv_->bind(k, fromJson(v));
  if (host_)
    for (auto& [k, v] : *host_) rootEnv_->bind(k, v);
  rootEnv_->bind("$", input);
  return rootEnv_;
}

Value Evaluator::evaluate(const Node* n, const Value& input, const EnvPtr& env) {
  enter();
  Value result = evaluateNode(n, input, env);
  for (const Node* pred : n->predicate) result = evaluateFilter(*this, pred, result, env);
  if (n->type != NodeType::Path && n->group) result = evaluateGroup(*this, *n->group, result, env);
  if (result.isArray() && result.arr().sequence && !result.arr().tupleStream) {
    if (n->keepArray) result.arr().keepSingleton = true;
    result = unwrapSequence(result);
  }
  --depth_;
  return result;
}

Value Evaluator::evaluateNode(const Node* n, const Value& input, const EnvPtr& env) {
  switch (n->type) {
    case NodeType::Path: return evaluatePath(*this, n, input, env);
    case NodeType::Binary: return evaluateBinary(n, input, env);
    case NodeType::Unary: return evaluateUnary(n, input, env);
    case NodeType::Name: return lookupField(input, n->value);
    case NodeType::String: return Value::string(n->value);
    case NodeType::Number: return Value::number(n->number);
    case NodeType::Value:
      if (n->value == "null") return Value::null();
      return Value::boolean(n->value == "true");
    case NodeType::Wildcard: return evaluateWildcard(input);
    case NodeType::Descendant: return evaluateDescendants(input);
    case NodeType::Parent: {
      const Value* v = env->lookup(n->slot->label);
      return v ? *v : Value();
    }
    case NodeType::Condition: return evaluateCondition(n, input, env);
    case NodeType::Block: return evaluateBlock(n, input, env);
    case NodeType::Bind: {
      Value v = evaluate(n->rhs, input, env);
      env->bind(n->lhs->value, v);
      return v;
    }
    case NodeType::Regex: {
      auto f = std::make_shared<FunctionData>();
      f->kind = FunctionData::Kind::Regex;
      f->regex = n->regex;
      return Value::function(f);
    }
    case NodeType::Function: return evaluateFunctionCall(n, input, env, nullptr);
    case NodeType::Variable: return evaluateVariable(n, input, env);
    case NodeType::Lambda: return evaluateLambda(n, input, env);
    case NodeType::Partial: return evaluatePartial(n, input, env);
    case NodeType::Apply: return evaluateApplyOp(n, input, env);
    case NodeType::Transform: return evaluateTransform(n, input, env);
    default: return Value();
  }
}

Value Evaluator::evaluateVariable(const Node* n, const Value& input, const EnvPtr& env) {
  if (n->value.empty()) {
    if (input.isArray() && input.arr().outerWrapper && !input.arr().items.empty()) return input.arr().items[0];
    return input;
  }
  if (const Value* v = env->lookup(n->value)) return *v;
  if (const Value* b = builtinFunction(n->value)) return *b;
  return Value();
}

Value Evaluator::evaluateBlock(const Node* n, const Value& input, const EnvPtr& env) {
  EnvPtr frame = childEnv(env);
  Value result;
  for (const Node* e : n->expressions) result = evaluate(e, input, frame);
  return result;
}

Value Evaluator::evaluateCondition(const Node* n, const Value& input, const EnvPtr& env) {
  Value cond = evaluate(n->condition, input, env);
  if (truthy(cond)) return evaluate(n->then, input, env);
  if (n->otherwise) return evaluate(n->otherwise, input, env);
  return Value();
}

Value toBoolean(const Value& v) {
  switch (v.type()) {
    case Type::Undefined: return Value();
    case Type::Null: return Value::boolean(false);
    case Type::Bool: return v;
    case Type::Number: return Value::boolean(v.n() != 0 && !std::isnan(v.n()));
    case Type::String: return Value::boolean(!v.s().empty());
    case Type::Object: return Value::boolean(v.obj().size() > 0);
    case Type::Function: return Value::boolean(false);
    case Type::Array: {
      auto& items = v.arr().items;
      checkValueStack();
      if (items.size() == 1) return toBoolean(items[0]);
      for (auto& item : items)
        if (truthy(item)) return Value::boolean(true);
      return Value::boolean(false);
    }
  }
  return Value();
}

bool truthy(const Value& v) {
  Value b = toBoolean(v);
  return b.isBool() && b.b();
}

Value appendValues(const Value& a, const Value& b) {
  if (a.isUndefined()) return b;
  if (b.isUndefined()) return a;
  Value out = Value::array();
  auto& items = out.arr().items;
  if (a.isArray()) {
    items = a.arr().items;
  } else {
    items.push_back(a);
  }
  if (b.isArray()) items.insert(items.end(), b.arr().items.begin(), b.arr().items.end());
  else items.push_back(b);
  return out;
}

}  // namespace aslrt::jsonata
