// Grammar:  or := and ('||' and)* ;  and := unary ('&&' unary)* ;
//           unary := '!' unary | '(' or ')' | operand [op operand]
// An operand alone must be a path: Jayway reads "[?(@.x)]" as "x exists".
// Besides the six comparisons: "=~ /re/i" (whole-string match), "in [...]"
// and "nin [...]" with a list of literals.
#include <cstdlib>
#include <string>

#include "filter.h"
#include "path_parser.h"

namespace aslrt::jsonpath_detail {
namespace {

using ExprPtr = std::shared_ptr<const FilterExpr>;

ExprPtr parseOr(Cursor& c);

bool eatWord(Cursor& c, std::string_view word) {
  if (c.rest().substr(0, word.size()) != word) return false;
  c.advance(word.size());
  return true;
}

bool parseNumber(Cursor& c, FilterOperand* out) {
  std::string digits;
  while (!c.atEnd() &&
         std::string_view("+-.eE0123456789").find(c.peek()) != std::string_view::npos) {
    digits += c.peek();
    c.advance();
  }
  Json parsed = Json::parse(digits, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_number()) return c.fail("invalid number in filter");
  out->literal = parsed;
  return true;
}

bool parsePathOperand(Cursor& c, FilterOperand* out) {
  out->kind = c.peek() == '@' ? FilterOperand::Kind::Relative : FilterOperand::Kind::Absolute;
  c.advance();
  if (!parseSegments(c, /*inFilter=*/true, &out->path)) return false;
  out->definite = segmentsDefinite(out->path);
  return true;
}

bool parseOperand(Cursor& c, FilterOperand* out) {
  c.skipSpaces();
  char ch = c.peek();
  if (ch == '@' || ch == '$') return parsePathOperand(c, out);
  out->kind = FilterOperand::Kind::Literal;
  if (ch == '\'' || ch == '"') {
    std::string s;
    if (!parseQuoted(c, &s)) return false;
    out->literal = s;
    return true;
  }
  if (eatWord(c, "true")) return out->literal = true, true;
  if (eatWord(c, "false")) return out->literal = false, true;
  if (eatWord(c, "null")) return out->literal = nullptr, true;
  if (ch == '-' || (ch >= '0' && ch <= '9')) return parseNumber(c, out);
  return c.fail("expected a filter operand");
}

bool parseCompareOp(Cursor& c, CompareOp* op) {
  static constexpr std::pair<std::string_view, CompareOp> kOps[] = {
      {"=~", CompareOp::Regex}, {"==", CompareOp::Eq}, {"!=", CompareOp::Ne},
      {"<=", CompareOp::Le},    {">=", CompareOp::Ge}, {"<", CompareOp::Lt},
      {">", CompareOp::Gt},     {"in", CompareOp::In}, {"nin", CompareOp::Nin}};
  for (const auto& [text, value] : kOps) {
    if (eatWord(c, text)) {
      *op = value;
      return true;
    }
  }
  return false;
}

bool parseRegex(Cursor& c, FilterOperand* out) {
  c.skipSpaces();
  if (!c.eat('/')) return c.fail("expected /regex/");
  std::string pattern;
  while (!c.atEnd() && c.peek() != '/') {
    if (c.peek() == '\\' && c.peek(1) == '/') c.advance();
    pattern += c.peek();
    c.advance();
  }
  if (!c.eat('/')) return c.fail("unterminated regex");
  auto flags = std::regex::ECMAScript;
  if (c.eat('i')) flags |= std::regex::icase;
  try {
    out->regex = std::make_shared<const std::regex>(pattern, flags);
  } catch (const std::regex_error&) {
    return c.fail("invalid regex");
  }
  return true;
}

bool parseLiteralList(Cursor& c, FilterOperand* out) {
  c.skipSpaces();
  if (!c.eat('[')) return c.fail("expected '[' after in/nin");
  out->literal = Json::array();
  c.skipSpaces();
  if (c.eat(']')) return true;
  do {
    FilterOperand item;
    if (!parseOperand(c, &item)) return false;
    if (item.kind != FilterOperand::Kind::Literal) return c.fail("in/nin lists hold literals only");
    out->literal.push_back(item.literal);
    c.skipSpaces();
  } while (c.eat(','));
  return c.eat(']') || c.fail("expected ']'");
}

bool parseRightOperand(Cursor& c, CompareOp op, FilterOperand* out) {
  if (op == CompareOp::Regex) return parseRegex(c, out);
  if (op == CompareOp::In || op == CompareOp::Nin) return parseLiteralList(c, out);
  return parseOperand(c, out);
}

ExprPtr parseComparison(Cursor& c) {
  auto expr = std::make_shared<FilterExpr>();
  if (!parseOperand(c, &expr->left)) return nullptr;
  c.skipSpaces();
  if (parseCompareOp(c, &expr->op)) {
    expr->kind = FilterExpr::Kind::Compare;
    if (!parseRightOperand(c, expr->op, &expr->right)) return nullptr;
    return expr;
  }
  if (expr->left.kind == FilterOperand::Kind::Literal) {
    c.fail("expected a comparison operator");
    return nullptr;
  }
  expr->kind = FilterExpr::Kind::Exists;
  return expr;
}

ExprPtr parseUnary(Cursor& c) {
  c.skipSpaces();
  if (c.peek() == '!' && c.peek(1) != '=') {
    c.advance();
    auto expr = std::make_shared<FilterExpr>();
    expr->kind = FilterExpr::Kind::Not;
    expr->lhs = parseUnary(c);
    return expr->lhs ? expr : nullptr;
  }
  if (c.eat('(')) {
    ExprPtr inner = parseOr(c);
    c.skipSpaces();
    if (inner && !c.eat(')')) return c.fail("expected ')'"), nullptr;
    return inner;
  }
  return parseComparison(c);
}

ExprPtr parseBinary(Cursor& c, std::string_view opText, FilterExpr::Kind kind,
                    ExprPtr (*next)(Cursor&)) {
  ExprPtr lhs = next(c);
  while (lhs) {
    c.skipSpaces();
    if (!eatWord(c, opText)) return lhs;
    ExprPtr rhs = next(c);
    if (!rhs) return nullptr;
    auto combined = std::make_shared<FilterExpr>();
    combined->kind = kind;
    combined->lhs = lhs;
    combined->rhs = rhs;
    lhs = combined;
  }
  return nullptr;
}

ExprPtr parseAnd(Cursor& c) { return parseBinary(c, "&&", FilterExpr::Kind::And, parseUnary); }
ExprPtr parseOr(Cursor& c) { return parseBinary(c, "||", FilterExpr::Kind::Or, parseAnd); }

}  // namespace

std::shared_ptr<const FilterExpr> parseFilterBody(Cursor& c) {
  ExprPtr expr = parseOr(c);
  if (!expr) return nullptr;
  c.skipSpaces();
  if (!c.eat(')')) return c.fail("expected ')' closing the filter"), nullptr;
  return expr;
}

}  // namespace aslrt::jsonpath_detail
