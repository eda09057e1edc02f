// Jayway semantics: a path operand that matches nothing is "undefined"; it is
// unequal to everything (so "!=" holds) and never ordered. Numbers compare by
// value, strings lexicographically (EvaluatorFactory.java).
#include <optional>

#include "filter.h"
#include "path_eval.h"

namespace aslrt::jsonpath_detail {
namespace {

std::optional<Json> operandValue(const FilterOperand& op, const Json& current, const Json& root) {
  if (op.kind == FilterOperand::Kind::Literal) return op.literal;
  Matches found;
  collectAll(op.path, op.kind == FilterOperand::Kind::Relative ? current : root, root, &found);
  if (op.definite) {
    if (found.nodes.empty()) return std::nullopt;
    return *found.nodes.front();
  }
  Json all = Json::array();
  for (const Json* node : found.nodes) all.push_back(*node);
  return all;
}

std::string numberText(const Json& n) { return n.dump(); }

// Jayway's ValueNode.equals is asymmetric across strings and numbers: a number
// on the left parses the string, a string on the left prints the number.
bool valuesEqual(const Json& a, const Json& b) {
  if (a.is_number() && b.is_number()) return a.get<double>() == b.get<double>();
  if (a.is_string() && b.is_number()) return a.get_ref<const std::string&>() == numberText(b);
  if (a.is_number() && b.is_string()) {
    Json parsed = Json::parse(b.get_ref<const std::string&>(), nullptr, /*allow_exceptions=*/false);
    return parsed.is_number() && parsed.get<double>() == a.get<double>();
  }
  return a == b;
}

int sign(int c) { return c < 0 ? -1 : (c > 0 ? 1 : 0); }

// <0, 0, >0, or nullopt when the two values have no order. A string and a
// number compare as strings (the number printed), as Jayway does.
std::optional<int> order(const Json& a, const Json& b) {
  if (a.is_number() && b.is_number()) {
    double x = a.get<double>(), y = b.get<double>();
    return x < y ? -1 : (x > y ? 1 : 0);
  }
  if (!(a.is_string() || a.is_number()) || !(b.is_string() || b.is_number())) return std::nullopt;
  std::string x = a.is_string() ? a.get<std::string>() : numberText(a);
  std::string y = b.is_string() ? b.get<std::string>() : numberText(b);
  return sign(x.compare(y));
}

bool contains(const Json& list, const Json& v) {
  for (const auto& item : list)
    if (valuesEqual(item, v)) return true;
  return false;
}

bool compare(const FilterExpr& e, const Json& current, const Json& root) {
  std::optional<Json> l = operandValue(e.left, current, root);
  if (e.op == CompareOp::Regex) {  // numbers and booleans match as their text
    if (!l || !(l->is_string() || l->is_number() || l->is_boolean())) return false;
    return std::regex_match(l->is_string() ? l->get<std::string>() : l->dump(), *e.right.regex);
  }
  if (e.op == CompareOp::In) return l && contains(e.right.literal, *l);
  if (e.op == CompareOp::Nin) return !(l && contains(e.right.literal, *l));
  std::optional<Json> r = operandValue(e.right, current, root);
  bool defined = l && r;
  if (e.op == CompareOp::Eq) return defined && valuesEqual(*l, *r);
  if (e.op == CompareOp::Ne) return !(defined && valuesEqual(*l, *r));
  if (!defined) return false;
  std::optional<int> o = order(*l, *r);
  if (!o) return false;
  switch (e.op) {
    case CompareOp::Lt:
      return *o < 0;
    case CompareOp::Le:
      return *o <= 0;
    case CompareOp::Gt:
      return *o > 0;
    case CompareOp::Ge:
      return *o >= 0;
    default:
      return false;
  }
}

}  // namespace

bool evalFilter(const FilterExpr& expr, const Json& current, const Json& root) {
  switch (expr.kind) {
    case FilterExpr::Kind::Or:
      return evalFilter(*expr.lhs, current, root) || evalFilter(*expr.rhs, current, root);
    case FilterExpr::Kind::And:
      return evalFilter(*expr.lhs, current, root) && evalFilter(*expr.rhs, current, root);
    case FilterExpr::Kind::Not:
      return !evalFilter(*expr.lhs, current, root);
    case FilterExpr::Kind::Compare:
      return compare(expr, current, root);
    case FilterExpr::Kind::Exists: {
      std::optional<Json> v = operandValue(expr.left, current, root);
      return v && !(v->is_array() && !expr.left.definite && v->empty());
    }
  }
  return false;
}

}  // namespace aslrt::jsonpath_detail
