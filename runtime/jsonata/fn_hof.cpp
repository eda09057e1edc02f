// Higher-order functions: $map, $filter, $single, $reduce.
#include "errors.h"
#include "functions.h"

namespace aslrt::jsonata {

std::vector<Value> Evaluator::hofArgs(const Value& fn, Value a, Value b, Value c) {
  std::vector<Value> args{std::move(a)};
  int arity = fn.isFunction() ? fn.fn().arity() : 1;
  if (arity >= 2) args.push_back(std::move(b));
  if (arity >= 3) args.push_back(std::move(c));
  return args;
}

namespace {

Value map(Evaluator& ev, std::vector<Value>& a) {
  if (a[0].isUndefined()) return Value();
  Value out = Value::sequence();
  auto& items = a[0].arr().items;
  for (size_t i = 0; i < items.size(); ++i) {
    Value r = ev.call(a[1], ev.hofArgs(a[1], items[i], Value::number(double(i)), a[0]));
    if (!r.isUndefined()) out.arr().items.push_back(r);
  }
  return out;
}

Value filter(Evaluator& ev, std::vector<Value>& a) {
  if (a[0].isUndefined()) return Value();
  Value out = Value::sequence();
  auto& items = a[0].arr().items;
  for (size_t i = 0; i < items.size(); ++i)
    if (truthy(ev.call(a[1], ev.hofArgs(a[1], items[i], Value::number(double(i)), a[0]))))
      out.arr().items.push_back(items[i]);
  return out;
}

Value single(Evaluator& ev, std::vector<Value>& a) {
  if (a[0].isUndefined()) return Value();
  auto& items = a[0].arr().items;
  Value result;
  bool found = false;
  for (size_t i = 0; i < items.size(); ++i) {
    bool positive = true;
    if (!argAt(a, 1).isUndefined())
      positive = truthy(ev.call(a[1], ev.hofArgs(a[1], items[i], Value::number(double(i)), a[0])));
    if (!positive) continue;
    if (found) throw JsonataError("D3138");
    result = items[i];
    found = true;
  }
  if (!found) throw JsonataError("D3139");
  return result;
}

Value reduce(Evaluator& ev, std::vector<Value>& a) {
  if (a[0].isUndefined()) return Value();
  int arity = a[1].fn().arity();
  if (arity < 2) throw JsonataError("D3050");
  auto& items = a[0].arr().items;
  size_t index = 0;
  Value result = argAt(a, 2);
  if (result.isUndefined() && !items.empty()) result = items[index++];
  for (; index < items.size(); ++index) {
    std::vector<Value> args{result, items[index]};
    if (arity >= 3) args.push_back(Value::number(double(index)));
    if (arity >= 4) args.push_back(a[0]);
    result = ev.call(a[1], args);
  }
  return result;
}

}  // namespace

void registerHigherOrderFunctions(Registry& r) {
  addNative(r, "map", "<af>", 2, [](Evaluator& ev, std::vector<Value>& a) { return map(ev, a); });
  addNative(r, "filter", "<af>", 2, [](Evaluator& ev, std::vector<Value>& a) { return filter(ev, a); });
  addNative(r, "single", "<af?>", 2, [](Evaluator& ev, std::vector<Value>& a) { return single(ev, a); });
  addNative(r, "reduce", "<afj?:j>", 3, [](Evaluator& ev, std::vector<Value>& a) { return reduce(ev, a); });
}

}  // namespace aslrt::jsonata
