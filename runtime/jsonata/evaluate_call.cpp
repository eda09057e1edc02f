// Function invocation: calls, the tail-call trampoline, lambdas, partial
// application, the `~>` operator and transform expressions.
#include "errors.h"
#include "evaluator.h"
#include "format_value.h"
#include "regex.h"
#include "signature.h"

namespace aslrt::jsonata {

namespace {

constexpr size_t kMaxTailCalls = 100000000;

std::string procedureName(const Node* proc) {
  if (proc->type == NodeType::Path && !proc->steps.empty()) return proc->steps[0]->value;
  return proc->value;
}

// "Did you mean $name?": a bare name that is also a bound variable/function.
bool nameIsBound(const Node* proc, const EnvPtr& env) {
  if (proc->type != NodeType::Path || proc->steps.empty()) return false;
  const std::string& name = proc->steps[0]->value;
  return env->lookup(name) || builtinFunction(name);
}

// Calling a regex directly yields the first match as {match, start, end,
// groups}, or undefined.
Value regexMatchObject(const FunctionData& f, const std::vector<Value>& args) {
  if (args.empty() || !args[0].isString()) return Value();
  auto m = f.regex->search(args[0].s(), 0);
  if (!m) return Value();
  Value o = Value::object();
  o.obj().set("match", Value::string(args[0].s().substr(m->start, m->end - m->start)));
  o.obj().set("start", Value::number(double(m->start)));
  o.obj().set("end", Value::number(double(m->end)));
  Value groups = Value::array();
  for (auto& g : m->groups) groups.arr().items.push_back(g ? Value::string(*g) : Value());
  o.obj().set("groups", groups);
  return o;
}

}  // namespace

Value Evaluator::evaluateFunctionCall(const Node* n, const Value& input, const EnvPtr& env, const Value* applyTo) {
  Value proc = evaluate(n->procedure, input, env);
  if (proc.isUndefined() && nameIsBound(n->procedure, env))
    throw JsonataError("T1005").at(n->position).tok(procedureName(n->procedure));
  std::vector<Value> args;
  if (applyTo) args.push_back(*applyTo);
  for (const Node* a : n->arguments) args.push_back(evaluate(a, input, env));
  try {
    return apply(proc, args, input, env);
  } catch (JsonataError& e) {
    if (!e.hasPosition) e.at(n->position);
    if (e.token.empty()) e.tok(procedureName(n->procedure));
    throw;
  }
}

Value Evaluator::apply(const Value& fn, const std::vector<Value>& args, const Value& input, const EnvPtr& env) {
  Value result = applyOnce(fn, args, input, env);
  // A tail-call loop needs no stack, so only an iteration cap stops one that
  // never ends (when no time limit was given).
  size_t iterations = 0;
  while (result.isFunction() && result.fn().thunk) {
    if (++iterations > kMaxTailCalls) throw JsonataError("U1001");
    FunctionData& t = result.fn();
    const Node* call = t.node->body;
    Value next = evaluate(call->procedure, t.input, t.env);
    std::vector<Value> nextArgs;
    for (const Node* a : call->arguments) nextArgs.push_back(evaluate(a, t.input, t.env));
    try {
      result = applyOnce(next, nextArgs, Value(), env);
    } catch (JsonataError& e) {
      if (!e.hasPosition) e.at(call->position);
      if (e.token.empty()) e.tok(procedureName(call->procedure));
      throw;
    }
  }
  return result;
}

Value Evaluator::applyOnce(const Value& fn, const std::vector<Value>& args, const Value& input, const EnvPtr& env) {
  if (!fn.isFunction()) throw JsonataError("T1006");
  const FunctionData& f = fn.fn();
  switch (f.kind) {
    case FunctionData::Kind::Lambda: {
      if (f.node->signature) return applyLambda(f, f.node->signature->validate(args, input, ""));
      return applyLambda(f, args);
    }
    case FunctionData::Kind::Native: {
      const NativeFunction& nf = *f.native;
      try {
        std::vector<Value> checked = nf.signature ? nf.signature->validate(args, input, nf.name) : args;
        return nf.impl(*this, checked);
      } catch (JsonataError& e) {
        if (e.token.empty()) e.tok(nf.name);
        throw;
      }
    }
    case FunctionData::Kind::Partial: {
      std::vector<Value> full;
      size_t next = 0;
      for (size_t i = 0; i < f.bound.size(); ++i)
        full.push_back(f.isHole[i] ? (next < args.size() ? args[next++] : Value()) : f.bound[i]);
      return applyOnce(f.target, full, input, env);
    }
    case FunctionData::Kind::Regex: return regexMatchObject(f, args);
  }
  return Value();
}

Value Evaluator::applyLambda(const FunctionData& f, const std::vector<Value>& args) {
  EnvPtr frame = childEnv(f.env);
  for (size_t i = 0; i < f.params.size(); ++i) frame->bind(f.params[i], i < args.size() ? args[i] : Value());
  return evaluate(f.node->body, f.input, frame);
}

Value Evaluator::evaluateLambda(const Node* n, const Value& input, const EnvPtr& env) {
  auto f = std::make_shared<FunctionData>();
  f->kind = FunctionData::Kind::Lambda;
  f->node = n;
  f->params = n->params;
  f->env = env;
  f->input = input;
  f->thunk = n->thunk;
  return Value::function(f);
}

Value Evaluator::evaluatePartial(const Node* n, const Value& input, const EnvPtr& env) {
  std::vector<Value> bound;
  std::vector<bool> holes;
  for (const Node* a : n->arguments) {
    bool hole = a->type == NodeType::Placeholder;
    holes.push_back(hole);
    bound.push_back(hole ? Value() : evaluate(a, input, env));
  }
  Value proc = evaluate(n->procedure, input, env);
  if (proc.isUndefined() && nameIsBound(n->procedure, env))
    throw JsonataError("T1007").at(n->position).tok(procedureName(n->procedure));
  if (!proc.isFunction() || proc.fn().kind == FunctionData::Kind::Regex)
    throw JsonataError("T1008").at(n->position).tok(procedureName(n->procedure));
  auto f = std::make_shared<FunctionData>();
  if (isLambda(proc)) {
    // bind the supplied arguments in a new frame; holes stay parameters
    const FunctionData& src = proc.fn();
    *f = src;
    f->env = childEnv(src.env);
    f->params.clear();
    for (size_t i = 0; i < src.params.size(); ++i) {
      if (i < holes.size() && !holes[i]) f->env->bind(src.params[i], bound[i]);
      else f->params.push_back(src.params[i]);
    }
    return Value::function(f);
  }
  f->kind = FunctionData::Kind::Partial;
  f->target = proc;
  f->bound = std::move(bound);
  f->isHole = std::move(holes);
  return Value::function(f);
}

Value Evaluator::evaluateApplyOp(const Node* n, const Value& input, const EnvPtr& env) {
  Value lhs = evaluate(n->lhs, input, env);
  if (n->rhs->type == NodeType::Function) return evaluateFunctionCall(n->rhs, input, env, &lhs);
  Value func = evaluate(n->rhs, input, env);
  if (!func.isFunction()) throw JsonataError("T2006").at(n->position).val(stringify(func));
  if (!lhs.isFunction()) return apply(func, {lhs}, Value(), env);
  // function composition: (f ~> g)(x) = g(f(x))
  auto chain = std::make_shared<NativeFunction>();
  chain->name = "";
  chain->arity = 1;
  chain->impl = [f = lhs, g = func](Evaluator& ev, std::vector<Value>& args) {
    return ev.call(g, {ev.call(f, args)});
  };
  return makeNative(chain);
}

namespace {

void applyUpdate(Evaluator& ev, const Node* n, const Value& match, const EnvPtr& env) {
  Value update = ev.evaluate(n->update, match, env);
  if (!update.isUndefined()) {
    if (!update.isObject()) throw JsonataError("T2011").at(n->update->position).val(stringify(update));
    if (match.isObject())
      for (auto& [k, v] : update.obj().entries) match.obj().set(k, v);
  }
  if (!n->remove) return;
  Value deletions = ev.evaluate(n->remove, match, env);
  if (deletions.isUndefined()) return;
  Value list = deletions.isArray() ? deletions : arrayOf({deletions});
  if (!isArrayOfStrings(list)) throw JsonataError("T2012").at(n->remove->position).val(stringify(deletions));
  if (!match.isObject()) return;
  for (auto& key : list.arr().items) match.obj().erase(key.s());
}

}  // namespace

Value Evaluator::evaluateTransform(const Node* n, const Value& input, const EnvPtr& env) {
  auto t = std::make_shared<NativeFunction>();
  t->name = "";
  t->arity = 1;
  t->signature = parseSignature("<(oa):o>", n->position);
  t->impl = [n, env](Evaluator& ev, std::vector<Value>& args) -> Value {
    if (args.empty() || args[0].isUndefined()) return Value();
    Value result = deepClone(args[0]);
    Value matches = ev.evaluate(n->pattern, result, env);
    if (matches.isUndefined()) return result;
    std::vector<Value> list = matches.isArray() ? matches.arr().items : std::vector<Value>{matches};
    for (auto& m : list) applyUpdate(ev, n, m, env);
    return result;
  };
  return makeNative(t);
}

}  // namespace aslrt::jsonata
