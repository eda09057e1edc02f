// Object, boolean and type functions: $keys, $lookup, $spread, $merge,
// $each, $sift, $boolean, $not, $exists, $type, $clone, $error, $assert.
#include "errors.h"
#include "format_value.h"
#include "functions.h"

namespace aslrt::jsonata {

namespace {

Value keys(const Value& v) {
  Value out = Value::sequence();
  auto& res = out.arr().items;
  if (v.isArray()) {
    std::vector<std::string> seen;
    for (auto& item : v.arr().items) {
      if (!item.isObject()) continue;
      for (auto& [k, x] : item.obj().entries)
        if (std::find(seen.begin(), seen.end(), k) == seen.end()) seen.push_back(k);
    }
    for (auto& k : seen) res.push_back(Value::string(k));
  } else if (v.isObject()) {
    for (auto& [k, x] : v.obj().entries) res.push_back(Value::string(k));
  }
  return out;
}

Value spread(const Value& v) {
  if (v.isArray()) {
    checkValueStack();
    Value out = Value::sequence();
    for (auto& item : v.arr().items) out = appendValues(out, spread(item));
    return out;
  }
  if (!v.isObject()) return v;
  Value out = Value::sequence();
  for (auto& [k, x] : v.obj().entries) {
    Value o = Value::object();
    o.obj().set(k, x);
    out.arr().items.push_back(o);
  }
  return out;
}

Value merge(const Value& v) {
  if (v.isUndefined()) return v;
  Value out = Value::object();
  for (auto& item : v.arr().items)
    for (auto& [k, x] : item.obj().entries) out.obj().set(k, x);
  return out;
}

Value each(Evaluator& ev, std::vector<Value>& a) {
  if (a[0].isUndefined()) return Value();
  Value out = Value::sequence();
  for (auto& [k, x] : a[0].obj().entries) {
    Value r = ev.call(a[1], ev.hofArgs(a[1], x, Value::string(k), a[0]));
    if (!r.isUndefined()) out.arr().items.push_back(r);
  }
  return out;
}

Value sift(Evaluator& ev, std::vector<Value>& a) {
  if (a[0].isUndefined()) return Value();
  Value out = Value::object();
  for (auto& [k, x] : a[0].obj().entries)
    if (truthy(ev.call(a[1], ev.hofArgs(a[1], x, Value::string(k), a[0])))) out.obj().set(k, x);
  return out.obj().size() ? out : Value();
}

const char* typeName(const Value& v) {
  switch (v.type()) {
    case Type::Null: return "null";
    case Type::Bool: return "boolean";
    case Type::Number: return "number";
    case Type::String: return "string";
    case Type::Array: return "array";
    case Type::Object: return "object";
    case Type::Function: return "function";
    default: return nullptr;
  }
}

}  // namespace

void registerObjectFunctions(Registry& r) {
  addNative(r, "keys", "<x-:a<s>>", 1, [](Evaluator&, std::vector<Value>& a) { return keys(a[0]); });
  addNative(r, "lookup", "<x-s:x>", 2, [](Evaluator&, std::vector<Value>& a) {
    return a[1].isString() ? lookupField(a[0], a[1].s()) : Value();  // no key: nothing found
  });
  addNative(r, "spread", "<x-:a<o>>", 1, [](Evaluator&, std::vector<Value>& a) { return spread(a[0]); });
  addNative(r, "merge", "<a<o>:o>", 1, [](Evaluator&, std::vector<Value>& a) { return merge(a[0]); });
  addNative(r, "each", "<o-f:a>", 2, [](Evaluator& ev, std::vector<Value>& a) { return each(ev, a); });
  addNative(r, "sift", "<o-f?:o>", 2, [](Evaluator& ev, std::vector<Value>& a) { return sift(ev, a); });
  addNative(r, "boolean", "<x-:b>", 1, [](Evaluator&, std::vector<Value>& a) { return toBoolean(a[0]); });
  addNative(r, "not", "<x-:b>", 1, [](Evaluator&, std::vector<Value>& a) {
    return a[0].isUndefined() ? Value() : Value::boolean(!truthy(a[0]));
  });
  addNative(r, "exists", "<x:b>", 1, [](Evaluator&, std::vector<Value>& a) { return Value::boolean(!a[0].isUndefined()); });
  addNative(r, "type", "<x:s>", 1, [](Evaluator&, std::vector<Value>& a) {
    const char* t = typeName(a[0]);
    return t ? Value::string(t) : Value();
  });
  addNative(r, "clone", "<(oa)-:o>", 1, [](Evaluator&, std::vector<Value>& a) { return deepClone(a[0]); });
  addNative(r, "error", "<s?:x>", 1, [](Evaluator&, std::vector<Value>& a) -> Value {
    std::string msg = a[0].isUndefined() ? "$error() function evaluated" : a[0].s();
    throw JsonataError("D3137", msg);
  });
  addNative(r, "assert", "<bs?:x>", 2, [](Evaluator&, std::vector<Value>& a) -> Value {
    if (a[0].isBool() && a[0].b()) return Value();
    std::string msg = argAt(a, 1).isUndefined() ? "$assert() statement failed" : a[1].s();
    throw JsonataError("D3141", msg);
  });
}

}  // namespace aslrt::jsonata
