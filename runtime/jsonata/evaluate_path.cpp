// Path evaluation: steps map over the input sequence and flatten; tuple steps
// (`@`, `#`, `%`) carry variable bindings alongside each item.
#include <cmath>

#include "errors.h"
#include "evaluator.h"

namespace aslrt::jsonata {

// A child scope binding a tuple's variables (@, #, % steps).
EnvPtr frameFromTuple(const EnvPtr& env, const Value& tuple) {
  EnvPtr frame = childEnv(env);
  for (auto& [k, v] : tuple.obj().entries) frame->bind(k, v);
  return frame;
}

namespace {

Value tupleContext(const Value& tuple) {
  const Value* at = tuple.obj().get("@");
  return at ? *at : Value();
}

Value asArray(const Value& v) {
  if (v.isArray()) return v;
  Value s = Value::sequence();
  s.arr().items.push_back(v);
  return s;
}

Value evaluateStages(Evaluator& ev, const std::vector<Stage>& stages, Value input, const EnvPtr& env) {
  for (auto& stage : stages) {
    if (!stage.isIndex) {
      input = evaluateFilter(ev, stage.expr, input, env);
      continue;
    }
    auto& items = input.arr().items;
    for (size_t i = 0; i < items.size(); ++i) items[i].obj().set(stage.var, Value::number(double(i)));
  }
  return input;
}

Value evaluateStep(Evaluator& ev, const Node* step, const Value& input, const EnvPtr& env, bool lastStep) {
  if (step->type == NodeType::Sort) return evaluateStages(ev, step->stages, evaluateSort(ev, step, input, env), env);
  std::vector<Value> results;
  for (auto& item : input.arr().items) {
    Value res = ev.evaluate(step, item, env);
    for (auto& stage : step->stages) res = evaluateFilter(ev, stage.expr, res, env);
    if (!res.isUndefined()) results.push_back(res);
  }
  if (lastStep && results.size() == 1 && results[0].isArray() && !results[0].arr().sequence) return results[0];
  Value out = Value::sequence();
  auto& items = out.arr().items;
  for (auto& res : results) {
    if (!res.isArray() || res.arr().cons) items.push_back(res);
    else items.insert(items.end(), res.arr().items.begin(), res.arr().items.end());
  }
  return out;
}

Value sortedTuples(Evaluator& ev, const Node* step, const Value& input, const Value& tuples, const EnvPtr& env) {
  if (!tuples.isUndefined()) return evaluateStages(ev, step->stages, evaluateSort(ev, step, tuples, env), env);
  Value sorted = evaluateSort(ev, step, input, env);
  Value out = Value::sequence();
  out.arr().tupleStream = true;
  auto& items = sorted.arr().items;
  for (size_t i = 0; i < items.size(); ++i) {
    Value t = Value::object();
    t.obj().set("@", items[i]);
    if (!step->index.empty()) t.obj().set(step->index, Value::number(double(i)));
    out.arr().items.push_back(t);
  }
  return evaluateStages(ev, step->stages, out, env);
}

// One output tuple per item the step yields for each input tuple.
Value evaluateTupleStep(Evaluator& ev, const Node* step, const Value& input, Value tuples, const EnvPtr& env) {
  if (step->type == NodeType::Sort) return sortedTuples(ev, step, input, tuples, env);
  if (tuples.isUndefined()) {
    tuples = Value::sequence();
    for (auto& item : input.arr().items) {
      Value t = Value::object();
      t.obj().set("@", item);
      tuples.arr().items.push_back(t);
    }
  }
  Value out = Value::sequence();
  out.arr().tupleStream = true;
  for (auto& tuple : tuples.arr().items) {
    Value context = tupleContext(tuple);
    Value res = ev.evaluate(step, context, frameFromTuple(env, tuple));
    if (res.isUndefined()) continue;
    Value list = res.isArray() ? res : arrayOf({res});
    auto& resItems = list.arr().items;
    for (size_t b = 0; b < resItems.size(); ++b) {
      Value t = Value::object();
      t.obj().entries = tuple.obj().entries;
      if (list.arr().tupleStream) {
        for (auto& [k, v] : resItems[b].obj().entries) t.obj().set(k, v);
      } else {
        if (!step->focus.empty()) t.obj().set(step->focus, resItems[b]);
        else t.obj().set("@", resItems[b]);
        if (!step->index.empty()) t.obj().set(step->index, Value::number(double(b)));
        if (step->ancestor) t.obj().set(step->ancestor->label, context);
      }
      out.arr().items.push_back(t);
    }
  }
  return evaluateStages(ev, step->stages, out, env);
}

}  // namespace

Value evaluatePath(Evaluator& ev, const Node* n, const Value& input, const EnvPtr& env) {
  Value inputSeq;
  if (input.isArray() && n->steps[0]->type != NodeType::Variable) {
    inputSeq = input;
  } else {
    inputSeq = Value::sequence();
    inputSeq.arr().items.push_back(input);
  }
  Value result;
  Value tuples;
  bool isTuple = false;
  for (size_t i = 0; i < n->steps.size(); ++i) {
    const Node* step = n->steps[i];
    if (step->tuple) isTuple = true;
    if (i == 0 && step->consarray) result = ev.evaluate(step, inputSeq, env);
    else if (isTuple) tuples = evaluateTupleStep(ev, step, inputSeq, tuples, env);
    else result = evaluateStep(ev, step, inputSeq, env, i + 1 == n->steps.size());
    if (!isTuple && (result.isUndefined() || (result.isArray() && result.arr().items.empty()))) break;
    if (step->focus.empty()) inputSeq = asArray(result);
  }
  if (isTuple) {
    if (n->tuple) {
      result = tuples;
    } else {
      result = Value::sequence();
      for (auto& t : tuples.arr().items) result.arr().items.push_back(tupleContext(t));
    }
  }
  if (n->keepSingletonArray && result.isArray()) {
    if (result.arr().cons && !result.arr().sequence) {
      Value wrapped = Value::sequence();
      wrapped.arr().items.push_back(result);
      result = wrapped;
    }
    result.arr().keepSingleton = true;
  }
  if (n->group) result = evaluateGroup(ev, *n->group, isTuple ? tuples : result, env);
  return result;
}

Value evaluateFilter(Evaluator& ev, const Node* pred, const Value& input, const EnvPtr& env) {
  Value results = Value::sequence();
  if (input.isUndefined()) return results;
  bool tupleStream = input.isArray() && input.arr().tupleStream;
  results.arr().tupleStream = tupleStream;
  Value list = asArray(input);
  auto& items = list.arr().items;
  auto& out = results.arr().items;
  long size = static_cast<long>(items.size());
  if (pred->type == NodeType::Number) {
    long index = static_cast<long>(std::floor(pred->number));
    if (index < 0) index += size;
    if (index < 0 || index >= size) return results;
    const Value& item = items[static_cast<size_t>(index)];
    if (item.isArray()) return item;
    out.push_back(item);
    return results;
  }
  for (long i = 0; i < size; ++i) {
    const Value& item = items[static_cast<size_t>(i)];
    Value res = tupleStream ? ev.evaluate(pred, tupleContext(item), frameFromTuple(env, item))
                            : ev.evaluate(pred, item, env);
    if (res.isNumber() && std::isinf(res.n())) throw JsonataError("D1001");
    if (res.isNumber() && !std::isnan(res.n())) res = arrayOf({res});
    if (isArrayOfNumbers(res)) {
      for (auto& num : res.arr().items) {
        long ii = static_cast<long>(std::floor(num.n()));
        if (ii < 0) ii += size;
        if (ii == i) out.push_back(item);
      }
    } else if (truthy(res)) {
      out.push_back(item);
    }
  }
  return results;
}

Value lookupField(const Value& input, const std::string& key) {
  if (input.isObject()) {
    const Value* v = input.obj().get(key);
    return v ? *v : Value();
  }
  if (!input.isArray()) return Value();
  checkValueStack();
  Value result = Value::sequence();
  auto& out = result.arr().items;
  for (auto& item : input.arr().items) {
    Value res = lookupField(item, key);
    if (res.isUndefined()) continue;
    if (res.isArray()) out.insert(out.end(), res.arr().items.begin(), res.arr().items.end());
    else out.push_back(res);
  }
  return result;
}

namespace {
void flattenInto(const Value& v, std::vector<Value>& out) {
  if (!v.isArray()) {
    out.push_back(v);
    return;
  }
  checkValueStack();
  for (auto& item : v.arr().items) flattenInto(item, out);
}
}  // namespace

Value evaluateWildcard(const Value& input) {
  Value results = Value::sequence();
  const Value* in = &input;
  if (input.isArray() && input.arr().outerWrapper && !input.arr().items.empty()) in = &input.arr().items[0];
  if (in->isObject()) {
    for (auto& [k, v] : in->obj().entries) flattenInto(v, results.arr().items);
  } else if (in->isArray()) {
    for (auto& v : in->arr().items) flattenInto(v, results.arr().items);
  }
  return results;
}

namespace {
void recurseDescendants(const Value& v, std::vector<Value>& out) {
  if (!v.isArray()) out.push_back(v);
  if (v.isArray() || v.isObject()) checkValueStack();
  if (v.isArray()) {
    for (auto& item : v.arr().items) recurseDescendants(item, out);
  } else if (v.isObject()) {
    for (auto& [k, item] : v.obj().entries) recurseDescendants(item, out);
  }
}
}  // namespace

Value evaluateDescendants(const Value& input) {
  if (input.isUndefined()) return Value();
  Value results = Value::sequence();
  recurseDescendants(input, results.arr().items);
  if (results.arr().items.size() == 1) return results.arr().items[0];
  return results;
}

}  // namespace aslrt::jsonata
