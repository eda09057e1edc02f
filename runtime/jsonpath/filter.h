// Filter expressions "[?(...)]" as Jayway evaluates them: comparisons between
// relative (@) or absolute ($) paths and literals, existence tests, !, && and ||.
#pragma once
#include <memory>
#include <regex>
#include <vector>

#include "aslrt/json.h"
#include "path_ast.h"

namespace aslrt::jsonpath_detail {

struct FilterOperand {
  enum class Kind { Literal, Relative, Absolute };
  Kind kind = Kind::Literal;
  Json literal;
  std::vector<Segment> path;
  bool definite = true;
  std::shared_ptr<const std::regex> regex;  // right side of =~ (/pattern/flags)
};

enum class CompareOp { Eq, Ne, Lt, Le, Gt, Ge, Regex, In, Nin };

struct FilterExpr {
  enum class Kind { Or, And, Not, Compare, Exists };
  Kind kind = Kind::Exists;
  std::shared_ptr<const FilterExpr> lhs, rhs;  // Or/And (both), Not (lhs)
  CompareOp op = CompareOp::Eq;
  FilterOperand left, right;  // Compare (both), Exists (left)
};

// current: the node under test (@); root: the document ($).
bool evalFilter(const FilterExpr& expr, const Json& current, const Json& root);

}  // namespace aslrt::jsonpath_detail
