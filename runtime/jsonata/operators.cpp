// Binary and unary operators: arithmetic, comparison, boolean, string
// concatenation, range, inclusion, array and object constructors.
#include <cmath>

#include "errors.h"
#include "evaluator.h"
#include "format_value.h"
#include "aslrt/utf16_order.h"

namespace aslrt::jsonata {

namespace {

// A usable number: NaN is not a number, infinities are an error (D1001).
bool isNumeric(const Value& v) {
  if (!v.isNumber() || std::isnan(v.n())) return false;
  if (std::isinf(v.n())) throw JsonataError("D1001").val(formatNumber(v.n()));
  return true;
}

Value arithmetic(const Value& l, const Value& r, const std::string& op) {
  if (!l.isUndefined() && !isNumeric(l)) throw JsonataError("T2001").tok(op).val(stringify(l));
  if (!r.isUndefined() && !isNumeric(r)) throw JsonataError("T2002").tok(op).val(stringify(r));
  if (l.isUndefined() || r.isUndefined()) return Value();
  double a = l.n(), b = r.n();
  switch (op[0]) {
    case '+': return Value::number(a + b);
    case '-': return Value::number(a - b);
    case '*': return Value::number(a * b);
    case '/': return Value::number(a / b);
    default: return Value::number(std::fmod(a, b));
  }
}

Value compare(const Value& l, const Value& r, const std::string& op) {
  bool lok = l.isUndefined() || l.isString() || l.isNumber();
  bool rok = r.isUndefined() || r.isString() || r.isNumber();
  if (!lok || !rok) throw JsonataError("T2010").tok(op).val(stringify(lok ? r : l));
  if (l.isUndefined() || r.isUndefined()) return Value();
  if (l.type() != r.type()) throw JsonataError("T2009").tok(op).val(stringify(l));
  int c = l.isNumber() ? (l.n() < r.n() ? -1 : l.n() > r.n() ? 1 : 0) : compareUtf16(l.s(), r.s());
  if (op == "<") return Value::boolean(c < 0);
  if (op == "<=") return Value::boolean(c <= 0);
  if (op == ">") return Value::boolean(c > 0);
  return Value::boolean(c >= 0);
}

Value range(const Value& l, const Value& r) {
  if (!l.isUndefined() && !(l.isNumber() && isInteger(l.n()))) throw JsonataError("T2003").val(stringify(l));
  if (!r.isUndefined() && !(r.isNumber() && isInteger(r.n()))) throw JsonataError("T2004").val(stringify(r));
  if (l.isUndefined() || r.isUndefined() || l.n() > r.n()) return Value();
  double size = r.n() - l.n() + 1;
  if (size > 1e7) throw JsonataError("D2014").val(formatNumber(size));
  Value out = Value::sequence();
  auto& items = out.arr().items;
  items.reserve(static_cast<size_t>(size));
  for (double i = l.n(); i <= r.n(); ++i) items.push_back(Value::number(i));
  return out;
}

// `in`: strict (JS ===) membership, so objects and arrays never match.
bool strictEqual(const Value& a, const Value& b) {
  if (a.type() != b.type()) return false;
  if (a.isArray() || a.isObject() || a.isFunction()) return a.identity() == b.identity();
  return deepEqual(a, b);
}

Value includes(const Value& l, const Value& r) {
  if (l.isUndefined() || r.isUndefined()) return Value::boolean(false);
  if (!r.isArray()) return Value::boolean(strictEqual(l, r));
  for (auto& item : r.arr().items)
    if (strictEqual(l, item)) return Value::boolean(true);
  return Value::boolean(false);
}

}  // namespace

Value Evaluator::evaluateBinary(const Node* n, const Value& input, const EnvPtr& env) {
  const std::string& op = n->value;
  Value lhs = evaluate(n->lhs, input, env);
  if (op == "and" || op == "or") {
    bool l = truthy(lhs);
    if (op == "and" && !l) return Value::boolean(false);
    if (op == "or" && l) return Value::boolean(true);
    return Value::boolean(truthy(evaluate(n->rhs, input, env)));
  }
  if (op == "??") return lhs.isUndefined() ? evaluate(n->rhs, input, env) : lhs;
  if (op == "?:") return truthy(lhs) ? lhs : evaluate(n->rhs, input, env);
  Value rhs = evaluate(n->rhs, input, env);
  try {
    if (op == "+" || op == "-" || op == "*" || op == "/" || op == "%") return arithmetic(lhs, rhs, op);
    if (op == "=" || op == "!=") {
      if (lhs.isUndefined() || rhs.isUndefined()) return Value::boolean(false);
      return Value::boolean(deepEqual(lhs, rhs) == (op == "="));
    }
    if (op == "<" || op == "<=" || op == ">" || op == ">=") return compare(lhs, rhs, op);
    if (op == "&") return Value::string(stringify(lhs) + stringify(rhs));
    if (op == "..") return range(lhs, rhs);
    if (op == "in") return includes(lhs, rhs);
  } catch (JsonataError& e) {
    if (!e.hasPosition) e.at(n->position);
    if (e.token.empty()) e.tok(op);
    throw;
  }
  throw JsonataError("S0204").at(n->position).tok(op);
}

Value Evaluator::evaluateUnary(const Node* n, const Value& input, const EnvPtr& env) {
  if (n->value == "[") return evaluateArray(n, input, env);
  if (n->value == "{") {
    Group g;
    g.pairs = n->pairs;
    g.position = n->position;
    return evaluateGroup(*this, g, input, env);
  }
  Value v = evaluate(n->expression, input, env);
  if (v.isUndefined()) return v;
  if (!isNumeric(v)) throw JsonataError("D1002").at(n->position).tok("-").val(stringify(v));
  return Value::number(-v.n());
}

Value Evaluator::evaluateArray(const Node* n, const Value& input, const EnvPtr& env) {
  Value result = Value::array();
  auto& items = result.arr().items;
  for (const Node* item : n->expressions) {
    Value v = evaluate(item, input, env);
    if (v.isUndefined()) continue;
    bool nested = item->type == NodeType::Unary && item->value == "[";
    if (!nested && v.isArray()) items.insert(items.end(), v.arr().items.begin(), v.arr().items.end());
    else items.push_back(v);
  }
  if (n->consarray) result.arr().cons = true;
  return result;
}

}  // namespace aslrt::jsonata
