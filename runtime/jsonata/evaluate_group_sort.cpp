// Object constructors / group-by (`{k: v}` after a path) and order-by (`^()`).
#include <algorithm>
#include <unordered_map>

#include "errors.h"
#include "evaluator.h"
#include "format_value.h"
#include "aslrt/utf16_order.h"

namespace aslrt::jsonata {

namespace {

// Merges a group's tuples: each binding becomes the sequence of its values.
Value reduceTupleStream(const Value& data) {
  if (!data.isArray()) return data;
  auto& items = data.arr().items;
  Value result = Value::object();
  result.obj().entries = items[0].obj().entries;
  for (size_t i = 1; i < items.size(); ++i) {
    for (auto& [k, v] : items[i].obj().entries) {
      const Value* existing = result.obj().get(k);
      result.obj().set(k, appendValues(existing ? *existing : Value(), v));
    }
  }
  return result;
}

struct GroupEntry {
  std::string key;
  Value data;
  size_t exprIndex;
};

}  // namespace

Value evaluateGroup(Evaluator& ev, const Group& g, const Value& input, const EnvPtr& env) {
  bool reduce = input.isArray() && input.arr().tupleStream;
  std::vector<Value> items;
  if (input.isArray()) items = input.arr().items;
  else items.push_back(input);
  // An empty sequence groups one undefined item, so a literal key still
  // makes its object; an empty tuple stream groups nothing ({}), as
  // jsonata-js 2.x does (x@$e{"k": 1} with no x).
  if (items.empty() && !reduce) items.push_back(Value());
  std::vector<GroupEntry> groups;
  std::unordered_map<std::string, size_t> index;
  for (auto& item : items) {
    EnvPtr itemEnv = reduce ? frameFromTuple(env, item) : env;
    const Value* at = reduce ? item.obj().get("@") : nullptr;
    Value context = reduce ? (at ? *at : Value()) : item;
    for (size_t p = 0; p < g.pairs.size(); ++p) {
      Value key = ev.evaluate(g.pairs[p].first, context, itemEnv);
      if (key.isUndefined()) continue;
      if (!key.isString()) throw JsonataError("T1003").at(g.position).val(stringify(key));
      auto it = index.find(key.s());
      if (it == index.end()) {
        index[key.s()] = groups.size();
        groups.push_back(GroupEntry{key.s(), item, p});
        continue;
      }
      GroupEntry& entry = groups[it->second];
      if (entry.exprIndex != p) throw JsonataError("D1009").at(g.position).val(key.s());
      entry.data = appendValues(entry.data, item);
    }
  }
  Value result = Value::object();
  for (auto& entry : groups) {
    Value context = entry.data;
    EnvPtr valueEnv = env;
    if (reduce) {
      Value tuple = reduceTupleStream(entry.data);
      const Value* at = tuple.obj().get("@");
      context = at ? *at : Value();
      Value rest = Value::object();
      for (auto& [k, v] : tuple.obj().entries)
        if (k != "@") rest.obj().entries.emplace_back(k, v);
      valueEnv = frameFromTuple(env, rest);
    }
    Value value = ev.evaluate(g.pairs[entry.exprIndex].second, context, valueEnv);
    if (!value.isUndefined()) result.obj().set(entry.key, value);
  }
  return result;
}

namespace {

// -1/0/1 ordering of two sort keys; undefined sorts last.
int compareKeys(const Value& a, const Value& b, size_t position) {
  if (a.isUndefined()) return b.isUndefined() ? 0 : 1;
  if (b.isUndefined()) return -1;
  bool aok = a.isString() || a.isNumber();
  bool bok = b.isString() || b.isNumber();
  if (!aok || !bok) throw JsonataError("T2008").at(position).val(stringify(aok ? b : a));
  if (a.type() != b.type()) throw JsonataError("T2007").at(position).val(stringify(a));
  if (a.isNumber()) return a.n() < b.n() ? -1 : a.n() > b.n() ? 1 : 0;
  int c = compareUtf16(a.s(), b.s());
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

}  // namespace

Value evaluateSort(Evaluator& ev, const Node* sortNode, const Value& input, const EnvPtr& env) {
  if (!input.isArray() || input.arr().items.size() <= 1) return input;
  bool tuples = input.arr().tupleStream;
  auto& items = input.arr().items;
  std::vector<std::vector<Value>> keys(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    for (auto& term : sortNode->terms) {
      if (tuples) keys[i].push_back(ev.evaluate(term.expression, *items[i].obj().get("@"), frameFromTuple(env, items[i])));
      else keys[i].push_back(ev.evaluate(term.expression, items[i], env));
    }
  }
  std::vector<size_t> order(items.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    for (size_t t = 0; t < sortNode->terms.size(); ++t) {
      const Value& a = keys[x][t];
      const Value& b = keys[y][t];
      if (a.isUndefined() || b.isUndefined()) {
        if (a.isUndefined() && b.isUndefined()) continue;
        return b.isUndefined();  // undefined sorts last, even descending
      }
      int c = compareKeys(a, b, sortNode->position);
      if (c == 0) continue;
      return sortNode->terms[t].descending ? c > 0 : c < 0;
    }
    return false;
  });
  Value out = Value::array();
  out.arr().tupleStream = tuples;
  for (size_t i : order) out.arr().items.push_back(items[i]);
  return out;
}

}  // namespace aslrt::jsonata
