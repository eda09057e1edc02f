// Jayway semantics: a path operand that matches nothing is "undefined"; it is
// unequal to everything (so "!=" holds) and never ordered. Numbers compare by
// value, strings lexicographically (EvaluatorFactory.java).
#include <optional>

#include "filter.h"
#include "path_eval.h"

namespace aslrt::jsonpath_detail {
namespace {

// An operand's value: borrowed (a literal, a node of the document) when it
// can be, so testing every element of a large array copies nothing.
struct Operand {
  const Json* value = nullptr;  // null: undefined (a path that matches nothing)
  Json built;                   // an indefinite path's matches; a merged union
  Matches found;                // owns what a definite path built while matching
  explicit operator bool() const { return value != nullptr; }
  const Json& operator*() const { return *value; }
  const Json* operator->() const { return value; }
};

// Plain single names and indexes ("@.a.b[0]"), walked as collectAll would
// walk them; *plain is false for any other segment.
const Json* walkPlain(const std::vector<Segment>& segs, const Json& start, bool* plain) {
  const Json* at = &start;
  for (const Segment& s : segs) {
    bool name = s.kind == SegmentKind::Property && s.names.size() == 1;
    bool index = s.kind == SegmentKind::Index && s.indexes.size() == 1;
    if (s.deep || !(name || index)) return *plain = false, nullptr;
    if (at == nullptr) continue;
    if (name) {
      auto it = at->is_object() ? at->find(s.names[0]) : at->end();
      at = at->is_object() && it != at->end() ? &*it : nullptr;
      continue;
    }
    int64_t len = at->is_array() ? static_cast<int64_t>(at->size()) : 0;
    int64_t k = s.indexes[0] < 0 ? len + s.indexes[0] : s.indexes[0];
    at = at->is_array() && k >= 0 && k < len ? &(*at)[static_cast<size_t>(k)] : nullptr;
  }
  return at;
}

void operandValue(const FilterOperand& op, const Json& current, const Json& root, Operand* out) {
  if (op.kind == FilterOperand::Kind::Literal) {
    out->value = &op.literal;
    return;
  }
  const Json& start = op.kind == FilterOperand::Kind::Relative ? current : root;
  bool plain = op.definite;
  if (plain) {
    const Json* node = walkPlain(op.path, start, &plain);
    if (plain) {
      out->value = node;
      return;
    }
  }
  collectAll(op.path, start, root, &out->found);
  if (op.definite) {
    if (!out->found.nodes.empty()) out->value = out->found.nodes.front();
    return;
  }
  out->built = Json::array();
  for (const Json* node : out->found.nodes) out->built.push_back(*node);
  out->value = &out->built;
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
  Operand l;
  operandValue(e.left, current, root, &l);
  if (e.op == CompareOp::Regex) {  // numbers and booleans match as their text
    if (!l || !(l->is_string() || l->is_number() || l->is_boolean())) return false;
    return std::regex_match(l->is_string() ? l->get<std::string>() : l->dump(), *e.right.regex);
  }
  if (e.op == CompareOp::In) return l && contains(e.right.literal, *l);
  if (e.op == CompareOp::Nin) return !(l && contains(e.right.literal, *l));
  Operand r;
  operandValue(e.right, current, root, &r);
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
      Operand v;
      operandValue(expr.left, current, root, &v);
      return v && !(v->is_array() && !expr.left.definite && v->empty());
    }
  }
  return false;
}

}  // namespace aslrt::jsonpath_detail
